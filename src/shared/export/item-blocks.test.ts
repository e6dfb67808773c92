import { describe, expect, it } from 'vitest';
import type { ExportItem, ExportMeta } from './export-document.ts';
import { exportAll } from './export-formats.ts';

const meta: ExportMeta = { title: 'Run', source: { id: 'demo', label: 'Demo' }, conversation: { id: 'conv_1' }, exported_at: '2026-11-26T00:00:00.000Z' };
const both = (items: ExportItem[]) => ({ markdown: exportAll('markdown', meta, items), html: exportAll('html', meta, items) });

describe('a shell call in the Markdown and HTML exports', () => {
  it('shows the command line and its facts as the viewer does, not its action as JSON', () => {
    const { markdown, html } = both([
      { id: 'ls', type: 'local_shell_call', call_id: 'c', action: { type: 'exec', command: ['npm', 'test'], env: { CI: 'true' }, timeout_ms: 120000, working_directory: '/repo' } },
      { id: 'sh', type: 'shell_call', call_id: 'd', action: { commands: ['git status', 'ls'], timeout_ms: 10000 } },
    ]);
    expect(markdown).toContain('### Tool call: Local shell\n\nCommand:\n\n```console\n$ npm test\n```\n\n- **cwd:** /repo\n- **timeout ms:** 120000\n- **env:** CI=true\n');
    expect(markdown).toContain('```console\n$ git status\n$ ls\n```\n\n- **timeout ms:** 10000\n');
    expect(html).toContain('<div class="label">Command</div><pre><code>$ npm test</code></pre><dl class="facts"><dt>cwd</dt><dd>/repo</dd><dt>timeout ms</dt><dd>120000</dd><dt>env</dt><dd>CI=true</dd></dl>');
    for (const written of [markdown, html]) expect(written).not.toMatch(/"command"|"exec"|working_directory/);
  });

  it('keeps what the command line does not show as JSON, and escapes the command and its facts', () => {
    const { markdown, html } = both([{ id: 'ls', type: 'local_shell_call', call_id: 'c', action: { command: ['echo', '<img src=x onerror=alert(1)>'], working_directory: '<b>', sandbox: 'strict' } }]);
    expect(markdown).toContain("$ echo '<img src=x onerror=alert(1)>'");
    expect(markdown).toContain('- **cwd:** \\<b\\>');
    expect(markdown).toContain('Other fields:\n\n```json\n{\n  "action": {\n    "sandbox": "strict"\n  }\n}\n```');
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('<dd>&#60;b&#62;</dd>');
  });
});

describe('a shell call of either kind in the Markdown and HTML exports', () => {
  it('keeps as JSON every field its command line and facts do not show for its kind', () => {
    const { markdown } = both([
      { id: 'sh', type: 'shell_call', call_id: 'd', action: { commands: ['ls'], working_directory: '/repo', user: 'ci', env: { CI: '1' } } },
      { id: 'ls', type: 'local_shell_call', call_id: 'c', action: { command: ['ls'], max_output_length: 4096 }, environment: { type: 'local' } },
    ]);
    const sections = markdown.split('\n### ');
    const shell = sections.find((section) => section.startsWith('Tool call: Shell')) ?? '';
    for (const kept of ['"working_directory": "/repo"', '"user": "ci"', '"CI": "1"']) expect(shell).toContain(kept);
    const local = sections.find((section) => section.startsWith('Tool call: Local shell')) ?? '';
    for (const kept of ['"max_output_length": 4096', '"environment": {']) expect(local).toContain(kept);
  });
});

describe('a configuration update in the Markdown and HTML exports', () => {
  const update = {
    id: 'cfg',
    type: 'configuration_update',
    reasoning: { effort: 'high' },
    text: { format: { type: 'json_schema', name: '<ci_triage>', strict: true, schema: { type: 'object' } } },
  };

  it('sums up the settings as the viewer does, with their JSON below: in the HTML, folded', () => {
    const { markdown, html } = both([update]);
    expect(markdown).toContain('### Configuration update\n\n- **Reasoning effort:** high\n- **Text format:** JSON schema “\\<ci_triage\\>” (strict)\n\nSettings as JSON:\n\n```json\n{\n  "reasoning"');
    expect(html).toContain('<h3>Configuration update</h3><dl class="facts"><dt>Reasoning effort</dt><dd>high</dd><dt>Text format</dt><dd>JSON schema “&#60;ci_triage&#62;” (strict)</dd></dl>');
    expect(html).toContain('<details class="folded"><summary class="label">Settings as JSON</summary><pre><code>{\n  "reasoning"');
  });

  it('says when it changes nothing', () => {
    expect(both([{ id: 'cfg', type: 'configuration_update' }]).markdown).toContain('### Configuration update\n\n_No settings changed._\n');
  });
});

describe('blocks of JSON in the Markdown and HTML exports', () => {
  it('names the tools an "Additional tools" item adds and who added them, as the viewer does', () => {
    const { markdown, html } = both([{ id: 'at', type: 'additional_tools', role: 'developer', tools: [{ type: 'function', name: 'list_ci_runs' }] }]);
    expect(markdown).toContain('### Additional tools · from developer\n\n**Tools:** list_ci_runs\n');
    expect(markdown).not.toContain('"role"');
    expect(html).toContain('<div class="label">Tools</div><div class="text">list_ci_runs</div>');
  });

  it('labels each block of a call that shows more than its arguments: the arguments, its other fields, its output', () => {
    const { markdown, html } = both([
      { id: 'ts', type: 'tool_search_call', call_id: 't', arguments: { query: 'logs' }, execution: 'server' },
      { id: 'mc', type: 'mcp_call', server_label: 'gh', name: 'list', arguments: '{}', output: '[1]' },
    ]);
    expect(markdown).toContain('### Tool call: Tool search\n\nArguments:\n\n```json\n{\n  "query": "logs"\n}\n```\n\nOther fields:\n\n```json\n{\n  "execution": "server"\n}\n```\n');
    expect(markdown).toContain('### Tool call: gh.list\n\nArguments:\n\n```json\n{}\n```\n\nOutput:\n\n```json\n[\n  1\n]\n```\n');
    expect(html).toContain('<div class="label">Arguments</div><pre><code>{\n  "query": "logs"\n}</code></pre><div class="label">Other fields</div>');
  });

  it('leaves the one block of a call that shows only its arguments unlabelled, under the call\'s heading', () => {
    expect(both([{ id: 'fc', type: 'function_call', call_id: 'c', name: 'get_time', arguments: '{}' }]).markdown).toContain('### Tool call: get_time\n\n```json\n{}\n```\n');
  });
});
