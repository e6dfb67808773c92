import { describe, expect, it } from 'vitest';
import { LOCAL_TIME_IN_TEXT } from '../../../shared/format';
import { sharedLeftOut, sharedText } from './export-shared';

const snapshot = {
  id: 'AbCdEfGhIjKlMnOpQrStUvWx',
  title: 'CI triage',
  origin: 'source' as const,
  created_at: '2026-12-08T09:14:00.000Z',
  expires_at: null,
  item_count: 35,
  excluded_count: 15,
  left_out: { items: 3, tool_outputs: 12, reasoning: 4, images: 0, encrypted: 0 },
  replaced: { email: 2 },
  rules: { roles: ['system', 'developer'], types: [], item_ids: 0, content: ['tool_outputs', 'reasoning'] },
  original: { items: 50, messages: 20, tool_calls: 12, reasoning: 4, failures: 2 },
};

describe("a shared export's rules, opened as a file", () => {
  it("marks what a snapshot's export left out as the snapshot's page does, with the original run's failures", () => {
    expect(sharedLeftOut({ snapshot })).toEqual({ by: 'snapshot', content: ['tool_outputs', 'reasoning'], reasoning: 4, originalFailures: 2 });
    // Taken in the reader's time zone, as the snapshot's page says.
    expect(sharedText({ snapshot })?.replace(LOCAL_TIME_IN_TEXT, '<time>')).toBe(
      'An export of the snapshot “CI triage”, taken <time>, of 35 items (15 left out). Left out: 3 items (system and developer messages), 12 tool outputs, 4 reasoning items. Replaced: 2 email addresses. The original run: 50 items, 2 failures.',
    );
  });

  it("marks what a download's rules left out, by the download", () => {
    const rules = { roles: [], types: [], item_ids: 0, content: ['images', 'not_a_category'], kinds: ['email'], terms: 1 };
    expect(sharedLeftOut({ rules })).toEqual({ by: 'download', content: ['images'] });
    expect(sharedText({ rules })).toBe('A download made with rules. Left out: images, not_a_category. Replaced: email addresses, 1 term.');
  });

  it('says nothing of a plain export', () => {
    expect(sharedLeftOut(undefined)).toBeNull();
    expect(sharedText({})).toBeNull();
  });
});
