import { messageText } from '../items/display-text.ts';
import { startsTurn } from '../items/item-counts.ts';
import type { ExportItem, ExportMeta } from './export-document.ts';
import type { Exporter } from './export-formats.ts';
import { exportTitle } from './header-lines.ts';

/**
 * How many items an untitled export holds back looking for its first user message: fewer than a page of the source,
 * so a run that opens with many items of other kinds costs no more memory than reading it does.
 */
export const TITLE_LOOKAHEAD = 50;

/**
 * An export whose header names the run as the viewer does when it has no title of its own: from the conversation's
 * metadata, or else its first user message. The header comes first in the file, so until that message has come (or
 * TITLE_LOOKAHEAD items without one, or the end) the items wait; then the header and they are written in order.
 */
export function titledExporter(meta: ExportMeta, create: (title: string) => Exporter): Exporter {
  const known = meta.title?.trim() ? exportTitle(meta) : null;
  let exporter = known === null ? null : create(known);
  const held: ExportItem[] = [];

  function start(firstUserText: string | null): string {
    exporter = create(exportTitle(meta, firstUserText));
    let text = exporter.begin();
    for (const item of held.splice(0)) text += exporter.item(item);
    return text;
  }

  return {
    begin: () => exporter?.begin() ?? '',
    item(item: ExportItem): string {
      if (exporter) return exporter.item(item);
      if (startsTurn(item)) return start(messageText(item)) + exporter!.item(item);
      held.push(item);
      return held.length >= TITLE_LOOKAHEAD ? start(null) : '';
    },
    end: () => (exporter ? '' : start(null)) + exporter!.end(),
  };
}
