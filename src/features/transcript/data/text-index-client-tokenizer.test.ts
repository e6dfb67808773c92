import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { addChunk, EMPTY_STREAM } from './streamed-items';
import { TextIndexClient } from './text-index-client';
import { TranscriptIndex } from './transcript-index';

// The tokenizer's chunk does not load (the page is offline, or a deployment replaced it).
vi.mock('../../../shared/items/token-counts', () => ({ loadTokenizer: () => Promise.reject(new Error('Failed to fetch dynamically imported module: /assets/o200k_base.js')) }));

describe('TextIndexClient when the tokenizer cannot be loaded', () => {
  it('says why, tells its listeners, and still answers searches', async () => {
    const index = new TranscriptIndex();
    index.sync(addChunk(EMPTY_STREAM, { head: [{ id: 'a', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'an orchid' }] }], tail: [], done: true }));
    const client = new TextIndexClient(index);
    const told = vi.fn<() => void>();
    client.subscribe(told);
    client.sync();
    await waitFor(() => expect(client.tokenizerError).toMatch(/^Failed to fetch dynamically imported module/));
    expect(told).toHaveBeenCalled();
    expect(client.revision).toBe(0);
    expect(await client.search('orchid')).toEqual([{ end: 'head', offset: 0 }]);
    client.close();
  });
});
