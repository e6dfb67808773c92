import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forEachInSlices, inNextTask, inTask, nextTask, sliceDeadline } from './work-in-slices';

// Each case runs twice: as in Node (setImmediate) and as in a browser or worker (a message channel).
describe.each([
  ['with setImmediate', false],
  ['with a message channel, as in a browser', true],
])('inTask and nextTask %s', (_, browserLike) => {
  beforeEach(() => {
    if (browserLike) vi.stubGlobal('setImmediate', undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('run callbacks in the order given, each after the code that queued it, and a cancelled one not at all', async () => {
    const ran: string[] = [];
    inTask(() => ran.push('first'));
    const cancel = inTask(() => ran.push('cancelled'));
    inTask(() => ran.push('second'));
    cancel();
    ran.push('sync');
    await nextTask();
    expect(ran).toEqual(['sync', 'first', 'second']);
  });

  it('yield without setTimeout, so chained yields are not held to its 4 ms nesting clamp', async () => {
    // With setTimeout faked, nothing waiting on it ever fires; these yields still do, however many in a row.
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
    let turns = 0;
    for (let i = 0; i < 50; i += 1) {
      await nextTask();
      turns += 1;
    }
    expect(turns).toBe(50);
  });
});

describe('forEachInSlices', () => {
  it('visits every value in order, giving the page other tasks between slices', async () => {
    const seen: number[] = [];
    let otherTasks = 0;
    const interval = setInterval(() => (otherTasks += 1), 0);
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    await forEachInSlices(Array.from({ length: 20 }, (_, i) => i), (value) => {
      busy(2);
      seen.push(value);
    }, undefined, 5);
    clearInterval(interval);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(otherTasks).toBeGreaterThan(0);
  });

  it('stops between slices once aborted', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = forEachInSlices(Array.from({ length: 1000 }, (_, i) => i), (value) => {
      seen.push(value);
      if (value === 0) controller.abort();
      const until = performance.now() + 1;
      while (performance.now() < until);
    }, controller.signal, 3);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.length).toBeLessThan(1000);
  });
});

describe('sliceDeadline', () => {
  it('says stop once the budget has passed, reading the clock only every few units', () => {
    let clock = 0;
    let reads = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => {
      reads += 1;
      return clock;
    });
    const shouldStop = sliceDeadline(10);
    const answers = Array.from({ length: 64 }, (_, unit) => {
      clock = unit;
      return shouldStop();
    });
    expect(answers.indexOf(true)).toBe(15);
    expect(reads).toBeLessThanOrEqual(5);
  });
});

describe('inNextTask', () => {
  it('hands the value over after other waiting tasks have run', async () => {
    let otherTask = false;
    const value = inNextTask(Promise.resolve('chunk'));
    inTask(() => (otherTask = true));
    await expect(value).resolves.toBe('chunk');
    expect(otherTask).toBe(true);
  });
});
