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
