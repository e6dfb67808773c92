import { describe, expect, it } from 'vitest';
import type { ExportMeta } from './export-document.ts';
import { exportAll } from './export-formats.ts';
import { headerFacts } from './header-lines.ts';

const meta: ExportMeta = {
  title: 'Run',
  source: { id: 'demo', label: 'Demo' },
  conversation: { id: 'conv_1', created_at: 1_764_486_000 },
  exported_at: '2026-12-01T00:00:00.000Z',
  snapshot: { id: 's', title: 'Run', origin: 'source', created_at: '2026-11-30T10:15:30.000Z', expires_at: 'not a date', item_count: 1, excluded_count: 0 },
};

describe("an export's header", () => {
  it('writes its moments as the viewer does, in UTC, with their ISO form beside them; one that is no date as written', () => {
    const facts = headerFacts(meta);
    expect(facts).toContainEqual(['Created', '2025-11-30 07:00 UTC', '2025-11-30T07:00:00.000Z']);
    expect(facts).toContainEqual(['Snapshot taken', '2026-11-30 10:15 UTC', '2026-11-30T10:15:30.000Z']);
    expect(facts).toContainEqual(['Expires', 'not a date']);
    expect(facts).toContainEqual(['Exported', '2026-12-01 00:00 UTC', '2026-12-01T00:00:00.000Z']);
    expect(exportAll('markdown', meta, [])).toContain('- **Created:** 2025-11-30 07:00 UTC\n');
  });

  it('keeps a moment on one line in the HTML, readable, with its ISO form for machines and a tooltip', () => {
    const html = exportAll('html', meta, []);
    expect(html).toContain('<dt>Created</dt><dd><time datetime="2025-11-30T07:00:00.000Z" title="2025-11-30T07:00:00.000Z">2025-11-30 07:00 UTC</time></dd>');
    expect(html).toMatch(/time\{white-space:nowrap\}/);
    expect(html).toContain('<dt>Expires</dt><dd>not a date</dd>');
  });
});
