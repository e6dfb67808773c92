import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
});
