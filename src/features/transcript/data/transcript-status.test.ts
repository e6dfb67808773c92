import { describe, expect, it } from 'vitest';
import { transcriptStatus } from './transcript-status';

const base = { hasItems: false, itemsError: null, conversationError: null, failureReason: null, failureCount: 0 };

describe('transcriptStatus', () => {
  it('shows data whenever items have loaded, even after a later failure', () => {
    expect(transcriptStatus({ ...base, hasItems: true, itemsError: new Error('later page') })).toEqual({ kind: 'data' });
  });

  it('shows the items error first, then the conversation error', () => {
    const items = new Error('items');
    const conversation = new Error('conversation');
    expect(transcriptStatus({ ...base, itemsError: items, conversationError: conversation })).toEqual({ kind: 'error', error: items });
    expect(transcriptStatus({ ...base, conversationError: conversation })).toEqual({ kind: 'error', error: conversation });
  });

  it('says what failed while retrying, with the attempt number', () => {
    const reason = new Error('503');
    expect(transcriptStatus({ ...base, failureReason: reason, failureCount: 1 })).toEqual({ kind: 'retrying', error: reason, attempt: 2 });
  });

  it('shows a skeleton while nothing is known', () => {
    expect(transcriptStatus(base)).toEqual({ kind: 'skeleton' });
  });
});
