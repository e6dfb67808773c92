import { describe, expect, it, vi } from 'vitest';
import { downloadBlob } from '../../../lib/download-text';
import { downloadShared } from './download-shared';

vi.mock('../../../lib/download-text', () => ({ downloadBlob: vi.fn<typeof downloadBlob>() }));

const target = {
  kind: 'file' as const,
  conversation: {},
  items: [{ id: 'msg_1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Acme’s invoices are late' }] }],
};

describe('downloading a file this page opened, with the Share dialog’s rules', () => {
  it('names the file without what the rules replace, when the file’s own name holds it', async () => {
    await downloadShared(target, 'markdown', { redact: { kinds: ['email'], terms: ['acme'] } }, '', 'acme-invoices-carol@example.com.json');
    const [blob, filename] = vi.mocked(downloadBlob).mock.calls[0];
    expect(await blob.text()).not.toMatch(/acme/i);
    expect(filename).toMatch(/\.md$/);
    expect(filename).not.toMatch(/acme|carol/i);
  });
});
