import { loadDemoViewer } from './demo-load.ts';

const REQUESTS = 2000;
const CONCURRENCY = 50;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return `rss ${mib(rss)}, heap used ${mib(heapUsed)}`;
}

const before = memory();
const result = await loadDemoViewer(REQUESTS, CONCURRENCY);
const after = memory();

console.log(`Load: ${result.requests} requests through the proxy to the demo source, ${CONCURRENCY} at a time, over loopback`);
console.log(`errors:   ${result.errors}${result.errorSamples.map((sample) => `\n  ${sample}`).join('')}`);
console.log(`latency:  p50 ${result.latencyMs.p50} ms, p90 ${result.latencyMs.p90} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`);
console.log(`rate:     ${result.requestsPerSecond} requests/s (${result.seconds} s)`);
console.log(`memory:   before ${before}; after ${after} (server, demo upstream and client share this process)`);
process.exitCode = result.errors === 0 ? 0 : 1;
