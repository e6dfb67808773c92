import { parseErrorBody, type ErrorDetails } from '../lib/error-body.ts';
import type { Source } from './sources.ts';

export type UpstreamResult =
  | { ok: true; body: unknown; requestId: string | null }
  | { ok: false; status: number; error: ErrorDetails; requestId: string | null; retryAfter: string | null };

export interface UpstreamOptions {
  timeoutMs: number;
  fetch?: typeof fetch;
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
}

/**
 * One GET to a source's upstream. Always resolves: failures come back normalised to OpenAI's error shape
 * with the status the browser should see (the upstream's own, or 502/504 for what went wrong on the way).
 */
export async function getFromUpstream(source: Source, path: string, options: UpstreamOptions): Promise<UpstreamResult> {
  const url = `${source.baseUrl}${path}`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      headers: { authorization: `Bearer ${source.apiKey}`, accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      ok: false,
      status: timedOut ? 504 : 502,
      error: timedOut
        ? {
            message: `${source.label} did not answer within ${Math.round(options.timeoutMs / 1000)} seconds.`,
            type: 'upstream_error',
            code: 'upstream_timeout',
          }
        : {
            message: `Could not reach ${source.label} (${describeCause(error)}).`,
            type: 'upstream_error',
            code: 'upstream_unreachable',
          },
      requestId: null,
      retryAfter: null,
    };
  }

  const requestId = response.headers.get('x-request-id');
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return {
      ok: false,
      status: 502,
      error: {
        message: `${source.label} closed the connection mid-answer (${describeCause(error)}).`,
        type: 'upstream_error',
        code: 'upstream_unreachable',
      },
      requestId,
      retryAfter: null,
    };
  }

  if (!response.ok) {
    return {
      ok: false,
      status: response.status,
      error: parseErrorBody(response.status, response.statusText, text),
      requestId,
      retryAfter: response.headers.get('retry-after'),
    };
  }

  try {
    return { ok: true, body: JSON.parse(text), requestId };
  } catch {
    const contentType = response.headers.get('content-type') ?? 'no content type';
    const detail = parseErrorBody(response.status, response.statusText, text).message;
    return {
      ok: false,
      status: 502,
      error: {
        message: `${source.label} answered with something that is not JSON (${contentType}). ${detail}`,
        type: 'upstream_error',
        code: 'upstream_malformed',
      },
      requestId,
      retryAfter: null,
    };
  }
}
