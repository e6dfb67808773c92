import { describe, expect, it } from 'vitest';
import type { ShareManifest } from './share-filter.ts';
import { manifestSummary, originalRunText } from './manifest-text.ts';

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

  it('says only replacements, capitalised, and nothing for a whole snapshot', () => {
    expect(manifestSummary(manifest({ replaced: { term: 1 } }))).toBe('Replaced: 1 term');
    expect(manifestSummary(manifest({}))).toBeNull();
  });

  it('describes the original run, failures included', () => {
    expect(originalRunText(manifest({}))).toBe('The original run: 50 items, 21 tool calls, 2 failures.');
  });
});
