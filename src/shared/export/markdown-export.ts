import type { ExportItem, ExportMeta } from './export-document.ts';
import { headerFacts } from './header-lines.ts';
import type { Exporter } from './export-formats.ts';
import { titledExporter } from './titled-exporter.ts';
import { createItemDescriber, exportLeftOut, type Block } from './item-blocks.ts';
import { revealBidi, spoofedTarget } from '../markdown/link-spoofing.ts';
import { outcomeOf } from '../items/tool-outcome.ts';
import { CallMatcher } from '../items/tool-pairs.ts';
import { pairKey } from '../items/item-catalog.ts';
import { fence, markdownBlock, markdownInline, markdownLink } from './markdown-text.ts';

/**
 * Direction controls show as code points in everything the file writes (fields through markdownInline): a Markdown
 * file is read as source as often as rendered, and in source a control reorders the syntax around it too, so a line
 * of text, code or output never reads differently from what it is.
 */
function block(b: Block): string {
  switch (b.kind) {
    case 'text':
      return markdownBlock(revealBidi(b.text), b.markdown);
    case 'names':
      return `${b.label ? `**${markdownInline(b.label)}:** ` : ''}${markdownInline(b.text)}`;
    case 'code':
      return `${b.label ? `${markdownInline(b.label)}:\n\n` : ''}${fence(revealBidi(b.text), b.language)}`;
    case 'facts':
      return b.facts.map(([label, value]) => `- **${markdownInline(label)}:** ${markdownInline(value)}`).join('\n');
    case 'image':
      // Embedded images would make the text unreadable; a link to them stays short.
      return b.url.startsWith('data:') ? `_${markdownInline(b.label)}: embedded (${b.url.length} characters), not included._` : markdownLink(b.label, b.url);
    case 'link': {
      // A citation whose title names another address says where it really goes, as the page does.
      const real = spoofedTarget(b.label, b.url);
      return `- ${markdownLink(b.label, b.url)}${real ? ` → ${markdownInline(real)}` : ''}`;
    }
    case 'note':
      return `_${markdownInline(b.text)}_`;
  }
}

/** Markdown ready to paste into an issue: a heading per turn and per item, text as written (fenced where it would reach past its own end), outputs in fences. */
export function createMarkdownExporter(meta: ExportMeta): Exporter {
  return titledExporter(meta, (title) => markdownExporter(meta, title));
}

function markdownExporter(meta: ExportMeta, title: string): Exporter {
  const describe = createItemDescriber(exportLeftOut(meta));
  /** Calls not answered yet, by pairing key, as the viewer pairs them: an answer is judged with its call. */
  const calls = new CallMatcher<ExportItem>();
  return {
    begin: () => `# ${markdownInline(title)}\n\n${headerFacts(meta).map(([label, value]) => `- **${markdownInline(label)}:** ${markdownInline(value)}`).join('\n')}\n`,
    item(item: ExportItem): string {
      const { turn, heading, blocks, tool } = describe(item);
      // A tool call that went wrong says so in its heading, as the viewer's row badge does: a call with an error of its
      // own, or an answer with a non-zero exit, an error or a denial. A failed or incomplete status shows already, on
      // the item that has it, and a call's own error on the call's heading, not again on its answer's.
      let outcome = null;
      if (tool?.side === 'call') {
        if (tool.key) calls.call(tool.key, item);
        outcome = outcomeOf(item, undefined);
      } else if (tool?.side === 'output') {
        const call = (tool.key ? calls.answer(tool.key) : undefined) ?? item;
        outcome = call !== item && outcomeOf(call, undefined)?.failed ? null : outcomeOf(call, item);
      } else if (item.type === 'mcp_approval_response') {
        // Judged with the request it answers, as the viewer judges the pair: a denial is a failure.
        const request = calls.answer(pairKey(item)?.key ?? '');
        outcome = request ? outcomeOf(request, item) : null;
      }
      const failed = !outcome?.failed || outcome.text === 'failed' || outcome.text === 'incomplete' ? '' : outcome.text === 'denied' ? ' (denied)' : ` (failed: ${outcome.text})`;
      return `${turn === null ? '' : `\n## Turn ${turn}\n`}\n### ${markdownInline(heading + failed)}\n\n${blocks.map(block).join('\n\n')}\n`.replace(/\n\n\n$/, '\n');
    },
    end: () => '',
  };
}
