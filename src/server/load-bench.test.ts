import { describe, expect, it } from 'vitest';
import { loadDemoViewer } from '../../bench/demo-load.ts';
import { compareWithLatency } from '../../bench/latency-load.ts';
import { runLoad } from '../../bench/load.ts';

describe('the load benchmark, small', () => {
  it('sends 200 requests, 10 at a time, through the proxy without a single error', { timeout: 30_000 }, async () => {
    const result = await loadDemoViewer(200, 10);
    expect(result.errorSamples).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.requests).toBe(200);
  });

  it('compares direct and proxied requests behind a slow provider, without a single error', { timeout: 30_000 }, async () => {
    const { direct, proxied } = await compareWithLatency(20, 200, 20);
    expect([direct.errors, proxied.errors]).toEqual([0, 0]);
    expect([direct.requests, proxied.requests]).toEqual([200, 200]);
    // Every request waits for the provider at least once.
    expect(Math.min(direct.latencyMs.p50, proxied.latencyMs.p50)).toBeGreaterThanOrEqual(20);
  });

  it('refuses to load anything but loopback', async () => {
    await expect(runLoad({ baseUrl: 'http://192.0.2.1:80', paths: ['/'], requests: 1, concurrency: 1 })).rejects.toThrow(/loopback/);
  });
});
