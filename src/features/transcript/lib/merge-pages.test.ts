import { describe, expect, it } from 'vitest';
import type { ConversationItem, ItemPage } from '../types';
import { mergePages } from './merge-pages';

function page(...ids: string[]): ItemPage {
  const data = ids.map((id): ConversationItem => ({ id, type: 'message', page: ids.join(',') }));
  return { object: 'list', data, first_id: ids[0] ?? null, last_id: ids.at(-1) ?? null, has_more: false };
}

describe('mergePages', () => {
  it('flattens pages in order and keeps the first copy of a repeated item', () => {
    const { items, indexById } = mergePages([page('a', 'b', 'c'), page('c', 'd'), page('b', 'e')]);
    expect(items.map((item) => item.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(items[2].page).toBe('a,b,c');
    expect([...indexById]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
      ['e', 4],
    ]);
  });

  it('handles no pages and empty pages', () => {
    expect(mergePages([]).items).toEqual([]);
    expect(mergePages([page(), page('a')]).indexById.get('a')).toBe(0);
  });
});
