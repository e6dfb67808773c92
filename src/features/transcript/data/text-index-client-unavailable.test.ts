import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { addChunk, EMPTY_STREAM } from './streamed-items';
import { TextIndexClient } from './text-index-client';
import { TranscriptIndex } from './transcript-index';

// There is no worker here, and the index's own code does not load either (a deployment replaced its chunk).
vi.mock('./text-index-core', () => Promise.reject(new Error('Failed to fetch dynamically imported module: /assets/text-index-core.js')));

describe('TextIndexClient when the text index cannot be loaded at all', () => {
  it('says search is unavailable and why, rather than answering that nothing matches', async () => {
    const index = new TranscriptIndex();
    index.sync(addChunk(EMPTY_STREAM, { head: [{ id: 'a', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'an orchid' }] }], tail: [], done: true }));
    const client = new TextIndexClient(index);
    const told = vi.fn<() => void>();
    client.subscribe(told);
    client.sync();
    expect(await client.search('orchid')).toEqual([]);
    // (The test runner words the failure its own way.)
    await waitFor(() => expect(client.searchError).toMatch(/error/i));
    expect(client.tokenizerError).toBe(client.searchError);
    expect(told).toHaveBeenCalled();
    client.close();
  });
});
