import { describe, expect, it } from 'vitest';
import { INITIAL_CHOICES, snapshotReaders, snapshotRequest, type ShareChoices } from './snapshot-request';

const none: ShareChoices = { ...INITIAL_CHOICES, expiry: 'never', leaveOutSystem: false };
const nothing = { exclude: { roles: [], item_ids: [], content: [] }, redact: { kinds: [], terms: [] } };

describe('snapshot request', () => {
  it('leaves nothing out and never expires by default', () => {
    expect(snapshotRequest({ kind: 'source', source: 'demo', conversationId: 'conv_1' }, none)).toEqual({ source: 'demo', conversation_id: 'conv_1', ...nothing });
  });

  it('turns each choice into roles, content, item IDs, replacements, a title and an expiry', () => {
    const choices: ShareChoices = {
      title: '  Bug 7 ',
      expiry: '7d',
      leaveOutSystem: true,
      content: ['tool_outputs', 'reasoning'],
      kinds: ['email'],
      terms: ' Acme \n\nProject Falcon\nAcme',
      itemIds: ['msg_1', 'msg_2', 'msg_1'],
    };
    expect(snapshotRequest({ kind: 'source', source: 'demo', conversationId: 'conv_1' }, choices, Date.UTC(2026, 0, 1))).toEqual({
      source: 'demo',
      conversation_id: 'conv_1',
      title: 'Bug 7',
      expires_at: '2026-01-08T00:00:00.000Z',
      exclude: { roles: ['system', 'developer'], item_ids: ['msg_1', 'msg_2'], content: ['tool_outputs', 'reasoning'] },
      redact: { kinds: ['email'], terms: ['Acme', 'Project Falcon'] },
    });
  });

  it('sends a file whole, marked as a file', () => {
    const items = [{ id: 'msg_1', type: 'message' }];
    expect(snapshotRequest({ kind: 'file', conversation: {}, items }, none)).toEqual({ file: { conversation: {}, items }, ...nothing });
  });
});

describe('who can read a snapshot, as the Share dialog says it', () => {
  it('anyone with the link where snapshots are public; only those with access to the viewer where they are private', () => {
    expect(snapshotReaders('public')).toBe('Anyone with the link can read it, even without access to this viewer.');
    expect(snapshotReaders(undefined)).toBe('Anyone with the link can read it, even without access to this viewer.');
    expect(snapshotReaders('private')).toBe('Only people with access to this viewer can read it, with its link.');
  });
});
