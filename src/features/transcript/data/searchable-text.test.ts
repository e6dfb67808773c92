import { describe, expect, it } from 'vitest';
import { markdownPlain } from './markdown-plain';
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

  it('leaves out the labels the page shows as badges (type, status, role, part types), unless the type is unknown', () => {
    const message = searchableText({
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: 'The weather is fine', annotations: [{ type: 'url_citation', title: 'Forecast' }] }],
    });
    for (const label of ['message', 'assistant', 'completed', 'output_text', 'url_citation']) expect(message).not.toContain(label);
    const output = searchableText({ id: 'fco_1', type: 'function_call_output', call_id: 'c', output: [{ type: 'input_image', detail: 'auto', file_id: 'file-9' }, { type: 'input_text', text: 'A chart' }] });
    expect(output).not.toContain('input_image');
    expect(output).toContain('file-9');
    expect(output).toContain('a chart');
    expect(message).toContain('the weather is fine');
    expect(message).toContain('forecast');
    // Inside arguments or outputs, a `type` is content like any other.
    expect(searchableText({ id: 'ws_1', type: 'web_search_call', status: 'completed', action: { type: 'open_page', url: 'https://example.com' } })).toContain('open_page');
    expect(searchableText({ id: 'x_1', type: 'brand_new_item', status: 'queued' })).toContain('brand_new_item');
  });

  it('holds Markdown as the page shows it too: emphasis, code and strike marks left out, a link as its label', () => {
    const text = searchableText({ id: 'm', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Short: **SQLite is enough**, with `journal_mode=WAL` readers; see [the WAL docs](https://sqlite.org/wal.html) and ~~not this~~.' }] });
    for (const shown of ['short: sqlite is enough, with', 'with journal_mode=wal readers', 'see the wal docs and not this.']) expect(text).toContain(shown);
    // As written too: the link's address, the marks.
    expect(text).toContain('https://sqlite.org/wal.html');
    expect(text).toContain('**sqlite is enough**');
    expect(markdownPlain('plain words, snake_case_name')).toBe('plain words, snake_case_name');
    // A quote's lines are one paragraph on the page: without their `>`, its words run on from line to line.
    expect(markdownPlain("> **Note**\n> SQLite's WAL\n>> nested")).toBe("Note\nSQLite's WAL\nnested");
    expect(markdownPlain('a > b, not a quote')).toBe('a > b, not a quote');
    // A message whose content is one string, and a summary, are read as shown too; a tool's output is not Markdown.
    expect(searchableText({ id: 'u', type: 'message', role: 'user', content: 'run `npm test` now' })).toContain('run npm test now');
    expect(searchableText({ id: 'r', type: 'reasoning', summary: [{ type: 'summary_text', text: 'check **the log** first' }] })).toContain('check the log first');
    const output = searchableText({ id: 'o', type: 'function_call_output', call_id: 'c', output: 'glob `*.ts` matched' });
    expect(output).toBe('o\u0001c\u0001glob `*.ts` matched');
    // A hard-wrapped paragraph is found as the page shows it, on one line; a search never runs from one field into the next.
    expect(searchableText({ id: 'w', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Line one\nline  two' }] })).toContain('line one line two');
    expect(output).not.toMatch(/c\s*glob/);
  });

  it('keeps list lines apart only where the page shows a list: an assistant\'s Markdown, not a numbered line inside a paragraph or text shown as written', () => {
    // The text is folded as the search reads it: a line break is a space, and a blank line (a block's end) a line break.
    const finds = (item: Parameters<typeof searchableText>[0], query: string) => searchableText(item).includes(query);
    const said = (role: string, text: string) => ({ id: 'm', type: 'message', role, content: [{ type: role === 'assistant' ? 'output_text' : 'input_text', text }] });
    // A numbered line other than 1 does not start a list inside a paragraph: the paragraph reads on.
    expect(finds(said('assistant', 'Revenue grew in\n2023. Then it fell.'), 'grew in 2023. then')).toBe(true);
    // A list in an assistant's Markdown: each item a block of its own.
    expect(finds(said('assistant', 'Options are\n- retry later\n- give up'), 'retry later - give up')).toBe(false);
    expect(finds(said('assistant', 'Steps:\n1. build\n2. test'), 'build 2. test')).toBe(false);
    // Shown as written: a user's message, a reasoning text.
    expect(finds(said('user', 'Options are\n- retry later\n- give up'), 'retry later - give up')).toBe(true);
    const reasoning = { id: 'rs', type: 'reasoning', summary: [], content: [{ type: 'reasoning_text', text: 'Options are\n- retry later\n- give up' }] };
    expect(finds(reasoning, 'retry later - give up')).toBe(true);
  });

  it('reads a message text that is JSON with escapes as the page shows it, decoded', () => {
    expect(searchableText({ id: 'm', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: '{"answer": "He said \\"yes\\""}' }] })).toContain('he said "yes"');
  });

  it('reads the numbers of a JSON box as the box shows them, as written: an ID of 20 digits, 10.00', () => {
    const text = searchableText({ id: 'fc', type: 'function_call', name: 'refund', arguments: '{"order_id": 12345678901234567890, "amount": 10.00}' });
    expect(text).toContain('"order_id": 12345678901234567890');
    expect(text).toContain('"amount": 10.00');
    expect(text).not.toContain('12345678901234567000');
  });

  it("reads a JSON box's long string apart from its key, as the page shows the two as blocks apart", () => {
    const output = JSON.stringify({ content: `line 1\n${'text '.repeat(1000)}` });
    const text = searchableText({ id: 'o', type: 'function_call_output', call_id: 'c', output });
    expect(text).toContain('"content": ');
    expect(text).toContain('"line 1\\ntext text');
    expect(text).not.toContain('"content": "line 1');
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

  it('finds what the page shows: escaped text inside JSON arguments decoded, a long text of words and numbers, a long result', () => {
    const args = searchableText({ id: 'fc', type: 'function_call', name: 'book', arguments: '{"place":"Caf\\u00e9 Zo\\u00eb"}' });
    // Folded as search compares texts: case and accents aside.
    expect(args).toContain('cafe zoe');
    const counting = Array.from({ length: 1500 }, (_, n) => n).join(' ');
    expect(searchableText({ id: 'm', type: 'message', content: `${counting} zebra` })).toContain('1499 zebra');
    expect(searchableText({ id: 'p', type: 'program_output', call_id: 'c', result: `${'words '.repeat(60)}needle` })).toContain('needle');
    // Base64 wrapped in lines stays out; a generated image's result stays out by its type.
    const base64 = Array.from({ length: 100 }, () => 'iVBORw0KGgo'.repeat(7)).join('\n');
    expect(searchableText({ id: 'f', type: 'function_call_output', call_id: 'c', output: base64 })).not.toContain('ivbor');
    expect(searchableText({ id: 'ig', type: 'image_generation_call', result: 'iVBORw0KGgoAAA'.repeat(30) })).not.toContain('ivbor');
  });
});
