import { loadDemoViewer } from './demo-load.ts';
import { compareWithLatency, serveWorkerRole } from './latency-load.ts';
import type { LoadResult } from './load.ts';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return `rss ${mib(rss)}, heap used ${mib(heapUsed)}`;
}

const latency = (result: LoadResult) => `p50 ${result.latencyMs.p50} ms, p90 ${result.latencyMs.p90} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`;
const errors = (result: LoadResult) => `${result.errors}${result.errorSamples.map((sample) => `\n  ${sample}`).join('')}`;

/** `npm run bench`: the demo mix. `npm run bench -- --latency 50`: direct against proxied, behind a 50 ms provider. */
const flag = process.argv.indexOf('--latency');
const before = memory();
if (await serveWorkerRole()) {
  // This copy of the script is the provider or the viewer of a latency run, in a thread of its own.
} else if (flag >= 0) {
  const latencyMs = Number(process.argv[flag + 1] ?? 50) || 50;
  const requests = 4000;
  const concurrency = 100;
  const { direct, proxied, cpuMsPerRequest: cpu } = await compareWithLatency(latencyMs, requests, concurrency, process.argv[1]);
  const after = memory();
  const share = Math.round((proxied.requestsPerSecond / direct.requestsPerSecond) * 100);
  console.log(`Load: ${requests} requests, ${concurrency} at a time, to a loopback provider that answers after ${latencyMs} ms`);
  console.log(`direct:   ${direct.requestsPerSecond} requests/s (${direct.seconds} s); ${latency(direct)}; errors ${errors(direct)}`);
  console.log(`proxied:  ${proxied.requestsPerSecond} requests/s (${proxied.seconds} s); ${latency(proxied)}; errors ${errors(proxied)}`);
  console.log(`share:    the proxy serves ${share}% of the direct rate`);
  console.log(`cpu:      ${cpu.direct} ms per request direct, ${cpu.proxied} ms proxied: the viewer adds ${Math.round((cpu.proxied - cpu.direct) * 100) / 100} ms of CPU per request`);
  console.log(`memory:   before ${before}; after ${after} (client, viewer and provider, each in a thread of this process)`);
  process.exitCode = direct.errors === 0 && proxied.errors === 0 ? 0 : 1;
} else {
  const REQUESTS = 2000;
  const CONCURRENCY = 50;
  const result = await loadDemoViewer(REQUESTS, CONCURRENCY);
  const after = memory();
  console.log(`Load: ${result.requests} requests through the proxy to the demo source, ${CONCURRENCY} at a time, over loopback`);
  console.log(`errors:   ${errors(result)}`);
  console.log(`latency:  ${latency(result)}`);
  console.log(`rate:     ${result.requestsPerSecond} requests/s (${result.seconds} s)`);
  console.log(`memory:   before ${before}; after ${after} (server, demo upstream and client share this process)`);
  process.exitCode = result.errors === 0 ? 0 : 1;
}
