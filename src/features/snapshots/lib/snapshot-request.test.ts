import { describe, expect, it } from 'vitest';
import { snapshotRequest, TOOL_OUTPUT_TYPES, type ShareChoices } from './snapshot-request';

const none: ShareChoices = { title: '', expiry: 'never', leaveOutSystem: false, leaveOutReasoning: false, leaveOutToolOutputs: false, itemIds: '' };

describe('snapshot request', () => {
  it('leaves nothing out and never expires by default', () => {
    expect(snapshotRequest({ kind: 'source', source: 'demo', conversationId: 'conv_1' }, none)).toEqual({ source: 'demo', conversation_id: 'conv_1', exclude: { roles: [], types: [], item_ids: [] } });
  });

  it('turns each choice into roles, types, item IDs, a title and an expiry', () => {
    const request = snapshotRequest({ kind: 'source', source: 'demo', conversationId: 'conv_1' }, { title: '  Bug 7 ', expiry: '7d', leaveOutSystem: true, leaveOutReasoning: true, leaveOutToolOutputs: true, itemIds: 'msg_1, msg_2\nmsg_1  fc_3' }, Date.UTC(2026, 0, 1));
    expect(request).toEqual({
      source: 'demo',
      conversation_id: 'conv_1',
      title: 'Bug 7',
      expires_at: '2026-01-08T00:00:00.000Z',
      exclude: { roles: ['system', 'developer'], types: ['reasoning', ...TOOL_OUTPUT_TYPES], item_ids: ['msg_1', 'msg_2', 'fc_3'] },
    });
  });

  it('sends a file whole, marked as a file', () => {
    const items = [{ id: 'msg_1', type: 'message' }];
    expect(snapshotRequest({ kind: 'file', conversation: {}, items }, none)).toEqual({ file: { conversation: {}, items }, exclude: { roles: [], types: [], item_ids: [] } });
  });
});
