import { describe, expect, it } from 'vitest';
import { FOLD_OPENS_WITHIN, JSON_CHILD_LIMIT, JSON_LEAF_LIMIT, jsonShowsText } from './json-shown-text';

describe('jsonShowsText', () => {
  const schema = { type: 'object', properties: { owner: { type: 'string' } }, required: ['owner', 'Pull_Number'] };

  it('finds a value nested anywhere, folded as the search folds it', () => {
    expect(jsonShowsText(schema, 'pull_number')).toBe(true);
    expect(jsonShowsText({ where: ['Zürich'] }, 'zurich')).toBe(true);
    expect(jsonShowsText({ port: 8080 }, '808')).toBe(true);
  });

  it('does not read keys, which the search does not count', () => {
    expect(jsonShowsText(schema, 'properties')).toBe(false);
  });

  it('reads what a tree can show: a long string as far as a fold opens for it, apart from its key; the first entries of a long list', () => {
    const long = { text: `${'a'.repeat(JSON_LEAF_LIMIT)}needle` };
    expect(jsonShowsText(long, 'needle')).toBe(true);
    expect(jsonShowsText(long, 'needle', true)).toBe(true);
    // The key and the string are blocks apart on the page: a match cannot run from one into the other.
    expect(jsonShowsText(long, '"text": ', true)).toBe(true);
    expect(jsonShowsText(long, '"text": "aaa', true)).toBe(false);
    const far = { text: `${'a'.repeat(FOLD_OPENS_WITHIN)}needle` };
    expect(jsonShowsText(far, 'needle')).toBe(false);
    expect(jsonShowsText(far, 'needle', true)).toBe(false);
    const list = Array.from({ length: JSON_CHILD_LIMIT + 1 }, (_, index) => (index === JSON_CHILD_LIMIT ? 'needle' : 'hay'));
    expect(jsonShowsText(list, 'needle')).toBe(false);
  });

  it('is safe on a value nested very deep', () => {
    let deep: unknown = 'needle';
    for (let level = 0; level < 20_000; level += 1) deep = [deep];
    expect(jsonShowsText(deep, 'needle')).toBe(true);
  });
});
