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

/** Sends `requests` GETs with `concurrency` in flight, and reports errors and latency. */
export async function runLoad({ baseUrl, paths, requests, concurrency, headers = {}, timeoutMs = 10_000 }: LoadOptions): Promise<LoadResult> {
  if (!LOOPBACK.has(new URL(baseUrl).hostname)) throw new Error(`The load benchmark only runs against loopback, not ${baseUrl}.`);
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
        const response = await fetch(`${baseUrl}${path}`, { headers, signal: AbortSignal.timeout(timeoutMs) });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      } catch (error) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
      latencies.push(performance.now() - started);
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
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
