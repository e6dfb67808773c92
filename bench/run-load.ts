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

const ms = (value: number) => Math.round(value * 100) / 100;

/** Direct, through the bare proxy and through the viewer, behind a loopback provider with `latencyMs` of latency. */
async function costRun(latencyMs: number, script: string) {
  const requests = 4000;
  const concurrency = 100;
  const rounds = 5;
  const { direct, bare, proxied, cpuMsPerRequest: cpu, rounds: each } = await compareWithLatency(latencyMs, requests, concurrency, script, rounds);
  const share = Math.round((proxied.requestsPerSecond / direct.requestsPerSecond) * 100);
  const viewerAdds = ms(cpu.proxied - cpu.direct);
  const bareAdds = ms(cpu.bare - cpu.direct);
  console.log(`Load: ${requests} requests, ${concurrency} at a time, to a loopback provider that answers after ${latencyMs} ms`);
  console.log(`direct:   ${direct.requestsPerSecond} requests/s (${direct.seconds} s); ${latency(direct)}; errors ${errors(direct)}`);
  console.log(`bare:     ${bare.requestsPerSecond} requests/s (${bare.seconds} s); ${latency(bare)}; errors ${errors(bare)}`);
  console.log(`proxied:  ${proxied.requestsPerSecond} requests/s (${proxied.seconds} s); ${latency(proxied)}; errors ${errors(proxied)}`);
  console.log(`share:    the proxy serves ${share}% of the direct rate`);
  for (const [index, round] of each.entries()) {
    console.log(`round ${index + 1}:  CPU per request, whole process: direct ${round.direct} ms, bare ${round.bare} ms, viewer ${round.proxied} ms (${round.ratio}x the bare proxy's)`);
  }
  console.log(`cpu:      per request, whole process (client, proxy, provider), median of ${rounds} alternating rounds: direct ${cpu.direct} ms, bare node:http proxy ${cpu.bare} ms, viewer ${cpu.proxied} ms`);
  const ratios = each.map((round) => round.ratio).sort((a, b) => a - b);
  console.log(`cost:     a proxy adds ${bareAdds} ms of CPU per request bare, ${viewerAdds} ms through the viewer: ${ms(viewerAdds / bareAdds)}x the bare proxy's (whole process: ${ratios[Math.floor(ratios.length / 2)]}x, the median round; ${ratios[0]}x to ${ratios.at(-1)}x)`);
  return direct.errors === 0 && bare.errors === 0 && proxied.errors === 0;
}

/**
 * `npm run bench`: the demo mix, then the CPU each request costs through the viewer beside a bare node:http proxy's.
 * `npm run bench -- --latency 50` sets the provider's latency of the second part (50 ms unless given).
 */
const flag = process.argv.indexOf('--latency');
const before = memory();
if (await serveWorkerRole()) {
  // This copy of the script is the provider, the bare proxy or the viewer of a latency run, in a thread of its own.
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
  console.log('');
  const latencyMs = flag >= 0 ? Number(process.argv[flag + 1] ?? 50) || 50 : 50;
  const costOk = await costRun(latencyMs, process.argv[1]);
  console.log(`memory:   after ${memory()} (client, proxies and provider, each in a thread of this process)`);
  process.exitCode = result.errors === 0 && costOk ? 0 : 1;
}
