import { describe, expect, it } from 'vitest';
import type { ExportItem, ExportMeta } from './export-document.ts';
import { exportAll } from './export-formats.ts';
import { TITLE_LOOKAHEAD } from './titled-exporter.ts';

const meta: ExportMeta = { title: null, source: { id: 'demo', label: 'Demo' }, conversation: { id: 'conv_1' }, exported_at: '2026-12-01T00:00:00.000Z' };
const system: ExportItem = { id: 'sys', type: 'message', role: 'system', content: 'Be brief.' };
const user = (text: string): ExportItem => ({ id: 'u', type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const heading = (markdown: string) => markdown.split('\n')[0];

describe('the title of an untitled export', () => {
  it('is the run’s as the viewer gives it, from its first user message, with the conversation ID still in the header', () => {
    const items = [system, user('CI on main has been red since this morning (run #4182). Can you find out why?')];
    const markdown = exportAll('markdown', meta, items);
    expect(heading(markdown)).toBe('# CI on main has been red since this morning (run #4182)');
    expect(markdown).toContain('- **Conversation:** conv_1\n');
    // The items that came before the message are written after the header, in order.
    expect(markdown.indexOf('### System')).toBeGreaterThan(markdown.indexOf('- **Exported:**'));
    expect(markdown.indexOf('### System')).toBeLessThan(markdown.indexOf('## Turn 1'));
    const html = exportAll('html', meta, items);
    expect(html).toContain('<title>CI on main has been red since this morning (run #4182)</title>');
    expect(html).toContain('<h1>CI on main has been red since this morning (run #4182)</h1><dl><dt>Source</dt><dd>Demo</dd><dt>Conversation</dt><dd>conv_1</dd>');
  });

  it('comes from the metadata’s title first, and never overrides a title the export has', () => {
    const titled = { ...meta, conversation: { id: 'conv_1', metadata: { topic: 'Refund for order 1234' } } };
    expect(heading(exportAll('markdown', titled, [user('Hello there, I need help with my order.')]))).toBe('# Refund for order 1234');
    expect(heading(exportAll('markdown', { ...titled, title: 'Shared run' }, [user('Hello there, I need help with my order.')]))).toBe('# Shared run');
  });

  it('is escaped in the HTML and Markdown alike', () => {
    const items = [user('<script>alert(1)</script> # please fix <img src=x onerror=alert(2)> now.')];
    const html = exportAll('html', meta, items);
    expect(html).not.toMatch(/<script>alert|<img/);
    expect(html).toContain('<title>&#60;script&#62;alert(1)&#60;/script&#62; # please fix &#60;img src=x onerror=alert(2)&#62; now</title>');
    expect(heading(exportAll('markdown', meta, items))).toBe('# \\<script\\>alert(1)\\</script\\> # please fix \\<img src=x onerror=alert(2)\\> now');
  });

  it('falls back to the conversation ID when no user message comes within the first items, writing every item in order', () => {
    const many = Array.from({ length: TITLE_LOOKAHEAD + 5 }, (_, i): ExportItem => ({ id: `s${i}`, type: 'message', role: 'system', content: `Rule ${i}.` }));
    const markdown = exportAll('markdown', meta, [...many, user('A question that comes too late to title it.')]);
    expect(heading(markdown)).toBe('# Conversation conv_1');
    expect(markdown.match(/Rule \d+\./g)).toEqual(many.map((_, i) => `Rule ${i}.`));
    expect(heading(exportAll('markdown', meta, []))).toBe('# Conversation conv_1');
    expect(exportAll('html', meta, [system])).toContain('<h1>Conversation conv_1</h1>');
  });
});
