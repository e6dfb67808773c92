import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createApiApp } from '../src/server/routes/api-routes.ts';
import { listen } from '../src/server/http/listen.ts';
import { createServerStack } from '../src/server/http/server-stack.ts';
import { startLatencyUpstream } from './latency-upstream.ts';
import { runLoad, type LoadResult } from './load.ts';

const PATHS = ['/conversations/conv_bench/items?limit=20&order=asc', '/conversations/conv_bench', '/conversations/conv_bench/items?limit=20&order=asc&after=msg_0019'];

interface Running {
  url: string;
  close: () => Promise<void>;
}

type Role = { role: 'provider'; latencyMs: number } | { role: 'viewer' | 'bare'; upstream: string };

/** The viewer's production server stack (access log off) with one source: the provider at `upstream`. */
async function startViewer(upstream: string): Promise<Running> {
  const api = createApiApp({ sources: [{ id: 'bench', label: 'Bench', kind: 'openai', baseUrl: upstream, apiKey: 'sk-bench-0123456789' }] });
  return listen(createServerStack({ api, access: null }), '127.0.0.1', 0);
}

/**
 * The floor the viewer is measured against: a bare node:http proxy with a keep-alive agent that reads each answer,
 * parses it as JSON and passes its text on, and does nothing else (no checks, no limits, no redaction, no headers).
 */
function startBareProxy(upstream: string): Promise<Running> {
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const path = (req.url ?? '').replace('/api/sources/bench', '');
    const upstreamRequest = request(`${upstream}${path}`, { agent, headers: { authorization: 'Bearer sk-bench-0123456789', accept: 'application/json' } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.once('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        JSON.parse(text);
        res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      });
    });
    upstreamRequest.once('error', () => res.writeHead(502).end());
    upstreamRequest.end();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => {
          agent.destroy();
          server.closeAllConnections();
          return new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}

async function start(role: Role): Promise<Running> {
  if (role.role !== 'provider') return role.role === 'viewer' ? startViewer(role.upstream) : startBareProxy(role.upstream);
  const upstream = await startLatencyUpstream(role.latencyMs);
  return { url: upstream.baseUrl, close: upstream.close };
}

/** Runs a role in a thread of its own, as it would run in a process of its own: the client does not share its loop. */
function startThread(script: string, role: Role): Promise<Running> {
  const worker = new Worker(script, { workerData: role });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (url: string) =>
      resolve({
        url,
        close: async () => {
          worker.postMessage('close');
          await new Promise((done) => worker.once('exit', done));
        },
      }),
    );
  });
}

/** In a worker started by `compareWithLatency`: serve the role until told to close. Returns false on the main thread. */
export async function serveWorkerRole(): Promise<boolean> {
  if (isMainThread || !parentPort) return false;
  const port = parentPort;
  const running = await start(workerData as Role);
  port.once('message', async () => {
    await running.close();
    port.close();
  });
  port.postMessage(running.url);
  return true;
}

export interface LatencyComparison {
  direct: LoadResult;
  /** Through the bare node:http proxy, the floor. */
  bare: LoadResult;
  proxied: LoadResult;
  /** CPU time of the whole process (client, proxy and provider) per request, in ms: the median of the rounds. */
  cpuMsPerRequest: { direct: number; bare: number; proxied: number };
  /** The same figures round by round, and the viewer's over the bare proxy's in each. */
  rounds: { direct: number; bare: number; proxied: number; ratio: number }[];
}

/** A run, with the CPU time the whole process spent on it per request: unlike throughput, other load barely moves it. */
async function measured(run: () => Promise<LoadResult>): Promise<{ result: LoadResult; cpuMs: number }> {
  const before = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(before);
  return { result, cpuMs: ((used.user + used.system) / 1000) / result.requests };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The same requests, at the same concurrency, against a provider with `latencyMs` of latency: straight to it, through
 * the bare proxy, then through the viewer, in `rounds` alternating rounds (so that other work on the machine weighs on
 * all three alike); the figures are the medians. With `script`, the provider and the proxies each run in a thread of
 * their own (that script must call `serveWorkerRole`); without, everything shares this thread. Loopback only.
 */
export async function compareWithLatency(latencyMs: number, requests: number, concurrency: number, script?: string, rounds = 1): Promise<LatencyComparison> {
  const run = (role: Role) => (script ? startThread(script, role) : start(role));
  const provider = await run({ role: 'provider', latencyMs });
  const viewer = await run({ role: 'viewer', upstream: provider.url });
  const bareProxy = await run({ role: 'bare', upstream: provider.url });
  const proxiedPaths = PATHS.map((path) => `/api/sources/bench${path}`);
  try {
    // A warm-up of every path, as long as a round when there are rounds, so that the rounds measure servers in their
    // steady state (as a team's server runs), not JIT compilation or new connections.
    const warmUp = rounds > 1 ? requests : concurrency * 2;
    await runLoad({ baseUrl: provider.url, paths: PATHS, requests: warmUp, concurrency });
    await runLoad({ baseUrl: bareProxy.url, paths: proxiedPaths, requests: warmUp, concurrency });
    await runLoad({ baseUrl: viewer.url, paths: proxiedPaths, requests: warmUp, concurrency });
    const results: { direct: Awaited<ReturnType<typeof measured>>; bare: Awaited<ReturnType<typeof measured>>; proxied: Awaited<ReturnType<typeof measured>> }[] = [];
    for (let index = 0; index < rounds; index += 1) {
      const direct = await measured(() => runLoad({ baseUrl: provider.url, paths: PATHS, requests, concurrency }));
      const bare = await measured(() => runLoad({ baseUrl: bareProxy.url, paths: proxiedPaths, requests, concurrency }));
      const proxied = await measured(() => runLoad({ baseUrl: viewer.url, paths: proxiedPaths, requests, concurrency }));
      results.push({ direct, bare, proxied });
    }
    // The round with the median ratio supplies the rates and latencies shown.
    const byRatio = [...results].sort((a, b) => a.proxied.cpuMs / a.bare.cpuMs - b.proxied.cpuMs / b.bare.cpuMs);
    const middle = byRatio[Math.floor(byRatio.length / 2)];
    return {
      direct: middle.direct.result,
      bare: middle.bare.result,
      proxied: middle.proxied.result,
      cpuMsPerRequest: {
        direct: round2(median(results.map((result) => result.direct.cpuMs))),
        bare: round2(median(results.map((result) => result.bare.cpuMs))),
        proxied: round2(median(results.map((result) => result.proxied.cpuMs))),
      },
      rounds: results.map(({ direct, bare, proxied }) => ({
        direct: round2(direct.cpuMs),
        bare: round2(bare.cpuMs),
        proxied: round2(proxied.cpuMs),
        ratio: round2(proxied.cpuMs / bare.cpuMs),
      })),
    };
  } finally {
    await bareProxy.close();
    await viewer.close();
    await provider.close();
  }
}
