import { stringifyJson } from '../../lib/stringify-deep.ts';
import { EXPORT_FORMAT, type ExportItem, type ExportMeta } from './export-document.ts';

/** The viewer's own document, written item by item; the items come last so they can stream. */
export function createJsonExporter(meta: ExportMeta) {
  let first = true;
  return {
    begin: () => {
      const head = stringifyJson({ format: EXPORT_FORMAT, ...meta });
      return `${head.slice(0, -1)},"items":[\n`;
    },
    item(item: ExportItem): string {
      const line = `${first ? '' : ',\n'}${stringifyJson(item)}`;
      first = false;
      return line;
    },
    end: () => '\n]}\n',
  };
}
