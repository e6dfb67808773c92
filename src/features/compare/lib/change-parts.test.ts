import { describe, expect, it } from 'vitest';
import { changeParts } from './change-parts';
import type { ConversationItem } from '../../transcript/types';

const png = (body: string) => `data:image/png;base64,${body.repeat(400)}`;
const message = (image: string | null): ConversationItem => ({
  type: 'message',
  id: 'msg_1',
  role: 'user',
  content: [{ type: 'input_text', text: 'What is on this screen?' }, ...(image === null ? [] : [{ type: 'input_image', image_url: image, detail: 'auto' }])],
});
const sideText = (parts: ReturnType<typeof changeParts>, op: 'delete' | 'insert') =>
  parts.flatMap((part) => (part.kind === 'text' ? part.segments.filter((segment) => segment.op === op || segment.op === 'equal').map((segment) => segment.text) : [])).join('');

describe('changeParts', () => {
  it('says what differs in a message whose words are the same and whose image is not', () => {
    const parts = changeParts({ item: message(png('AAAA')) }, { item: message(png('BBBB')) });
    expect(parts.map((part) => part.label)).toEqual(['attachments']);
    // Both images are 1.2 KB: their fingerprints tell them apart.
    expect(sideText(parts, 'delete')).toMatch(/^image: 1\.2 KB of data \([0-9a-f]{6}\)$/);
    expect(sideText(parts, 'insert')).toMatch(/^image: 1\.2 KB of data \([0-9a-f]{6}\)$/);
    expect(sideText(parts, 'delete')).not.toBe(sideText(parts, 'insert'));
  });

  it('shows an image one side left out, or has not at all', () => {
    expect(sideText(changeParts({ item: message(png('AAAA')) }, { item: message('[image left out]') }), 'insert')).toBe('image: [image left out]');
    expect(sideText(changeParts({ item: message(null) }, { item: message('https://example.test/a.png') }), 'insert')).toBe('image: https://example.test/a.png');
  });

  it('says where rows differ when their text, arguments and output are the same', () => {
    const cited = (url: string): ConversationItem => ({ type: 'message', id: url, role: 'assistant', content: [{ type: 'output_text', text: 'Penang is warm.', annotations: [{ type: 'url_citation', url, title: 'Weather', start_index: 0, end_index: 15 }] }] });
    const [citation] = changeParts({ item: cited('https://a.example') }, { item: cited('https://b.example') });
    expect(citation.kind === 'json' && citation.diff.changes).toEqual([{ path: 'content[0].annotations[0].url', kind: 'changed', a: '"https://a.example"', b: '"https://b.example"' }]);

    const phase = (value: string): ConversationItem => ({ type: 'message', id: value, role: 'assistant', phase: value, content: 'Done.' });
    expect(changeParts({ item: phase('commentary') }, { item: phase('final_answer') }).map((part) => part.kind === 'json' && part.diff.changes.map((change) => change.path))).toEqual([['phase']]);

    const call: ConversationItem = { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'read_file', arguments: '{"path":"a.ts"}' };
    const output = (status: string): ConversationItem => ({ type: 'function_call_output', id: `out_${status}`, call_id: 'call_1', output: 'export {}', status });
    const parts = changeParts({ item: call, output: output('completed') }, { item: call, output: output('incomplete') });
    expect(parts.map((part) => part.label)).toEqual(['output item']);
    expect(parts[0].kind === 'json' && parts[0].diff.changes).toEqual([{ path: 'status', kind: 'changed', a: '"completed"', b: '"incomplete"' }]);
  });

  it('tells two IDs of 20 digits apart and shows them as written, while 10.00 and 10 are the same number', () => {
    const refund = (args: string): ConversationItem => ({ type: 'function_call', id: args, call_id: 'c', name: 'refund', arguments: args });
    const [part] = changeParts({ item: refund('{"order_id": 12345678901234567890, "amount": 10.00}') }, { item: refund('{"order_id": 12345678901234567891, "amount": 10}') });
    expect(part.kind === 'json' && part.diff.changes).toEqual([{ path: 'order_id', kind: 'changed', a: '12345678901234567890', b: '12345678901234567891' }]);
    expect(changeParts({ item: refund('{"amount": 10.00, "id": 12345678901234567890}') }, { item: refund('{"amount": 10, "id": 12345678901234567890}') })).toEqual([]);
    expect(changeParts({ item: refund('{"id": 12345678901234567890.0, "n": -0}') }, { item: refund('{"id": 12345678901234567890, "n": 0}') })).toEqual([]);
    const [price] = changeParts({ item: refund('{"price": 0.00000015}') }, { item: refund('{"price": 0.00000016}') });
    expect(price.kind === 'json' && price.diff.changes).toEqual([{ path: 'price', kind: 'changed', a: '0.00000015', b: '0.00000016' }]);
  });

  it('gives a screenshot or a generated image by its size and fingerprint, not its base64', () => {
    const screenshot = (body: string): ConversationItem => ({ type: 'computer_call_output', id: `cuo_${body}`, call_id: 'call_1', output: { type: 'computer_screenshot', image_url: png(body) } });
    const click: ConversationItem = { type: 'computer_call', id: 'cu_1', call_id: 'call_1', action: { type: 'click', x: 1, y: 2 } };
    const [output] = changeParts({ item: click, output: screenshot('AAAA') }, { item: click, output: screenshot('BBBB') });
    const change = output.kind === 'json' ? output.diff.changes : [];
    expect(change.map((entry) => entry.path)).toEqual(['image_url']);
    expect(change[0].a).toMatch(/^"1\.2 KB of data \([0-9a-f]{6}\)"$/);
    expect(change[0].b).not.toBe(change[0].a);

    const generated = (body: string): ConversationItem => ({ type: 'image_generation_call', id: `ig_${body}`, status: 'completed', result: body.repeat(400) });
    const [image] = changeParts({ item: generated('AAAA') }, { item: generated('BBBB') });
    expect(sideText([image], 'delete')).toMatch(/^image: 1\.2 KB of data \([0-9a-f]{6}\)$/);
    expect(sideText([image], 'insert')).toMatch(/^image: 1\.2 KB of data \([0-9a-f]{6}\)$/);
  });

  it('shows what a run that refused said, beside the other run’s answer', () => {
    const answer: ConversationItem = { type: 'message', id: 'msg_a', role: 'assistant', content: [{ type: 'output_text', text: 'Here is the lock pick guide.' }] };
    const refused: ConversationItem = { type: 'message', id: 'msg_b', role: 'assistant', content: [{ type: 'refusal', refusal: 'I can’t help with that.' }] };
    const parts = changeParts({ item: answer }, { item: refused });
    expect(parts.map((part) => part.label)).toEqual(['text', 'refusal']);
    expect(sideText(parts.slice(1), 'insert')).toBe('I can’t help with that.');
  });

  it('finds nothing to show in messages that are the same', () => {
    expect(changeParts({ item: message(png('AAAA')) }, { item: { ...message(png('AAAA')), id: 'msg_2' } })).toEqual([]);
  });
});
