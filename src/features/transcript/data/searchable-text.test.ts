import { describe, expect, it } from 'vitest';
import { searchableText } from './searchable-text';

describe('searchableText', () => {
  it('holds every string value, lowercased, but not keys or opaque blobs', () => {
    const text = searchableText({
      id: 'fc_ABC',
      type: 'function_call',
      name: 'Get_Weather',
      arguments: '{"city":"Paris"}',
      metadata: { Ticket: 'T-42' },
      encrypted_content: 'x'.repeat(1000),
    });
    expect(text).toContain('fc_abc');
    expect(text).toContain('get_weather');
    expect(text).toContain('paris');
    expect(text).toContain('t-42');
    expect(text).not.toContain('ticket');
    expect(text).not.toContain('xxxx');
  });

  it('survives a value nested thousands of levels deep', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i += 1) deep = { child: deep };
    expect(searchableText({ id: 'x', type: 'message', deep })).toContain('bottom');
  });

  it('scans a text of six million letters without a regular expression overflowing the stack', () => {
    const letters = 'a'.repeat(6_000_000);
    // All base64 letters: taken for a blob and left out, like an image; one other character makes it text.
    expect(searchableText({ id: 'msg_long', type: 'message', content: [{ type: 'input_text', text: letters }] })).not.toContain('aaaa');
    expect(searchableText({ id: 'msg_long', type: 'message', content: [{ type: 'input_text', text: `${letters}!` }] })).toContain('aaaa!');
  });
});
