import { describe, expect, it } from 'vitest';
import agentRun from '../../server/demo/conversations/agent-run.json' with { type: 'json' };
import { exportAll } from './export-formats.ts';
import { readConversationFile } from './read-conversation-file.ts';

const item = (id: string) => ({ id, type: 'message', role: 'user', content: [{ type: 'input_text', text: id }] });

const meta = { title: null, source: { id: 'demo', label: 'Demo' }, conversation: { id: 'conv_1', created_at: 1 }, exported_at: '2026-01-01T00:00:00Z' };

describe('reading a conversation file', () => {
  it("reads the SDK's list page, exactly as DashScope documents it", () => {
    const page = { object: 'list', data: [item('msg_1'), item('msg_2')], first_id: 'msg_1', last_id: 'msg_2', has_more: false };
    expect(readConversationFile(JSON.stringify(page, null, 2))).toMatchObject({ ok: true, shape: 'list', items: page.data, conversation: {} });
  });

  it("reads a page as the Node SDK keeps it, saved with JSON.stringify: data, has_more and last_id beside the raw body", () => {
    const body = { object: 'list', data: [item('msg_1'), item('msg_2')], first_id: 'msg_1', last_id: 'msg_2', has_more: false };
    const page = { options: { method: 'get', path: '/conversations/conv_1/items', query: { order: 'asc' } }, response: {}, body, data: body.data, has_more: false, last_id: 'msg_2' };
    expect(readConversationFile(JSON.stringify(page))).toMatchObject({ ok: true, shape: 'list', items: body.data });
  });

  it('says when a page holds only part of the conversation (has_more), so its items are not taken for all of them', () => {
    const page = { object: 'list', data: [item('msg_1'), item('msg_2')], first_id: 'msg_1', last_id: 'msg_2', has_more: true };
    const result = readConversationFile(JSON.stringify(page));
    expect(result).toMatchObject({ ok: true, items: page.data, note: expect.stringMatching(/^This file is one page of the conversation's items, and the page says more follow \(has_more\): only the 2 on it are shown\.$/) });
    expect(readConversationFile(JSON.stringify({ ...page, has_more: false }))).not.toHaveProperty('note');
  });

  it('reads an array of items', () => {
    expect(readConversationFile(JSON.stringify([item('msg_1')]))).toMatchObject({ ok: true, shape: 'array', items: [item('msg_1')] });
  });

  it('reads JSON Lines of items, blank lines and CRLF included, and a single item', () => {
    const text = `${JSON.stringify(item('msg_1'))}\r\n\r\n${JSON.stringify(item('msg_2'))}\n`;
    expect(readConversationFile(text)).toMatchObject({ ok: true, shape: 'jsonl', items: [item('msg_1'), item('msg_2')] });
    expect(readConversationFile(JSON.stringify(item('msg_1')))).toMatchObject({ ok: true, items: [item('msg_1')] });
  });

  it('reads JSON Lines files put end to end, each with its byte-order mark, as a Windows editor saves them', () => {
    const saved = (id: string) => `\uFEFF${JSON.stringify(item(id))}\r\n`;
    expect(readConversationFile(saved('msg_1') + saved('msg_2'))).toMatchObject({ ok: true, shape: 'jsonl', items: [item('msg_1'), item('msg_2')] });
  });

  it('opens a JSON Lines log cut off part way through its last line with every whole line before it, and says so', () => {
    const text = `${JSON.stringify(item('msg_1'))}\n${JSON.stringify(item('msg_2'))}\n{"id": "msg_3", "type": "mess`;
    const result = readConversationFile(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.items.map((each) => each.id)).toEqual(['msg_1', 'msg_2']);
    expect(result.note).toBe('The file ends part way through line 3, so it was probably cut short while it was saved, downloaded or copied: the 2 items before it are shown.');
  });

  it('opens a JSON Lines file with lines that are not JSON in its middle with every other line, and names the lines left out', () => {
    const line = (id: string) => JSON.stringify(item(id));
    const one = readConversationFile([line('msg_1'), '{"id": "msg_2", "type": ', line('msg_3')].join('\n'));
    if (!one.ok) throw new Error(one.message);
    expect(one.items.map((each) => each.id)).toEqual(['msg_1', 'msg_3']);
    expect(one.note).toBe('Line 2 is not JSON and is left out: the 2 items on the other lines are shown.');
    const lines = [line('msg_1')];
    for (let n = 2; n <= 9; n += 1) lines.push(n % 2 === 0 ? 'oops' : line(`msg_${n}`), '');
    const many = readConversationFile(lines.join('\r\n'));
    if (!many.ok) throw new Error(many.message);
    expect(many.items.map((each) => each.id)).toEqual(['msg_1', 'msg_3', 'msg_5', 'msg_7', 'msg_9']);
    expect(many.note).toBe('4 lines are not JSON and are left out (lines 2, 6, 10 and 14): the 5 items on the other lines are shown.');
    const worse = readConversationFile(['', '', line('msg_1'), ...Array.from({ length: 7 }, () => '{'), line('msg_2'), '{"id": "msg_3"'].join('\n'));
    expect(worse.ok && worse.note).toBe('8 lines are not JSON and are left out (lines 4, 5, 6, 7, 8 and 3 more): the 2 items on the other lines are shown.');
  });

  it('opens a JSON Lines log cut from its middle, which starts part way through a line, with every whole line after it', () => {
    const lines = ['msg_1', 'msg_2', 'msg_3'].map((id) => JSON.stringify(item(id)));
    const result = readConversationFile(['e": "message", "role": "user"}', ...lines].join('\n'));
    if (!result.ok) throw new Error(result.message);
    expect(result.items.map((each) => each.id)).toEqual(['msg_1', 'msg_2', 'msg_3']);
    expect(result.note).toBe('Line 1 is not JSON and is left out: the 3 items on the other lines are shown.');
    // Cut where the line's text holds JSON of its own: its end reads as the end of an object or an array.
    for (const cut of ['{"type": "input_text", "text": "msg_0"}]}', '["a", "b"]}, "status": "completed"}']) {
      const starting = readConversationFile([cut, ...lines].join('\n'));
      expect(starting).toMatchObject({ ok: true, shape: 'jsonl', note: 'Line 1 is not JSON and is left out: the 3 items on the other lines are shown.' });
      expect(starting.ok && starting.items.map((each) => each.id)).toEqual(['msg_1', 'msg_2', 'msg_3']);
    }
    // A JSON document over several lines with a mistake in it (a comma left out) is still said to be one, with where
    // the mistake is, though two of its lines are objects of their own.
    const array = `[\n  ${lines[0]},\n  ${lines[1]}\n  ${lines[2]}\n]`;
    expect(readConversationFile(array)).toMatchObject({ ok: false, message: expect.stringMatching(/^This file is not JSON: line 4, column 3 /) });
  });

  it('reads JSON Lines of pages, one page a line as a paging script saves them, as their items in turn', () => {
    const page = (ids: string[], hasMore: boolean) => JSON.stringify({ object: 'list', data: ids.map(item), first_id: ids[0], last_id: ids.at(-1), has_more: hasMore });
    const text = [page(['msg_1', 'msg_2'], true), page(['msg_3'], false)].join('\n');
    expect(readConversationFile(text)).toMatchObject({ ok: true, shape: 'jsonl', items: [item('msg_1'), item('msg_2'), item('msg_3')] });
    expect(readConversationFile(`${page(['msg_1'], true)}\n{"object": "list", "data": [{"id": "x"}]}`)).toEqual({ ok: false, message: 'Line 2 (x) has no "type".' });
  });

  it('reads an item whose ID is null, as the SDKs save input items and compaction, as an item without an ID', () => {
    const text = '[{"id": null, "type": "message", "role": "user", "content": "hi"}, {"id": null, "type": "compaction", "encrypted_content": "x"}]';
    expect(readConversationFile(text)).toEqual({
      ok: true,
      shape: 'array',
      conversation: {},
      source: null,
      items: [
        { type: 'message', role: 'user', content: 'hi' },
        { type: 'compaction', encrypted_content: 'x' },
      ],
    });
  });

  it("reads the viewer's own export back", () => {
    const result = readConversationFile(exportAll('json', meta, [item('msg_1')]));
    expect(result).toMatchObject({ ok: true, shape: 'export', conversation: { id: 'conv_1' }, items: [item('msg_1')], source: { id: 'demo', label: 'Demo' } });
  });

  it("reads back what a snapshot's export, or a download's rules, left out; a plain export has neither", () => {
    const snapshot = { id: 'AbCdEfGhIjKlMnOpQrStUvWx', title: 'T', origin: 'source' as const, created_at: '2026-12-08T09:14:00.000Z', expires_at: null, item_count: 1, excluded_count: 2, left_out: { items: 2, tool_outputs: 1 }, rules: { content: ['tool_outputs'] } };
    const fromSnapshot = readConversationFile(exportAll('json', { ...meta, snapshot }, [item('msg_1')]));
    expect(fromSnapshot).toMatchObject({ ok: true, shared: { snapshot: { title: 'T', left_out: { tool_outputs: 1 }, rules: { content: ['tool_outputs'] } } } });
    const rules = { roles: [], types: [], item_ids: 0, content: ['images'], kinds: [], terms: 0 };
    expect(readConversationFile(exportAll('json', { ...meta, rules }, [item('msg_1')]))).toMatchObject({ ok: true, shared: { rules } });
    expect(readConversationFile(exportAll('json', meta, [item('msg_1')]))).not.toHaveProperty('shared');
  });

  it('reads a field named __proto__ back from its own export as a field, as it reads one from any other file', () => {
    const odd = JSON.parse('{"id":"msg_1","type":"message","role":"user","content":"hi","__proto__":{"role":"assistant"}}');
    const conversation = JSON.parse('{"id":"conv_1","__proto__":{"metadata":{"a":"b"}}}');
    const result = readConversationFile(exportAll('json', { ...meta, conversation }, [odd]));
    if (!result.ok) throw new Error(result.message);
    expect(Object.keys(result.items[0])).toEqual(['id', 'type', 'role', 'content', '__proto__']);
    expect(Object.getPrototypeOf(result.items[0])).toBe(Object.prototype);
    expect(Object.keys(result.conversation)).toEqual(['id', '__proto__']);
    expect(result.conversation.metadata).toBeUndefined();
  });

  it.each([
    ['', 'The file is empty.'],
    ['<p>nope</p>', 'This file is not JSON'],
    // The viewer's own Markdown and HTML downloads: for reading, and the JSON export is what opens here.
    ['<html>nope</html>', 'This file is an HTML page, not JSON'],
    [exportAll('html', meta, [item('msg_1')]), 'This file is an HTML page, not JSON'],
    [exportAll('markdown', meta, [item('msg_1')]), 'This file is Markdown, not JSON'],
    ['{"a": 1}\n{"b"', 'Line 1 has no "type".'],
    // Lines that are not JSON are left out, and what is left is checked as items.
    ['{"a": 1}\n{"b"\n{"c": 2}', 'Line 1 has no "type".'],
    // No line but the first holds JSON, and it holds no item: the file is refused as before.
    ['{"object": "list", "data": []}\n{"b"\nnope', 'This file is not JSON (Expected'],
    // A file cut short: said as such, not only where JSON.parse stopped.
    [JSON.stringify([item('msg_1'), item('msg_2')]).slice(0, 60), 'This file is not JSON: it ends part way through, so it was probably cut short'],
    [JSON.stringify({ object: 'list', data: [item('msg_1')] }, null, 2).slice(0, 80), 'This file is not JSON: it ends part way through, so it was probably cut short'],
    ['[{"id": "msg_1", "type": "message"},', 'This file is not JSON: it ends part way through'],
    // Items as jq prints them without -c: pretty-printed, one after another.
    [[item('msg_1'), item('msg_2')].map((each) => JSON.stringify(each, null, 2)).join('\n'), 'This file holds one JSON value after another (the second begins on line 12)'],
    ['{"a": 1}\n{"id": "x", "type": "message"}', 'Line 1 has no "type".'],
    ['[{"id": 7, "type": "message"}]', 'Item 1 has an "id" that is not a text.'],
    ['42', 'This JSON is not a conversation'],
    ['{"hello": "world"}', 'This JSON is not a conversation: expected a page of items'],
    ['[{"id": "msg_1"}]', 'Item 1 (msg_1) has no "type".'],
    ['{"object": "list", "data": [1]}', 'Item 1 of "data" is not an item object.'],
    ['{"format": "other/2", "items": []}', 'This is a "other/2" document'],
    // The viewer's own OTLP export: for a tracing backend, and the JSON export is what opens here.
    ['{"resourceSpans": [{"scopeSpans": []}]}', 'This is an OpenTelemetry (OTLP) trace'],
    ['{"format": "conversation-viewer/1", "items": "x"}', 'This export is damaged'],
    // A pretty-printed page with a stray comma: where the mistake is, not that its first line "{" is not JSON.
    ['{\n  "object": "list",\n  "data": [\n    {"id": "a", "type": "message"},\n  ]\n}', 'This file is not JSON: line 5, column 3 (Unexpected token \']\''],
    // A word JSON has not (Python writes NaN and Infinity): the browser does not say where it is, the message does.
    ['\n[\n  {"id": "a", "type": "message"},\n  {"id": "b", "type": "message", "score": NaN}\n]', 'This file is not JSON: line 4, column 43 (Unexpected token \'N\''],
    // Where the browser names the place, it is counted in the file, blank lines before the JSON included.
    ['\r\n\r\n{"a" 1}', 'This file is not JSON: line 3, column 6 (Expected \':\' after property name in JSON at position 5).'],
  ])('says what is wrong with %j', (text, message) => {
    const result = readConversationFile(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('puts a page listed newest first (the API\'s default order) oldest first, and says so', () => {
    const call = (n: number) => ({ id: `fc_${n}`, type: 'function_call', call_id: `c${n}`, name: 'f', arguments: '{}' });
    const output = (n: number) => ({ id: `fo_${n}`, type: 'function_call_output', call_id: `c${n}`, output: 'ok' });
    const oldestFirst = [item('u1'), call(1), output(1), call(2), output(2), item('a1')];
    const page = (data: object[]) => JSON.stringify({ object: 'list', data, first_id: null, last_id: null, has_more: false });
    const newest = readConversationFile(page([...oldestFirst].reverse()));
    expect(newest.ok && newest.items.map((each) => each.id)).toEqual(oldestFirst.map((each) => each.id));
    expect(newest.ok && newest.note).toMatch(/newest first/);
    const oldest = readConversationFile(page(oldestFirst));
    expect(oldest.ok && oldest.items.map((each) => each.id)).toEqual(oldestFirst.map((each) => each.id));
    expect(oldest.ok && oldest.note).toBeUndefined();
  });

  it('keeps a page listed oldest first in its order when it begins with outputs whose calls are on the page before', () => {
    // The last page of the demo agent run asked for oldest first: two outputs whose calls are on the page before, then
    // the user's question and the answer.
    const data = agentRun.items.slice(42);
    expect(data[0].type).toBe('function_call_output');
    const page = { object: 'list', data, first_id: data[0].id, last_id: data.at(-1)!.id, has_more: false };
    const result = readConversationFile(JSON.stringify(page));
    expect(result.ok && result.items.map((each) => each.id)).toEqual(data.map((each) => each.id));
    expect(result.ok && result.note).toBeUndefined();
    // The same page newest first: no call with its output in it either, so nothing says which order it is in.
    const reversed = readConversationFile(JSON.stringify({ ...page, data: [...data].reverse(), first_id: page.last_id, last_id: page.first_id }));
    expect(reversed.ok && reversed.note).toBeUndefined();
  });

  it('goes by the calls and outputs both in the file, whatever orphans the page begins or ends with', () => {
    const call = (n: number) => ({ id: `fc_${n}`, type: 'function_call', call_id: `c${n}`, name: 'f', arguments: '{}' });
    const output = (n: number) => ({ id: `fo_${n}`, type: 'function_call_output', call_id: `c${n}`, output: 'ok' });
    // Oldest first, between pages: outputs of earlier calls first, a call whose output comes later last.
    const oldestFirst = [output(1), output(2), output(3), call(4), output(4), item('a1'), call(5)];
    const read = (data: object[]) => readConversationFile(JSON.stringify({ object: 'list', data, first_id: null, last_id: null, has_more: true }));
    const oldest = read(oldestFirst);
    expect(oldest.ok && oldest.items.map((each) => each.id)).toEqual(oldestFirst.map((each) => each.id));
    expect(oldest.ok && oldest.note).not.toMatch(/newest first/);
    const newest = read([...oldestFirst].reverse());
    expect(newest.ok && newest.items.map((each) => each.id)).toEqual(oldestFirst.map((each) => each.id));
    expect(newest.ok && newest.note).toMatch(/newest first/);
  });
});
