import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../lib/search-fold';
import { itemGist } from './item-gist';

describe('itemGist', () => {
  it('is found by the words a reader types, whatever their case or accents', () => {
    const gist = itemGist({ id: 'msg_1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Book the  Café\nZürich for Friday' }] });
    expect(gist.label).toBe('User');
    expect(gist.text).toBe('Book the Café Zürich for Friday');
    for (const words of ['cafe zurich', 'CAFÉ', 'msg_1', 'user book']) expect(gist.search).toContain(foldForSearch(words));
  });

  it('shows words, not Markdown marks, and a line for items without text', () => {
    const reasoning = itemGist({ id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: '**Triaging the failed run**\n\nThe `build` log' }] });
    expect(reasoning.text).toBe('Triaging the failed run The build log');
    const answer = itemGist({ id: 'msg_2', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: '## Step 1\n\n- read [the log](https://x.test)' }] });
    expect(answer.text).toBe('Step 1 read the log');
    expect(itemGist({ id: 'at_1', type: 'additional_tools', tools: [{ type: 'function', name: 'read_file' }] }).text).toBe('1 tool');
    expect(itemGist({ id: 'ws_1', type: 'web_search_call', status: 'completed', action: { type: 'search', query: 'tsc TS2345' } }).text).toBe('tsc TS2345');
  });
});
