import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Abortable } from '../http/deadline.ts';

// Connections to each upstream are kept and reused; the proxy's gate bounds how many are open at once.
const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

/**
 * What the upstream read needs of an answer; a `fetch` Response has it too. The body is read once, chunk by chunk;
 * leaving the loop early closes the connection.
 */
export interface UpstreamAnswer {
  status: number;
  statusText: string;
  ok: boolean;
  headers: { get(name: string): string | null };
  body: AsyncIterable<Uint8Array> | null;
}

export type UpstreamFetch = (url: string, init: { headers: Record<string, string>; redirect: 'error'; signal: AbortSignal }) => Promise<UpstreamAnswer>;

function headerReader(headers: IncomingHttpHeaders): UpstreamAnswer['headers'] {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/**
 * The GET the server makes upstream, on node:http(s) with keep-alive, answered as the little of a Response the read
 * uses (no web stream, no Headers object), which costs the server far less CPU per request than `fetch`. It behaves
 * as `fetch(url, { redirect: 'error', signal })` does for the read: a redirect is an error, an abort rejects with the
 * signal's reason (while connecting and while the body is read), and socket errors keep their codes.
 */
export const nodeFetch = (input: string, { headers, signal }: { headers: Record<string, string>; signal: Abortable }): Promise<UpstreamAnswer> => {
  const url = new URL(input);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new TypeError(`unsupported protocol ${url.protocol}`));
  if (signal.aborted) return Promise.reject(signal.reason);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const attempt = (retried: boolean): Promise<UpstreamAnswer> => new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent: agents[url.protocol as 'http:' | 'https:'], headers });
    let response: IncomingMessage | null = null;
    const abort = () => (response ?? req).destroy(signal.reason as Error);
    signal.addEventListener('abort', abort, { once: true });
    req.once('error', (error) => {
      signal.removeEventListener('abort', abort);
      // A kept connection the upstream closed while idle fails as it is reused; a GET is safe to send again, once.
      const code = (error as NodeJS.ErrnoException).code;
      if (!response && !retried && !signal.aborted && req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) resolve(attempt(true));
      else reject(error);
    });
    req.once('response', (res) => {
      response = res;
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        signal.removeEventListener('abort', abort);
        reject(new TypeError('unexpected redirect'));
        return;
      }
      // From here an abort ends the body, which the reader sees as an error.
      res.once('close', () => signal.removeEventListener('abort', abort));
      const empty = status === 204 || status === 304;
      if (empty) res.resume();
      resolve({ status, statusText: res.statusMessage ?? '', ok: status >= 200 && status < 300, headers: headerReader(res.headers), body: empty ? null : res });
    });
    req.end();
  });
  return attempt(false);
};
