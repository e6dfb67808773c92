import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { startEarly, takeEarly } from '../../../lib/early-requests';
import { ITEM_STREAM_TYPE } from '../../../shared/contract/api-paths';
import { inTask } from '../../../lib/work-in-slices';
import { itemsOfLines, takePageLines } from '../data/page-text';
import { streamItems } from './stream-items';

const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const items = (end: 'head' | 'tail', from: number, count: number) => ({
  type: 'items',
  end,
  items: Array.from({ length: count }, (_, i) => ({ id: `msg_${end}_${from + i}`, type: 'message' })),
});

/** A fetch whose body sends each part after its delay in ms. */
function stubStream(parts: [delayMs: number, text: string][], status = 200) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const [delay, text] of parts) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        controller.enqueue(encoder.encode(text));
      }
      controller.close();
    },
  });
  vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => new Response(body, { status })));
}

async function collect(generator: AsyncGenerator<{ head: unknown[]; tail: unknown[]; done: boolean }>) {
  const chunks: { head: number; tail: number; done: boolean }[] = [];
  let error: unknown = null;
  try {
    for await (const chunk of generator) chunks.push({ head: chunk.head.length, tail: chunk.tail.length, done: chunk.done });
  } catch (caught) {
    error = caught;
  }
  return { chunks, error };
}

const open = () => streamItems('demo', 'conv_1', { headAfter: null, tailAfter: null }, new AbortController().signal);

afterEach(() => vi.unstubAllGlobals());

describe('streamItems', () => {
  it('reads the stream the page started early for its link, instead of asking again; a resumed stream asks anew', async () => {
    stubStream([[0, line(items('head', 0, 5)) + line({ type: 'done' })]]);
    startEarly('/api/sources/demo/conversations/conv_1/stream', ITEM_STREAM_TYPE);
    const { chunks, error } = await collect(open());
    expect(error).toBeNull();
    expect(chunks.reduce((sum, chunk) => sum + chunk.head, 0)).toBe(5);
    expect(fetch).toHaveBeenCalledTimes(1);

    stubStream([[0, line({ type: 'done' })]]);
    startEarly('/api/sources/demo/conversations/conv_1/stream', ITEM_STREAM_TYPE);
    await collect(streamItems('demo', 'conv_1', { headAfter: 'msg_head_4', tailAfter: null }, new AbortController().signal));
    expect(vi.mocked(fetch).mock.calls.map(([path]) => String(path))).toEqual([
      '/api/sources/demo/conversations/conv_1/stream',
      '/api/sources/demo/conversations/conv_1/stream?head_after=msg_head_4',
    ]);
    takeEarly('/api/sources/demo/conversations/conv_1/stream');
  });

  it('yields the first page at once, then groups pages that arrive close together', async () => {
    const parts: [number, string][] = [[0, line(items('head', 0, 100))]];
    for (let i = 1; i <= 20; i += 1) parts.push([2, line(items(i % 2 ? 'tail' : 'head', i * 100, 100))]);
    parts.push([2, line({ type: 'done' })]);
    stubStream(parts);
    const { chunks, error } = await collect(open());
    expect(error).toBeNull();
    expect(chunks[0]).toEqual({ head: 100, tail: 0, done: false });
    expect(chunks.length).toBeLessThan(8);
    expect(chunks.reduce((sum, chunk) => sum + chunk.head + chunk.tail, 0)).toBe(2100);
    expect(chunks.at(-1)!.done).toBe(true);
  });

  it('keeps the lines of each chunk beside its items, for the text index to be sent the text instead of a copy of every item', async () => {
    const parts: [number, string][] = [[0, line(items('head', 0, 3))]];
    for (let i = 1; i <= 6; i += 1) parts.push([1, line(items(i % 2 ? 'tail' : 'head', i * 10, 4))]);
    parts.push([1, line({ type: 'done' })]);
    stubStream(parts);
    let checked = 0;
    for await (const chunk of open()) {
      for (const page of [chunk.head, chunk.tail]) {
        if (page.length === 0) continue;
        const lines = takePageLines(page);
        expect(itemsOfLines((lines ?? []).map((kept) => kept.text))).toEqual(page);
        expect((lines ?? []).reduce((sum, kept) => sum + kept.count, 0)).toBe(page.length);
        // Taken once: a loaded run does not hold its text twice.
        expect(takePageLines(page)).toBeUndefined();
        checked += page.length;
      }
    }
    expect(checked).toBe(27);
  });

  it('does not hold items back while the stream pauses', async () => {
    stubStream([[0, line(items('head', 0, 1))], [5, line(items('tail', 0, 1))], [400, line({ type: 'done' })]]);
    const started = performance.now();
    const generator = open();
    await generator.next();
    const second = await generator.next();
    expect(second.value).toMatchObject({ tail: [{ id: 'msg_tail_0' }] });
    expect(performance.now() - started).toBeLessThan(350);
    await generator.return(undefined);
  });

  it('keeps what came before an error line and ends with the error', async () => {
    stubStream([[0, line(items('head', 0, 3))], [0, line({ type: 'error', status: 429, error: { message: 'Slow down', code: 'rate_limit_exceeded' }, retry_after: '120' })]]);
    const { chunks, error } = await collect(open());
    expect(chunks.reduce((sum, chunk) => sum + chunk.head, 0)).toBe(3);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 120, message: 'Slow down' });
  });

  it("reads how long to wait from an error line's retry_after_ms when it has no retry_after", async () => {
    stubStream([[0, line(items('head', 0, 3))], [0, line({ type: 'error', status: 429, error: { message: 'Slow down', code: 'rate_limit_exceeded' }, retry_after_ms: '1500' })]]);
    const { error } = await collect(open());
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 2 });
  });

  it('says so when the stream ends before the conversation is complete', async () => {
    stubStream([[0, line(items('head', 0, 3))]]);
    const { error } = await collect(open());
    expect(error).toMatchObject({ code: 'stream_interrupted' });
  });

  it.each([
    ['read by read', false],
    ['all in one read', true],
  ])('lets the page do other work while it parses a backlog that is already buffered (%s)', async (_label, oneRead) => {
    const encoder = new TextEncoder();
    const lines = [...Array.from({ length: 40 }, (_, i) => line(items(i % 2 ? 'tail' : 'head', i * 10, 10))), line({ type: 'done' })];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const text of oneRead ? [lines.join('')] : lines) controller.enqueue(encoder.encode(text));
        controller.close();
      },
    });
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => new Response(body)));
    // Parsing seems slow: the clock moves on 5 ms each time it is read.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 5));
    const generator = open();
    const first = await generator.next();
    expect(first.done).toBe(false);
    let otherWork = false;
    inTask(() => (otherWork = true));
    let workedBeforeTheEnd = false;
    let total = (first.value?.head.length ?? 0) + (first.value?.tail.length ?? 0);
    for await (const chunk of generator) {
      total += chunk.head.length + chunk.tail.length;
      if (chunk.done) workedBeforeTheEnd = otherWork;
    }
    vi.restoreAllMocks();
    expect(total).toBe(400);
    expect(workedBeforeTheEnd).toBe(true);
  });
});
