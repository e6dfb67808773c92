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
});
