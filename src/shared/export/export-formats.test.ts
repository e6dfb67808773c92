import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, exportDocument, type ExportItem, type ExportMeta } from './export-document.ts';
import { itemTokens } from '../items/token-counts.ts';
import { exportAll, exportFilename, nameForFile } from './export-formats.ts';
import { ISLAND_SCRIPT, ISLAND_SCRIPT_HASH } from './html-island.ts';
import { createHtmlExporter } from './html-export.ts';

/** Direction controls, which every export shows as code points (`[U+202E]`) and never writes raw. */
const DIRECTION_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** `written` holds each of `shown`, with its direction controls written as code points. */
function expectCodePoints(written: string, shown: readonly string[]) {
  for (const text of shown) expect(written).toContain(text);
}

const meta: ExportMeta = {
  title: null,
  source: { id: 'demo', label: 'Demo' },
  conversation: { id: 'conv_1', object: 'conversation', created_at: 1_700_000_000, metadata: {} },
  exported_at: '2026-11-26T00:00:00.000Z',
};

const items: ExportItem[] = [
  { id: 'msg_sys', type: 'message', role: 'system', status: 'completed', content: [{ type: 'input_text', text: 'Be brief.' }] },
  { id: 'msg_u1', type: 'message', role: 'user', status: 'completed', content: 'What is **2+2**? Use `code`.' },
  { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}', status: 'completed' },
  { id: 'fco_1', type: 'function_call_output', call_id: 'call_1', output: 'Sunny ``` 21C' },
  { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Thinking.' }], encrypted_content: 'x'.repeat(40) },
  {
    id: 'msg_a1',
    type: 'message',
    role: 'assistant',
    status: 'incomplete',
    content: [
      { type: 'output_text', text: 'Four.', annotations: [{ type: 'url_citation', url: 'https://example.com/a', title: 'A source' }] },
      { type: 'input_image', image_url: 'https://img.example.com/cat.png' },
      { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=' },
    ],
  },
  { id: 'msg_u2', type: 'message', role: 'user', content: 'Thanks' },
  { id: 'x_1', type: 'brand_new_type', payload: { deep: true } },
];

describe('a creation time out of the range of dates', () => {
  it('is left out of the Markdown and HTML headers, as the page leaves it out, instead of failing the whole export', () => {
    // Nanoseconds, as some logs write them: read as milliseconds, a date past the year 275,760.
    const odd = { ...meta, conversation: { ...meta.conversation, created_at: 1_764_399_000_000_000_000 } };
    for (const format of ['markdown', 'html'] as const) {
      const written = exportAll(format, odd, items);
      expect(written).toContain('Thanks');
      expect(written).not.toMatch(/Created/);
    }
  });
});

describe('markdown export', () => {
  const text = exportAll('markdown', meta, items);

  it('has a title, the source and conversation, and a heading per turn and per role', () => {
    // Untitled, it is titled as the viewer titles the run: from its first user message.
    expect(text.split('\n')[0]).toBe('# What is \\*\\*2+2\\*\\*? Use \\`code\\`');
    expect(text).toContain('- **Source:** Demo');
    expect(text).toContain('- **Conversation:** conv_1');
    expect(text).toContain('- **Created:** 2023-11-14 22:13 UTC');
    // Numbered as in the viewer's compact view: each user message opens a turn, what comes before is in none.
    expect(text.match(/^## Turn \d+$/gm)).toEqual(['## Turn 1', '## Turn 2']);
    expect(text.indexOf('### System')).toBeLessThan(text.indexOf('## Turn 1'));
    expect(text).toContain('### System\n\nBe brief.');
    expect(text).toContain('### Assistant (incomplete)');
  });

  it('says in its heading that a tool call went wrong, as the viewer marks its row: once, on the item that shows it', () => {
    const run: ExportItem[] = [
      { id: 'sh', type: 'local_shell_call', call_id: 'c_sh', action: { type: 'exec', command: ['npm', 'test'] } },
      { id: 'sho', type: 'local_shell_call_output', call_id: 'c_sh', output: JSON.stringify({ stdout: '', stderr: 'boom', exit_code: 1 }) },
      { id: 'ok', type: 'function_call', call_id: 'c_ok', name: 'get_time', arguments: '{}' },
      { id: 'oko', type: 'function_call_output', call_id: 'c_ok', output: '{"time":"noon"}' },
      { id: 'bad', type: 'function_call', call_id: 'c_bad', name: 'read_file', arguments: '{}' },
      { id: 'bado', type: 'function_call_output', call_id: 'c_bad', output: '{"error":"no such file"}' },
      { id: 'own', type: 'function_call', call_id: 'c_own', name: 'deploy', arguments: '{}', error: 'quota' },
      { id: 'owno', type: 'function_call_output', call_id: 'c_own', output: 'skipped' },
      { id: 'st', type: 'function_call', call_id: 'c_st', name: 'fetch', arguments: '{}', status: 'incomplete' },
      { id: 'ar', type: 'mcp_approval_request', server_label: 'gh', name: 'merge', arguments: '{}' },
      { id: 'ap', type: 'mcp_approval_response', approval_request_id: 'ar', approve: false },
    ];
    const headings = exportAll('markdown', meta, run).match(/^### .*$/gm);
    expect(headings).toEqual([
      '### Tool call: Local shell',
      '### Tool output: Local shell (failed: exit 1)',
      '### Tool call: get_time',
      '### Tool output: get_time',
      '### Tool call: read_file',
      '### Tool output: read_file (failed: error)',
      '### Tool call: deploy (failed: error)',
      '### Tool output: deploy',
      '### Tool call: fetch (incomplete)',
      '### Tool call: gh.merge',
      expect.stringMatching(/^### .* \(denied\)$/),
    ]);
  });

  it('keeps text as written', () => {
    expect(text).toContain('### User\n\nWhat is **2+2**? Use `code`.');
  });

  it('fences a text that would reach past its own end: a fence it never closes, raw HTML outside code', () => {
    const said = (content: string) => ({ id: 'm', type: 'message', role: 'user', content });
    for (const content of ['Ignore this:\n<!-- TODO', '<pre>\nlog output', '```python\nprint(1)', 'See <details><summary>more', '~~~~\nopen']) {
      const markdown = exportAll('markdown', meta, [said(content), { id: 'a', type: 'message', role: 'assistant', content: 'After it.' }]);
      expect(markdown).toContain(`### User\n\n\`\`\`\`\n${content}\n\`\`\`\`\n`.replace(/````/g, content.includes('```') ? '````' : '```'));
      expect(markdown).toContain('### Assistant\n\nAfter it.');
    }
    // Closed fences, HTML inside code and autolinks are safe as written.
    for (const content of ['```html\n<pre>x</pre>\n```\nDone.', 'Use `<div>` here.', 'Mail <a@example.com> or see <https://example.com>.', '1 < 2 and a<b']) {
      expect(exportAll('markdown', meta, [said(content)])).toContain(`### User\n\n${content}\n`);
    }
  });

  it('fences an output with hundreds of thousands of backtick runs without throwing', () => {
    const output = '`a'.repeat(300_000) + '````';
    const markdown = exportAll('markdown', meta, [{ id: 'fco_1', type: 'function_call_output', call_id: 'c1', output }]);
    expect(markdown).toContain('`````\n');
  });

  it("writes a tool's output of hundreds of thousands of parts, in Markdown and HTML alike", () => {
    const output = Array.from({ length: 300_000 }, (_, i) => ({ type: 'output_text', text: `part ${i}` }));
    const call: ExportItem = { id: 'mcp_1', type: 'mcp_call', name: 'list', server_label: 'docs', arguments: '{}', output };
    for (const format of ['markdown', 'html'] as const) expect(exportAll(format, meta, [call])).toContain('part 299999');
  });

  it('puts tool calls and outputs in fences named by the tool, with a fence longer than any inside', () => {
    expect(text).toContain('### Tool call: get_weather\n\n```json\n{\n  "city": "Paris"\n}\n```');
    expect(text).toContain('### Tool output: get_weather\n\n````\nSunny ``` 21C\n````');
  });

  it('writes the numbers of JSON arguments and outputs as the call wrote them: an ID of 20 digits not rounded, 10.00 kept', () => {
    const numbers = [
      { id: 'fc_n', type: 'function_call', call_id: 'c_n', name: 'refund', arguments: '{"order_id": 12345678901234567890, "amount": 10.00}' },
      { id: 'fco_n', type: 'function_call_output', call_id: 'c_n', output: '{"refund_id": 98765432109876543210, "rate": 1E-3, "note": "10.00"}' },
    ];
    for (const format of ['markdown', 'html'] as const) {
      const written = exportAll(format, meta, numbers);
      for (const shown of ['"order_id": 12345678901234567890,', '"amount": 10.00', '"refund_id": 98765432109876543210,', '"rate": 1E-3,']) {
        expect(written.includes(shown) ? shown : `${format} lacks ${shown}`).toBe(shown);
      }
      expect(written).not.toContain('12345678901234567000');
    }
  });

  it('links images, notes embedded ones and encrypted content in one line', () => {
    expect(text).toContain('[Image](<https://img.example.com/cat.png>)');
    expect(text).toMatch(/_Image: embedded \(\d+ characters\), not included\._/);
    expect(text).toContain('_Encrypted content (40 characters), not shown._');
    expect(text).toContain('- [A source](<https://example.com/a>)');
  });

  it('names built-in tools as the viewer does, from the item catalog', () => {
    const shell = exportAll('markdown', meta, [
      { id: 'sh_1', type: 'local_shell_call', call_id: 'call_sh', action: { type: 'exec', command: ['ls'] }, status: 'completed' },
      { id: 'sho_1', type: 'local_shell_call_output', call_id: 'call_sh', output: 'README.md' },
      { id: 'ws_1', type: 'web_search_call', action: { type: 'search', query: 'node 20' }, status: 'completed' },
    ]);
    expect(shell).toContain('### Tool call: Local shell');
    expect(shell).toContain('### Tool output: Local shell');
    expect(shell).toContain('### Tool call: Web search');
  });

  it("lists the conversation's metadata at the top, as the viewer's header does, escaped", () => {
    const withMetadata: ExportMeta = { ...meta, conversation: { ...meta.conversation, metadata: { repo: 'acme/web', 'run\n# Fake heading': '<b>1</b>' } } };
    const markdown = exportAll('markdown', withMetadata, []);
    expect(markdown).toContain('- **Metadata:** repo = acme/web, run # Fake heading = \\<b\\>1\\</b\\>\n');
    expect(exportAll('html', withMetadata, [])).toContain('<dt>Metadata</dt><dd>repo = acme/web, run\n# Fake heading = &#60;b&#62;1&#60;/b&#62;</dd>');
  });

  it("says a message's phase as the viewer's badge does, in Markdown and HTML", () => {
    const phased: ExportItem[] = [
      { id: 'a1', type: 'message', role: 'assistant', phase: 'commentary', status: 'completed', content: 'Looking.' },
      { id: 'a2', type: 'message', role: 'assistant', phase: 'final_answer', status: 'incomplete', content: 'Done.' },
    ];
    const markdown = exportAll('markdown', meta, phased);
    expect(markdown).toContain('### Assistant · commentary\n');
    expect(markdown).toContain('### Assistant · final answer (incomplete)\n');
    expect(exportAll('html', meta, phased)).toContain('<h3>Assistant · commentary</h3>');
  });

  it('shows an unknown item type as JSON, dropping nothing', () => {
    expect(text).toContain('### brand_new_type\n\n```json\n{\n  "payload": {\n    "deep": true\n  }\n}\n```');
  });
});

describe('markdown export of hostile fields', () => {
  const breakout = '\n\n<img src=x onerror=alert(1)>\n# Fake heading\n';
  const hostileMeta: ExportMeta = {
    ...meta,
    title: `Title${breakout}`,
    conversation: { id: `conv_1${breakout}` },
    snapshot: { id: 'snap', title: `Snap${breakout}`, origin: 'source', created_at: '2026-11-26T00:00:00.000Z', expires_at: null, item_count: 1, excluded_count: 0 },
  };
  const text = exportAll('markdown', hostileMeta, [
    { id: 'm1', type: 'message', role: `user${breakout}`, status: `done${breakout}`, content: [{ type: 'input_file', filename: `a.txt${breakout}` }] },
    { id: 'f1', type: 'function_call', call_id: 'c1', name: `tool${breakout}`, arguments: '{}' },
    { id: 'p1', type: 'mcp_call', server_label: `srv${breakout}`, name: 'x', arguments: '{}' },
    {
      id: 'm2',
      type: 'message',
      role: 'assistant',
      content: [
        {
          type: 'output_text',
          text: 'ok',
          annotations: [
            { type: 'url_citation', url: 'javascript:alert(1)', title: 'js' },
            { type: 'url_citation', url: 'data:text/html,<script>alert(1)</script>', title: 'data' },
            { type: 'url_citation', url: 'mailto:a@example.com', title: 'mail' },
          ],
        },
        { type: 'input_image', image_url: 'javascript:alert(2)' },
      ],
    },
  ]);

  it('keeps every field on its own line, escaped: no raw HTML, no heading it did not write', () => {
    expect(text).not.toMatch(/(^|[^\\])<img/m);
    expect(text).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(text).not.toMatch(/^#+ Fake heading/m);
    const headings = text.match(/^#+ .*$/gm)!;
    expect(headings).toHaveLength(5);
    expect(headings[0]).toBe('# Title \\<img src=x onerror=alert(1)\\> # Fake heading');
  });

  it('writes only http(s) and mailto links', () => {
    expect(text).not.toMatch(/\]\(<?(javascript|data):/i);
    expect(text).toContain('- [mail](<mailto:a@example.com>)');
    expect(text).toContain('- js\n');
  });

  it('says where a citation whose title names another address really goes', () => {
    const cited = exportAll('markdown', meta, [
      {
        id: 'a1',
        type: 'message',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'See.', annotations: [{ type: 'url_citation', url: 'https://evil.example/a', title: 'bank.example' }, { type: 'url_citation', url: 'https://docs.example.com/b', title: 'The docs' }] }],
      },
    ]);
    expect(cited).toContain('- [bank.example](<https://evil.example/a>) → evil.example\n\n- [The docs](<https://docs.example.com/b>)\n');
  });

  it("shows direction controls in a citation's title as code points", () => {
    const cited = exportAll('markdown', meta, [
      { id: 'a1', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'See.', annotations: [{ type: 'url_citation', url: 'https://example.com/r', title: 'Report \u202Efdp.exe' }] }] },
    ]);
    expect(cited).toContain('- [Report \\[U+202E\\]fdp.exe](<https://example.com/r>)');
  });

  it('shows direction controls as code points in text, code, outputs and names alike, so no line reads differently from what it is', () => {
    const trojan = 'if (role != "admin\u202E \u2066// is user\u2069 \u2066") {';
    const trojanItems: ExportItem[] = [
      { id: 'u1', type: 'message', role: 'user', content: 'Run report\u202Etxt.exe for me \u200F\u061C\u200E' },
      { id: 'a1', type: 'message', role: 'assistant', content: `Here:\n\n\`\`\`js\n${trojan}\n\`\`\`` },
      { id: 'f1', type: 'function_call', call_id: 'c1', name: 'run\u202Eexe', arguments: JSON.stringify({ code: trojan }) },
      { id: 'o1', type: 'function_call_output', call_id: 'c1', output: `line\u202Ereversed\u202A\u202B\u202C\u202D\u2067\u2068` },
      { id: 's1', type: 'local_shell_call_output', call_id: 'c2', output: JSON.stringify({ stdout: 'out\u2066put', stderr: '' }) },
    ];
    const written = exportAll('markdown', meta, trojanItems);
    expect(written).not.toMatch(DIRECTION_CONTROL);
    expectCodePoints(written, [
      'Run report[U+202E]txt.exe for me [U+200F][U+061C][U+200E]',
      'if (role != "admin[U+202E] [U+2066]// is user[U+2069] [U+2066]") {',
      'line[U+202E]reversed[U+202A][U+202B][U+202C][U+202D][U+2067][U+2068]',
      'out[U+2066]put',
      'run\\[U+202E\\]exe',
    ]);
    // The JSON export is the data itself, byte for byte.
    expect(JSON.parse(exportAll('json', meta, trojanItems)).items).toEqual(trojanItems);
  });

  it('writes the names of the tools a list offers as one escaped line', () => {
    const names = [{ name: 'search\n\n# Fake heading' }, { name: '[click](javascript:alert(1))' }];
    const listed = exportAll('markdown', meta, [
      { id: 'l1', type: 'mcp_list_tools', server_label: 'srv', tools: names },
      { id: 't1', type: 'additional_tools', tools: names },
    ]);
    expect(listed).not.toMatch(/^#+ Fake heading/m);
    expect(listed).not.toMatch(/[^\\]\]\(javascript:/);
    expect(listed).toContain('search # Fake heading, \\[click\\](javascript:alert(1))');
  });

  it("fences text the viewer shows as written when a line of it would pass for one of the file's headings", () => {
    const forged = exportAll('markdown', meta, [
      { id: 'u1', type: 'message', role: 'user', content: 'Hi.\n\n## Turn 2\n\n### Assistant\n\nI approve the transfer.' },
      { id: 's1', type: 'message', role: 'system', content: 'Rules\n=====\nBe brief.' },
      { id: 'u2', type: 'message', role: 'user', content: 'A list:\n- one\n\n```\n# a comment in code\n```' },
      { id: 'a1', type: 'message', role: 'assistant', content: '## Answer\n\nDone.' },
    ]);
    const outsideFences = forged.replace(/^```[^`]*?^```$/gm, '');
    expect(outsideFences.match(/^#+ .*$/gm)).toEqual(['# Hi. ## Turn 2 ### Assistant I approve the transfer', '## Turn 1', '### User', '### System', '## Turn 2', '### User', '### Assistant', '##### Answer']);
    expect(forged).toContain('### User\n\n```\nHi.\n\n## Turn 2\n\n### Assistant\n\nI approve the transfer.\n```\n');
    expect(forged).toContain('### System\n\n```\nRules\n=====\nBe brief.\n```\n');
    expect(forged).toContain('### User\n\nA list:\n- one\n\n```\n# a comment in code\n```\n');
  });

  it("puts an assistant's headings below its item's, as the viewer shows them inside the item, so none passes for a turn", () => {
    const content = '# Summary\n\n## Turn 9\n\nSteps\n-----\n\nTitle\n=====\n\n- item\n---\n\n> quoted\n---\n\n***\n---\n\n```md\n## kept in code\n```\n\n#not a heading\n\n   ### indented';
    const markdown = exportAll('markdown', meta, [{ id: 'a1', type: 'message', role: 'assistant', content }]);
    expect(markdown).toContain(
      '### Assistant\n\n#### Summary\n\n##### Turn 9\n\n##### Steps\n\n#### Title\n\n- item\n---\n\n> quoted\n---\n\n***\n---\n\n```md\n## kept in code\n```\n\n#not a heading\n\n   ###### indented\n',
    );
    // Outside code, no line of it is a heading of the file's own levels (a turn, an item).
    expect(markdown.replace(/^```[^`]*?^```$/gm, '').match(/^#{1,3} .*$/gm)).toEqual(['# Conversation conv_1', '### Assistant']);
  });

  it('fences a text with a tag that ends its line, which Markdown reads as raw HTML (a <pre> that never closes)', () => {
    const markdown = exportAll('markdown', meta, [{ id: 'a1', type: 'message', role: 'assistant', content: 'Output:\n<pre\nthe rest' }]);
    expect(markdown).toContain('### Assistant\n\n```\nOutput:\n<pre\nthe rest\n```\n');
  });

  it('reads a carriage return as the line break Markdown takes it for, so a fence or heading after one is seen', () => {
    const markdown = exportAll('markdown', meta, [
      { id: 'a1', type: 'message', role: 'assistant', content: 'Look:\r```\rnever closed' },
      { id: 'u1', type: 'message', role: 'user', content: 'Hi.\r## Turn 9' },
      { id: 'a2', type: 'message', role: 'assistant', content: 'Closed:\r\n```\r\ncode\r\n```\r\nafter' },
    ]);
    expect(markdown).toContain('### Assistant\n\n````\nLook:\r```\rnever closed\n````\n');
    expect(markdown).toContain('### User\n\n```\nHi.\r## Turn 9\n```\n');
    expect(markdown).toContain('### Assistant\n\nClosed:\r\n```\r\ncode\r\n```\r\nafter\n');
  });

  it('lets no value that begins a line start a block: a heading, a list, a rule or code', () => {
    const cases = ['# Fake heading', '  ## Indented', '1. First', '2) Second', '- Item', '+ Item', '= Rule', '    indented code'];
    for (const name of cases) {
      const lines = exportAll('markdown', meta, [
        { id: 'l1', type: 'mcp_list_tools', server_label: 'srv', tools: [{ name }] },
        { id: 'm1', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'ok', annotations: [{ type: 'url_citation', url: 'javascript:alert(1)', title: name }] }] },
      ]).split('\n');
      const listed = lines[lines.indexOf('### MCP tools of srv') + 2];
      expect(listed).toMatch(/^(\\[#=+-]|\d\\[.)]|indented code)/);
      // A citation whose link is not written is its title alone, in a list item.
      expect(lines[lines.indexOf('ok') + 2]).toMatch(/^- (\\[#=+-]|\d\\[.)]|indented code)/);
    }
  });
});

describe('HTML export', () => {
  const hostile: ExportItem[] = [
    { id: 'msg_h"><script>alert(1)</script>', type: 'message', role: 'user', content: '<script>alert(1)</script><img src=x onerror=alert(2)>' },
    { id: 'msg_l', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'x', annotations: [{ type: 'url_citation', url: 'javascript:alert(3)', title: 'click' }] }] },
    { id: 'msg_i', type: 'message', role: 'user', content: [{ type: 'input_image', image_url: 'data:image/svg+xml;base64,PHN2Zz4=' }] },
    { id: 'msg_ok', type: 'message', role: 'user', content: [{ type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=' }] },
  ];
  const html = exportAll('html', { ...meta, title: '</title><script>x</script>' }, [...items, ...hostile]);

  it('is one self-contained document: inline CSS, light and dark colours, a CSP meta that forbids script', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;`);
    expect(html).toContain('@media (prefers-color-scheme:dark)');
    expect(html).not.toMatch(/<link|@import|url\(|src="https?:/i);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('keeps hostile content inert: no script but its own, no handler, no dangerous link or SVG image', () => {
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html).toContain(`<script>${ISLAND_SCRIPT}</script></body>`);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('data:image/svg');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="Image">');
    expect(html).toContain('<a href="https://img.example.com/cat.png" rel="noopener noreferrer">');
  });

  it('numbers turns and writes a row per item anchored by its ID, in chunks of 50 rows', () => {
    expect(html.match(/<div class="chunk last">/g)).toHaveLength(1);
    expect(html).toContain('</article>\n</div>\n<p id="~end"');
    const many = exportAll('html', meta, Array.from({ length: 220 }, (_, i) => ({ id: `m${i}`, type: 'message', role: 'user', content: `Message ${i}` })));
    // The first chunk is markup, the ones after it text for the viewer script, and the last two markup laid out at once.
    expect([...many.matchAll(/<div class="chunk( last)?">(<p class="note held">[^<]+<\/p><noscript>)?\n<h2 class="turn-heading" id="~turn-(\d+)">/g)].map((m) => `${m[3]}${m[1] ?? ''}${m[2] ? ' text' : ''}`)).toEqual([
      '1',
      '51 text',
      '101 text',
      '151 last',
      '201 last',
    ]);
    expect(many).toContain('</article>\n</noscript></div>\n<div class="chunk">');
    expect(html.match(/<h2 class="turn-heading" id="~turn-\d+">Turn \d+<\/h2>/g)).toHaveLength(5);
    expect(html).toContain('<article class="row role-system" id="msg_sys"><h3>System</h3>');
  });

  it("anchors each item by its ID, as the viewer's links do, where no item can take the file's own anchors", () => {
    const ids = ['end', 'turn-1', '~end', '~~turn-2', 'msg_1'];
    const clashing = exportAll('html', meta, [
      ...ids.map((id) => ({ id, type: 'message', role: 'user', content: `Item ${id}` })),
      { id: '~x', type: 'message', role: 'assistant', status: 'failed', content: 'Cut off.' },
    ]);
    const anchors = [...clashing.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(anchors).size).toBe(anchors.length);
    // An item's own ID stays its anchor (file.html#msg_1), and one that starts with ~ gets one more.
    for (const id of ['end', 'turn-1', 'msg_1']) expect(clashing).toContain(`<article class="row role-user" id="${id}"><h3>User</h3><div class="text">Item ${id}</div>`);
    expect(clashing).toContain('<article class="row role-user" id="~~end"><h3>User</h3><div class="text">Item ~end</div>');
    expect(clashing).toContain('<article class="row role-user" id="~~~turn-2"><h3>User</h3><div class="text">Item ~~turn-2</div>');
    expect(clashing).toContain('<a href="#~~x">Assistant (failed)</a>');
    // The file's own: the jump to the end lands on the end, each turn heading has its own.
    expect(clashing).toContain('<a class="jump" href="#~end">Go to the last item ↓</a>');
    expect(clashing).toContain('<p id="~end" class="note">End of the conversation');
    expect(clashing).toContain('<h2 class="turn-heading" id="~turn-1">Turn 1</h2>');
  });

  it('pins its one script by hash, and loads nothing from anywhere', async () => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(ISLAND_SCRIPT)));
    expect(ISLAND_SCRIPT_HASH).toBe(`sha256-${btoa(String.fromCharCode(...digest))}`);
    expect(html).toContain(`script-src '${ISLAND_SCRIPT_HASH}';`);
    expect(html).not.toMatch(/connect-src|fetch\(|XMLHttpRequest|WebSocket|import\(/);
  });

  it('shows a call and its output as one row, summarised by the viewer one-liner', () => {
    expect(html).toContain('<details class="row role-tool" id="fc_1"><summary><span class="name">get_weather</span> <span class="args">city: "Paris"</span> <span class="size">→ 13 B</span></summary>');
    expect(html).toContain('<h4 id="fco_1">Output</h4><pre><code>Sunny ``` 21C</code></pre></details>');
    expect(html.match(/id="fco_1"/g)).toHaveLength(1);
  });

  it('pairs parallel calls with their outputs in call order, and opens a failed one', () => {
    const parallel = exportAll('html', meta, [
      { id: 'a', type: 'function_call', call_id: 'ca', name: 'first', arguments: '{}' },
      { id: 'b', type: 'local_shell_call', call_id: 'cb', action: { type: 'exec', command: ['false'] } },
      { id: 'm', type: 'message', role: 'assistant', content: 'between' },
      { id: 'bo', type: 'local_shell_call_output', call_id: 'cb', output: '{"stdout":"","stderr":"boom","exit_code":1}' },
      { id: 'ao', type: 'function_call_output', call_id: 'ca', output: 'fine' },
    ]);
    const order = [...parallel.matchAll(/<(details|article) class="([^"]+)" id="([^"]+)"( open)?>/g)].map((match) => `${match[3]}:${match[2]}${match[4] ?? ''}`);
    expect(order).toEqual(['a:row role-tool', 'b:row role-tool failed open', 'm:row role-assistant']);
    expect(parallel).toContain('<span class="badge is-bad">exit 1</span>');
    expect(parallel).toContain('<div class="label">stderr</div><pre><code>boom</code></pre><p class="note">Exit code 1.</p>');
  });

  it('folds an output into its call however many rows come between, as the page pairs them', () => {
    const between = Array.from({ length: 1500 }, (_, n): ExportItem => ({ id: `m${n}`, type: 'message', role: 'assistant', content: `step ${n}` }));
    const far = exportAll('html', meta, [
      { id: 'a', type: 'function_call', call_id: 'ca', name: 'slow_job', arguments: '{}' },
      ...between,
      { id: 'ao', type: 'function_call_output', call_id: 'ca', output: 'done at last' },
      { id: 'z', type: 'message', role: 'user', content: 'after' },
    ]);
    const rows = [...far.matchAll(/<(details|article) class="[^"]+" id="([^"]+)"/g)].map((match) => match[2]);
    expect(rows).toEqual(['a', ...between.map((item) => item.id), 'z']);
    expect(far).toMatch(/id="a"[^]*?<h4 id="ao">Output<\/h4><pre><code>done at last<\/code><\/pre><\/details>\n<article class="row role-assistant" id="m0">/);
    expect(far).toContain('<dt>Tools</dt><dd>1: slow_job 1</dd>');
  });

  it('writes a call that is never answered without holding the rest of the run back', () => {
    const big = 'x'.repeat(64 * 1024);
    const exporter = createHtmlExporter(meta);
    let text = exporter.begin();
    text += exporter.item({ id: 'a', type: 'function_call', call_id: 'ca', name: 'never', arguments: '{}' });
    for (let n = 0; n < 200; n += 1) text += exporter.item({ id: `m${n}`, type: 'message', role: 'user', content: big });
    // 12.5 MiB of text after it: the call and most of the rows after it are out before the end.
    expect(text).toContain('id="a"');
    expect(text).toContain('id="m100"');
    text += exporter.end();
    expect(text).toContain('id="m199"');
  });

  it('gives each of two calls with one call_id its own output, shows an output once, and counts an output without its call', () => {
    const twice = exportAll('html', meta, [
      { id: 'orphan', type: 'function_call_output', call_id: 'gone', output: 'answer to a call not here' },
      { id: 'a', type: 'function_call', call_id: 'c', name: 'lookup', arguments: '{}' },
      { id: 'b', type: 'function_call', call_id: 'c', name: 'lookup', arguments: '{}' },
      { id: 'bo', type: 'function_call_output', call_id: 'c', output: 'second' },
      { id: 'd', type: 'function_call', call_id: 'c', name: 'lookup', arguments: '{}' },
    ]);
    const rows = [...twice.matchAll(/<(details|article) class="([^"]+)" id="([^"]+)"/g)].map((match) => match[3]);
    expect(rows).toEqual(['orphan', 'a', 'b', 'd']);
    // The output answers the nearest call before it; the calls either side of it wait for their own.
    expect(twice).toMatch(/id="b"[^]*<h4 id="bo">Output<\/h4><pre><code>second<\/code><\/pre><\/details>\n<details class="row role-tool" id="d">/);
    expect(twice.match(/>second</g)).toHaveLength(1);
    // Four rows with a tool in each: three calls, and the output whose call is not there.
    expect(twice).toContain('<dt>Tools</dt><dd>4: lookup 3, Function output 1</dd>');
  });

  it('says where a link whose text names another address really goes, and shows direction controls in link text, as the page does', () => {
    const links = exportAll('html', meta, [
      {
        id: 'a1',
        type: 'message',
        role: 'assistant',
        content: [
          {
            type: 'output_text',
            text: 'Log in at [https://bank.example](https://evil.example/login), [paypal.com](https://paypal.com.evil.example), [\u202Egnp.exe](https://example.com/x) or [the docs](https://docs.example.com).',
            annotations: [{ type: 'url_citation', url: 'https://evil.example/a', title: 'bank.example' }],
          },
        ],
      },
    ]);
    expect(links).toContain('<a href="https://evil.example/login" rel="noopener noreferrer">https://bank.example</a> <span class="real-target"');
    expect(links).toContain('>→ evil.example</span>');
    expect(links).toContain('>→ paypal.com.evil.example</span>');
    expect(links).toContain('rel="noopener noreferrer">[U+202E]gnp.exe</a>');
    expect(links).toContain('rel="noopener noreferrer">the docs</a>.');
    expect(links).toContain('<p>↗ <a href="https://evil.example/a" rel="noopener noreferrer">bank.example</a> <span class="real-target"');
    expect(links.match(/→ /g)).toHaveLength(4);
  });

  it('shows direction controls in Markdown headings and in text shown as written as code points, as the page does', () => {
    const reordered = exportAll('html', meta, [
      { id: 'u', type: 'message', role: 'user', content: 'Open report\u202Etxt.exe \u2066now\u2069' },
      { id: 'a', type: 'message', role: 'assistant', content: '## Attached: report\u202Etxt.exe\n\nDone.' },
      { id: 'rs', type: 'reasoning', summary: [], content: [{ type: 'reasoning_text', text: 'Name it \u200Fexe.txt\u061C' }] },
    ]);
    expect(reordered).toContain('<h3>User</h3><div class="text">Open report[U+202E]txt.exe [U+2066]now[U+2069]</div>');
    expect(reordered).toContain('<h2>Attached: report[U+202E]txt.exe</h2>');
    expect(reordered).toContain('<div class="text">Name it [U+200F]exe.txt[U+061C]</div>');
    expect(reordered).not.toMatch(DIRECTION_CONTROL);
  });

  it('shows direction controls in code, tool calls and their output as code points, so a "Trojan Source" line reads as what it is', () => {
    const trojan = 'if (role != "admin\u202E \u2066// is user\u2069 \u2066") {';
    const reordered = exportAll('html', meta, [
      { id: 'a', type: 'message', role: 'assistant', content: `Fixed:\n\n\`\`\`js\n${trojan}\n\`\`\`\n\nSee \`x\u202Ey\`.` },
      { id: 'a2', type: 'message', role: 'assistant', content: `Run \`rm\u202E -rf\` now.` },
      { id: 'f', type: 'function_call', call_id: 'c', name: 'run', arguments: JSON.stringify({ cmd: `ls\u202Eexe` }) },
      { id: 'fo', type: 'function_call_output', call_id: 'c', output: `out\u2067put\u200E` },
      { id: 'ci', type: 'code_interpreter_call', code: trojan, container_id: 'x', outputs: [] },
      { id: 'so', type: 'local_shell_call_output', call_id: 'gone', output: JSON.stringify({ stdout: 'std\u202Dout', stderr: '' }) },
    ]);
    expect(reordered).not.toMatch(DIRECTION_CONTROL);
    expectCodePoints(reordered, [
      '<span class=s>"admin[U+202E] [U+2066]// is user[U+2069] [U+2066]"</span>',
      '<code>x[U+202E]y</code>',
      '<code>rm[U+202E] -rf</code>',
      '<span class="args">cmd: "ls[U+202E]exe"</span>',
      'out[U+2067]put[U+200E]',
      'std[U+202D]out',
    ]);
  });

  it("shows direction controls in a row's title as code points: a tool's name, a role, the failures that name them", () => {
    const named = exportAll('html', meta, [
      { id: 'f', type: 'function_call', call_id: 'c', name: 'report\u202Etxt.exe', arguments: '{}' },
      { id: 'fo', type: 'function_call_output', call_id: 'c', output: 'ok' },
      { id: 'm', type: 'mcp_call', server_label: 'srv', name: 'do\u2067it', arguments: '{}', error: 'failed' },
      { id: 'u', type: 'message', role: 'us\u202Eer', status: 'incomplete', content: 'hi' },
    ]);
    expect(named).toContain('<span class="name">report[U+202E]txt.exe</span>');
    expect(named).toContain('<h3>Us[U+202E]er (incomplete)</h3>');
    expect(named).not.toMatch(DIRECTION_CONTROL);
  });

  it('counts a denied MCP approval as a failure and opens its answer, as the viewer does', () => {
    const approvals = exportAll('html', meta, [
      { id: 'r1', type: 'mcp_approval_request', server_label: 'gh', name: 'merge', arguments: '{}' },
      { id: 'a1', type: 'mcp_approval_response', approval_request_id: 'r1', approve: false },
      { id: 'r2', type: 'mcp_approval_request', server_label: 'gh', name: 'list', arguments: '{}' },
      { id: 'a2', type: 'mcp_approval_response', approval_request_id: 'r2', approve: true },
    ]);
    expect(approvals).toContain('<details class="row role-other failed" id="a1" open><summary><h3>MCP approval</h3> <span class="args">denied</span>');
    expect(approvals).toContain('<details class="row role-other" id="a2"><summary><h3>MCP approval</h3> <span class="args">approved</span>');
    expect(approvals).toContain('<span class="bad">1 failed or incomplete item</span>: <a href="#a1">MCP approval</a>');
  });

  it("renders assistant text and reasoning summaries as Markdown, and shows everyone else's text and reasoning text as written, as the viewer does", () => {
    const written = exportAll('html', meta, [
      { id: 'u', type: 'message', role: 'user', content: '# not a heading\n**not bold**' },
      { id: 'rs', type: 'reasoning', summary: [{ type: 'summary_text', text: '**Plan**' }], content: [{ type: 'reasoning_text', text: '# raw thought' }] },
      { id: 'a', type: 'message', role: 'assistant', content: '# A heading' },
    ]);
    expect(written).toContain('<h3>User</h3><div class="text"># not a heading\n**not bold**</div>');
    expect(written).toContain('<h3>Reasoning</h3><div class="md"><p><strong>Plan</strong></p></div><div class="text"># raw thought</div>');
    expect(written).toContain('<h3>Assistant</h3><div class="md"><h1>A heading</h1></div>');
  });

  it('counts and opens a failed or incomplete item of any kind, as the viewer does', () => {
    const failures = exportAll('html', meta, [
      { id: 'rs', type: 'reasoning', status: 'incomplete', summary: [{ type: 'summary_text', text: 'Cut off.' }] },
      { id: 'nx', type: 'brand_new_type', status: 'failed' },
      { id: 'ok', type: 'reasoning', status: 'completed', summary: [] },
    ]);
    expect(failures).toContain('<article class="row role-reasoning failed" id="rs">');
    expect(failures).toContain('<article class="row role-other failed" id="nx">');
    expect(failures).toContain('<article class="row role-reasoning" id="ok">');
    expect(failures).toContain('<span class="bad">2 failed or incomplete items</span>: <a href="#rs">Reasoning (incomplete)</a>, <a href="#nx">brand_new_type (failed)</a>');
  });

  it('renders Markdown by the page rules, and writes the run summary', () => {
    expect(html).toContain('<h3>Assistant (incomplete)</h3><div class="md"><p>Four.</p></div>');
    expect(html).toContain('<dt>Messages</dt><dd>8 (5 user, 2 assistant, 1 system)</dd><dt>Turns</dt><dd>5</dd>');
    expect(html).toMatch(/<dt>Failures<\/dt><dd><span class="bad">1 failed or incomplete item<\/span>: <a href="#msg_a1">Assistant \(incomplete\)<\/a><\/dd>/);
  });
});

describe('JSON export', () => {
  it('is the versioned document, which the viewer reads back', () => {
    const text = exportAll('json', meta, items);
    const parsed = exportDocument.parse(JSON.parse(text));
    expect(parsed.format).toBe(EXPORT_FORMAT);
    expect(parsed.items).toEqual(items);
    expect(parsed.conversation).toEqual(meta.conversation);
    expect(parsed.source).toEqual({ id: 'demo', label: 'Demo' });
    expect(parsed.exported_at).toBe(meta.exported_at);
  });

  it('is valid with no items', () => {
    expect(JSON.parse(exportAll('json', meta, [])).items).toEqual([]);
  });
});

describe('export file names', () => {
  it('keep letters, digits, _ and - only', () => {
    expect(exportFilename('conv_1', 'markdown')).toBe('conv_1.md');
    expect(exportFilename('../../etc/passwd"\r\n', 'html')).toBe('etc_passwd.html');
    expect(exportFilename('', 'json')).toBe('conversation.json');
  });

  it('come from the first name that keeps something: a title in Chinese gives way to the conversation ID', () => {
    expect(exportFilename(nameForFile('北京的天气怎么样？', 'conv_abc', 'snap1'), 'markdown')).toBe('conv_abc.md');
    expect(nameForFile('Weather in Paris', 'conv_abc')).toBe('Weather in Paris');
    expect(nameForFile(null, null, 'Xk3_snap')).toBe('Xk3_snap');
  });
});

describe("a snapshot's export", () => {
  const snapshotMeta: ExportMeta = {
    ...meta,
    snapshot: {
      id: 'snap',
      title: null,
      origin: 'source',
      created_at: '2026-11-26T00:00:00.000Z',
      expires_at: null,
      item_count: 3,
      excluded_count: 2,
      left_out: { items: 2, tool_outputs: 0, reasoning: 1, images: 1, encrypted: 0 },
      replaced: { email: 2 },
    },
  };
  // As the share filter leaves them: the reasoning emptied, the image's link taken away.
  const shared: ExportItem[] = [
    { id: 'msg_u1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Look.' }, { type: 'input_image' }] },
    { id: 'rs_1', type: 'reasoning', summary: [] },
    { id: 'msg_a1', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Seen.' }] },
  ];

  it('says at its top what the snapshot left out and replaced, in the words of its page', () => {
    for (const format of ['markdown', 'html'] as const) {
      const text = exportAll(format, snapshotMeta, shared);
      expect(text).toContain('2 items, 1 reasoning item, 1 image');
      expect(text).toContain('2 email addresses');
    }
  });

  it('says a field the snapshot emptied was left out, where it would otherwise be blank or a missing file', () => {
    for (const format of ['markdown', 'html'] as const) {
      const text = exportAll(format, snapshotMeta, shared);
      expect(text).toContain('Reasoning left out of this snapshot.');
      expect(text).toContain('Image left out of this snapshot.');
      expect(text).not.toContain('file without an ID');
    }
    // Outside a snapshot, an image with neither link nor file is what it is.
    expect(exportAll('markdown', meta, shared)).toContain('Image: file without an ID, not included.');
  });

  it("says under each call that its output was left out, where the snapshot left tool outputs out", () => {
    const withCall: ExportItem[] = [...shared, { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'list_runs', arguments: '{"repo":"acme/app"}', status: 'completed' }];
    const outputsOut = { ...snapshotMeta, snapshot: { ...snapshotMeta.snapshot!, left_out: { ...snapshotMeta.snapshot!.left_out, tool_outputs: 1 } } };
    for (const format of ['markdown', 'html'] as const) {
      const text = exportAll(format, outputsOut, withCall);
      expect(text).toContain('list_runs');
      expect(text).toContain('Output left out of this snapshot.');
      // A snapshot that kept its outputs says nothing of the kind.
      expect(exportAll(format, snapshotMeta, withCall)).not.toContain('Output left out');
    }
  });
});

describe('the HTML export\'s size', () => {
  it('is counted as the viewer counts it when given its tokenizer: readable text only, opaque data left out', () => {
    const image = { id: 'msg_img', type: 'message', role: 'user', content: [{ type: 'input_image', image_url: `data:image/png;base64,${'iVBORw0K'.repeat(5_000)}` }] };
    const text = { id: 'msg_text', type: 'message', role: 'user', content: 'one two three' };
    // A stand-in tokenizer: one token a word.
    const countTokens = (value: string) => value.split(/\s+/).filter(Boolean).length;
    const counted = exportAll('html', meta, [image, text], { tokensOf: (item) => itemTokens(item, countTokens) });
    expect(counted).toContain('≈ 3 tokens <span class="note" title="Counted with the o200k_base tokenizer');
    // Without it, the size is estimated from the characters shown, and says so.
    expect(exportAll('html', meta, [image, text])).toMatch(/≈ [\d,]+ tokens <span class="note">\(estimate: characters ÷ 4\)/);
  });
});
