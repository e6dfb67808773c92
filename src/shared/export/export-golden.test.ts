import { describe, expect, it } from 'vitest';
import agentRun from '../../server/demo/conversations/agent-run.json' with { type: 'json' };
import type { ExportItem, ExportMeta } from './export-document.ts';
import { EXPORT_FORMATS, exportAll, type ExportFormat } from './export-formats.ts';

const meta: ExportMeta = { title: agentRun.title, source: { id: 'demo', label: 'Demo' }, conversation: agentRun.conversation, exported_at: '2026-12-01T00:00:00.000Z' };

// Each format of the demo agent run, as a file to read in review: a change to any export shows up as a diff here.
describe('exports of the demo agent run', () => {
  for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
    it(`match the ${format} golden file`, async () => {
      await expect(exportAll(format, meta, agentRun.items as ExportItem[])).toMatchFileSnapshot(`./golden/agent-run.${EXPORT_FORMATS[format].extension}`);
    });
  }
});
