import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
    afterEach(() => vi.restoreAllMocks());
    const many = (count: number) => Array.from({ length: count }, (_, i) => message(`m${i}`, `text number ${i}`));

    it('sends them a slice per task when asked to, and still gets every one counted', async () => {
      const index = new TranscriptIndex();
      index.sync(addChunk(EMPTY_STREAM, { head: many(450) as never, tail: [], done: true }));
      const client = new TextIndexClient(index);
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += 50));
      client.syncInSlices();
      // Nothing is copied in the caller's task.
      expect(client.done).toBe(false);
      await waitFor(() => expect(client.done).toBe(true), { timeout: 15_000 });
      expect(client.byId.size).toBe(450);
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
});
