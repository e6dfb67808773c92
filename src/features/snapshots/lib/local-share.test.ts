import { describe, expect, it } from 'vitest';
import { previewLocally, shareLocally } from './local-share';

const conversation = { id: 'conv_1', metadata: { owner: 'dana@example.com' } };
const items = [
  { id: 'msg_1', type: 'message', role: 'user', content: 'Write to dana@example.com' },
  { id: 'fc_1', type: 'function_call', call_id: 'c1', name: 'send', arguments: '{"to":"dana@example.com"}' },
  { id: 'fco_1', type: 'function_call_output', call_id: 'c1', output: 'sent' },
];

describe('sharing a file this page opened', () => {
  it('applies the rules to copies, leaving the page’s own items as they were', async () => {
    const before = JSON.stringify(items);
    const shared = await shareLocally(conversation, items, { exclude: { content: ['tool_outputs'] }, redact: { kinds: ['email'] } });
    expect(shared.conversation.metadata).toEqual({ owner: '[EMAIL_1]' });
    expect(shared.items.map((item) => item.id)).toEqual(['msg_1', 'fc_1']);
    expect(shared.items[1].arguments).toBe('{"to":"[EMAIL_1]"}');
    expect(JSON.stringify(items)).toBe(before);
  });

  it('previews without uploading: counts and samples', async () => {
    const preview = await previewLocally(conversation, items, { exclude: { content: ['tool_outputs'] }, redact: { kinds: ['email'] } });
    expect(preview).toMatchObject({ item_count: 2, manifest: { left_out: { tool_outputs: 1 }, replaced: { email: 1 }, original: { items: 3 } } });
    expect(preview.samples).toEqual([{ kind: 'email', value: 'dana@example.com', pseudonym: '[EMAIL_1]' }]);
  });
});
