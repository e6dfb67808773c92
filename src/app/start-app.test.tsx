import { afterEach, describe, expect, it, vi } from 'vitest';

// The app itself, stood in for by a page of many parts that each take a moment to render.
vi.mock('./router', () => {
  const busy = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // A part that takes its time.
    }
  };
  const seen: number[] = [];
  (globalThis as { rendersAt?: number[] }).rendersAt = seen;
  function Part() {
    busy(2);
    seen.push((globalThis as { ticks?: number }).ticks ?? 0);
    return <span />;
  }
  return { App: () => Array.from({ length: 40 }, (_, at) => <Part key={at} />) };
});

describe('startApp', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('renders the first page in slices, letting the page’s other tasks run between them', async () => {
    const { startApp } = await import('./start-app');
    const state = globalThis as { ticks?: number; rendersAt?: number[] };
    state.ticks = 0;
    // A task that runs whenever the page's thread is free: it counts how often that was.
    const timer = setInterval(() => (state.ticks = (state.ticks ?? 0) + 1), 0);
    const root = document.createElement('div');
    document.body.append(root);
    startApp(root);
    await vi.waitFor(() => expect(root.querySelectorAll('span')).toHaveLength(40), { timeout: 5000 });
    clearInterval(timer);
    const seen = state.rendersAt ?? [];
    // 40 parts of 2 ms each: in one task, every part would see the same count.
    expect(new Set(seen).size).toBeGreaterThan(1);
  });
});
