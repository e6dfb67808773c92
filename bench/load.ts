import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  /** The viewer's origin; only loopback addresses are accepted. */
  baseUrl: string;
  /** Paths requested in turn, round robin. */
  paths: readonly string[];
  requests: number;
  concurrency: number;
  headers?: Record<string, string>;
  /** Per-request bound, so a stuck request cannot hold the run up. */
  timeoutMs?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** The first few failures, for the report. */
  errorSamples: string[];
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  seconds: number;
  requestsPerSecond: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/**
 * One GET, read to the end. node:http with a keep-alive agent costs the client a fraction of what fetch does,
 * so the load generator does not crowd out the servers it measures on a small machine.
 */
function get(url: string, agent: Agent, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers, timeout: timeoutMs }, (res) => {
      res.on('data', () => {});
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end();
  });
}

/** Sends `requests` GETs with `concurrency` in flight, and reports errors and latency. */
export async function runLoad({ baseUrl, paths, requests, concurrency, headers = {}, timeoutMs = 10_000 }: LoadOptions): Promise<LoadResult> {
  if (!LOOPBACK.has(new URL(baseUrl).hostname)) throw new Error(`The load benchmark only runs against loopback, not ${baseUrl}.`);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;

  async function worker() {
    while (next < requests) {
      const path = paths[next % paths.length];
      next += 1;
      const started = performance.now();
      try {
        const status = await get(`${baseUrl}${path}`, agent, headers, timeoutMs);
        if (status < 200 || status > 299) throw new Error(`HTTP ${status}`);
      } catch (error) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
      latencies.push(performance.now() - started);
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    requests,
    errors,
    errorSamples,
    latencyMs: {
      p50: round(percentile(sorted, 0.5)),
      p90: round(percentile(sorted, 0.9)),
      p99: round(percentile(sorted, 0.99)),
      max: round(sorted.at(-1) ?? 0),
    },
    seconds: round(seconds),
    requestsPerSecond: Math.round(requests / seconds),
  };
}
