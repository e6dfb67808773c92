import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepPageLines } from './page-text';
import { addChunk, EMPTY_STREAM } from './streamed-items';
import { TextIndexClient } from './text-index-client';
import { TranscriptIndex } from './transcript-index';

const message = (id: string, text: string) => ({ id, type: 'message', role: 'user', content: [{ type: 'input_text', text }] });

describe('TextIndexClient', () => {
  it('is done once every item of the index has been counted, from a single sync', async () => {
    const index = new TranscriptIndex();
    index.sync(addChunk(EMPTY_STREAM, { head: [message('a', 'one two'), message('b', 'three four five')] as never, tail: [], done: true }));
    const client = new TextIndexClient(index);
    expect(client.done).toBe(false);
    client.sync();
    await waitFor(() => expect(client.done).toBe(true), { timeout: 15_000 });
    expect([...client.byId.keys()].sort()).toEqual(['a', 'b']);
    expect(client.total).toBeGreaterThan(0);
    client.close();
  });

  it('sends a page read whole as the stream lines it came from, and a page read in part item by item', async () => {
    // The lines say something the item objects do not, so a search tells which of the two the text index was sent.
    const line = (items: object[]) => JSON.stringify({ type: 'items', end: 'head', items });
    const first = [message('a', 'object one'), message('b', 'object two')];
    keepPageLines(first as never, [{ text: line([message('a', 'line one')]), count: 1 }, { text: line([message('b', 'line two')]), count: 1 }]);
    const second = [message('c', 'object three'), message('d', 'object four')];
    keepPageLines(second as never, [{ text: line([message('c', 'line three'), message('d', 'line four')]), count: 2 }]);
    const index = new TranscriptIndex();
    let stops = 0;
    // The index stops after the second page's first item: that page is not read whole when the client first sends.
    index.sync(addChunk(addChunk(EMPTY_STREAM, { head: first as never, tail: [], done: false }), { head: second as never, tail: [], done: true }), () => (stops += 1) > 3);
    const client = new TextIndexClient(index);
    client.setCounting(false);
    client.sync();
    expect((await client.search('line')).map((slot) => slot.offset)).toEqual([0, 1]);
    expect((await client.search('object')).map((slot) => slot.offset)).toEqual([2]);
    index.sync(addChunk(addChunk(EMPTY_STREAM, { head: first as never, tail: [], done: false }), { head: second as never, tail: [], done: true }));
    expect((await client.search('object')).map((slot) => slot.offset)).toEqual([2, 3]);
    client.close();
  });

  it('between frames, waits for a page with lines to be read whole rather than copying it item by item', async () => {
    const line = (items: object[]) => JSON.stringify({ type: 'items', end: 'head', items });
    const page = [message('a', 'object one'), message('b', 'object two'), message('c', 'object three')];
    keepPageLines(page as never, [{ text: line([message('a', 'line one'), message('b', 'line two'), message('c', 'line three')]), count: 3 }]);
    const state = addChunk(EMPTY_STREAM, { head: page as never, tail: [], done: true });
    const index = new TranscriptIndex();
    let stops = 0;
    index.sync(state, () => (stops += 1) > 1);
    expect(index.behind).toBe(true);
    const client = new TextIndexClient(index);
    client.setCounting(false);
    client.syncInSlices();
    await new Promise((resolve) => setTimeout(resolve, 10));
    index.sync(state);
    client.syncInSlices();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await client.search('line')).map((slot) => slot.offset)).toEqual([0, 1, 2]);
    expect(await client.search('object')).toEqual([]);
    client.close();
  });

  it('sends a page of long lines over several messages, between frames, each item in its own slot', async () => {
    const line = (items: object[]) => JSON.stringify({ type: 'items', end: 'head', items });
    const long = (i: number) => [message(`m${i}a`, `first${i} ${'a long text, '.repeat(12_000)}`), message(`m${i}b`, `second${i}`)];
    const page = Array.from({ length: 5 }, (_, i) => long(i)).flat();
    keepPageLines(page as never, Array.from({ length: 5 }, (_, i) => ({ text: line(long(i)), count: 2 })));
    const index = new TranscriptIndex();
    index.sync(addChunk(EMPTY_STREAM, { head: page as never, tail: [], done: true }));
    const client = new TextIndexClient(index);
    client.setCounting(false);
    const posted: number[] = [];
    vi.spyOn(performance, 'now').mockImplementation(() => posted.push(0) * 100);
    client.syncInSlices();
    await waitFor(() => expect(client.done || posted.length > 6).toBe(true));
    vi.restoreAllMocks();
    for (let i = 0; i < 5; i += 1) {
      expect(await client.search(`first${i}`)).toEqual([{ end: 'head', offset: 2 * i }]);
      expect(await client.search(`second${i}`)).toEqual([{ end: 'head', offset: 2 * i + 1 }]);
    }
    client.close();
  });

  it('holds counting while asked to, and finishes once resumed', async () => {
    const index = new TranscriptIndex();
    index.sync(addChunk(EMPTY_STREAM, { head: [message('a', 'one two')] as never, tail: [], done: true }));
    const client = new TextIndexClient(index);
    client.setCounting(false);
    client.sync();
    expect(await client.search('two')).toEqual([{ end: 'head', offset: 0 }]);
    expect(client.done).toBe(false);
    client.setCounting(true);
    await waitFor(() => expect(client.done).toBe(true), { timeout: 15_000 });
    client.close();
  });

  describe('with many items', () => {
    afterEach(() => {
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    });
    const many = (count: number) => Array.from({ length: count }, (_, i) => message(`m${i}`, `text number ${i}`));
    /** A client of a loaded run of `count` items, on a clock that moves on `step` ms each time it is read. */
    const loadedClient = (count: number, step: number) => {
      const index = new TranscriptIndex();
      index.sync(addChunk(EMPTY_STREAM, { head: many(count) as never, tail: [], done: true }));
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += step));
      return new TextIndexClient(index);
    };

    it('sends them a slice per task when asked to, and still gets every one counted', async () => {
      const client = loadedClient(450, 50);
      client.syncInSlices();
      // Nothing is copied in the caller's task.
      expect(client.done).toBe(false);
      await waitFor(() => expect(client.done).toBe(true), { timeout: 15_000 });
      expect(client.byId.size).toBe(450);
      client.close();
    });

    it('posts what waited for the worker to start a slice per task, in order', async () => {
      // A stand-in for the worker that notes how many tasks posted to it: each task's posts end with its microtasks.
      const posted: { type: string; entries?: { offset: number }[] }[] = [];
      let tasks = 0;
      let inTask = false;
      vi.stubGlobal(
        'Worker',
        class {
          onmessage = null;
          postMessage(sent: { type: string }) {
            if (!inTask) {
              tasks += 1;
              inTask = true;
              queueMicrotask(() => (inTask = false));
            }
            posted.push(sent);
          }
          terminate() {}
        },
      );
      const client = loadedClient(1000, 5);
      // Sent at once, before the worker has started: all of it waits.
      client.sync();
      await waitFor(() => expect(posted.flatMap((sent) => sent.entries ?? [])).toHaveLength(1000));
      expect(posted.flatMap((sent) => sent.entries ?? []).map((entry) => entry.offset)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
      expect(tasks).toBeGreaterThan(1);
      client.close();
    });

    it('sends the items that changed a message at a time too, between frames: every pair a hostile run redraws as its ends meet', async () => {
      const posted: { type: string; entries?: { offset: number }[] }[] = [];
      vi.stubGlobal(
        'Worker',
        class {
          onmessage = null;
          postMessage(sent: { type: string }) {
            posted.push(sent);
          }
          terminate() {}
        },
      );
      const call = (i: number) => ({ id: `c${i}`, type: 'function_call', call_id: 'same', name: 'f', arguments: '{}' });
      const output = (i: number) => ({ id: `o${i}`, type: 'function_call_output', call_id: 'same', output: 'x' });
      const head = Array.from({ length: 1000 }, (_, i) => call(i));
      const tail = Array.from({ length: 1000 }, (_, i) => output(999 - i));
      const index = new TranscriptIndex();
      const loading = addChunk(EMPTY_STREAM, { head: head as never, tail: tail as never, done: false });
      index.sync(loading);
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
      const client = new TextIndexClient(index);
      client.sync();
      await waitFor(() => expect(posted.flatMap((sent) => sent.entries ?? [])).toHaveLength(2000));
      // The two ends meet: each of the 2,000 items now has a partner, and is sent again.
      index.sync(addChunk(loading, { head: [], tail: [], done: true }));
      expect(index.changedSlots.length).toBe(2000);
      posted.length = 0;
      client.syncInSlices();
      await waitFor(() => expect(posted.flatMap((sent) => sent.entries ?? [])).toHaveLength(2000));
      expect(Math.max(...posted.map((sent) => sent.entries?.length ?? 0))).toBeLessThanOrEqual(100);
      client.close();
    });

    it('tells its listeners of new counts a few times, not once per counted batch', async () => {
      const index = new TranscriptIndex();
      index.sync(addChunk(EMPTY_STREAM, { head: many(600) as never, tail: [], done: true }));
      const client = new TextIndexClient(index);
      let notices = 0;
      client.subscribe(() => (notices += 1));
      client.sync();
      await waitFor(() => expect(client.done).toBe(true), { timeout: 15_000 });
      await waitFor(() => expect(client.revision).toBeGreaterThan(0));
      // 600 items are counted in 15 batches here.
      expect(notices).toBeGreaterThan(0);
      expect(notices).toBeLessThan(8);
      client.close();
    });
  });

  it('goes on in the page when its worker fails: a search waiting for it is answered, and the items are counted', async () => {
    /** A worker whose script cannot be loaded: it takes messages and then reports an error. */
    class FailingWorker {
      onmessage: ((event: MessageEvent) => void) | null = null;
      onerror: ((event: ErrorEvent) => void) | null = null;
      onmessageerror: (() => void) | null = null;
      terminated = false;
      constructor() {
        setTimeout(() => this.onerror?.(new ErrorEvent('error', { message: 'Failed to fetch a worker script' })), 20);
      }
      postMessage() {}
      terminate() {
        this.terminated = true;
      }
    }
    vi.stubGlobal('Worker', FailingWorker);
    try {
      const index = new TranscriptIndex();
      index.sync(addChunk(EMPTY_STREAM, { head: [message('a', 'alpha'), message('b', 'beta gamma')] as never, tail: [], done: true }));
      const client = new TextIndexClient(index);
      client.sync();
      expect((await client.search('gamma')).map((slot) => slot.offset)).toEqual([1]);
      await waitFor(() => expect(client.done).toBe(true), { timeout: 15_000 });
      expect([...client.byId.keys()].sort()).toEqual(['a', 'b']);
      client.close();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
