import { describe, expect, it } from 'vitest';
import type { ShareManifest } from './share-filter.ts';
import { leftOutText, manifestSummary, originalRunText } from './manifest-text.ts';

const manifest = (changes: Partial<ShareManifest>): ShareManifest => ({
  left_out: { items: 0, tool_outputs: 0, reasoning: 0, images: 0, encrypted: 0 },
  replaced: {},
  rules: { roles: [], types: [], item_ids: 0, content: [], kinds: [], terms: 0 },
  original: { items: 50, messages: 10, tool_calls: 21, reasoning: 4, failures: 2 },
  ...changes,
});

describe('manifest text', () => {
  it('says what was left out and replaced, by category and count', () => {
    const text = manifestSummary(manifest({ left_out: { items: 0, tool_outputs: 12, reasoning: 3, images: 0, encrypted: 1 }, replaced: { email: 2, secret: 1 } }));
    expect(text).toBe('Left out: 12 tool outputs, 3 reasoning items, 1 encrypted content; replaced: 2 email addresses, 1 key');
  });

  it('says why whole items were left out: their role, their kind, or the author chose them', () => {
    const left_out = { items: 5, tool_outputs: 2, reasoning: 0, images: 0, encrypted: 0 };
    const rules: ShareManifest['rules'] = { roles: ['system', 'developer'], types: ['web_search_call'], item_ids: 2, content: ['tool_outputs'], kinds: [], terms: 0 };
    expect(manifestSummary(manifest({ left_out, rules }))).toBe('Left out: 5 items (system and developer messages, web search items, 2 chosen), 2 tool outputs');
    expect(leftOutText({ left_out: { items: 2 }, rules: { roles: [], types: [], item_ids: 2 } })).toBe('2 chosen items');
    // A snapshot stored before its rules were kept says the count alone.
    expect(leftOutText({ left_out })).toBe('5 items, 2 tool outputs');
  });

  it('says only replacements, capitalised, and nothing for a whole snapshot', () => {
    expect(manifestSummary(manifest({ replaced: { term: 1 } }))).toBe('Replaced: 1 term');
    expect(manifestSummary(manifest({}))).toBeNull();
  });

  it('describes the original run, failures included', () => {
    expect(originalRunText(manifest({}))).toBe('The original run: 50 items, 21 tool calls, 2 failures.');
  });
});
