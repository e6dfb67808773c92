import type { ExportItem, ExportMeta } from './export-document.ts';
import { exportTitle, headerFacts } from './header-lines.ts';
import { createItemDescriber, type Block } from './item-blocks.ts';

/** A fence longer than any run of backticks inside, so no content can close it early. */
function fence(text: string, language: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${language}\n${text}\n${ticks}`;
}

/** Link text and targets with brackets or spaces would break the link syntax. */
const linkText = (text: string) => text.replace(/[[\]\\]/g, '\\$&').replace(/\s+/g, ' ');
const linkTarget = (url: string) => `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `### ${b.text}`;
    case 'text':
      return b.text;
    case 'code':
      return fence(b.text, b.language);
    case 'image':
      // Embedded images would make the text unreadable; a link to them stays short.
      return b.url.startsWith('data:')
        ? `_${b.label}: embedded (${b.url.length} characters), not included._`
        : `[${linkText(b.label)}](${linkTarget(b.url)})`;
    case 'link':
      return `- [${linkText(b.label)}](${linkTarget(b.url)})`;
    case 'note':
      return `_${b.text.replace(/[_*]/g, '\\$&')}_`;
  }
}

/** Markdown ready to paste into an issue: a heading per turn and per role, text as written, tools in fences. */
export function createMarkdownExporter(meta: ExportMeta) {
  const describe = createItemDescriber();
  return {
    begin: () => `# ${exportTitle(meta)}\n\n${headerFacts(meta).map(([label, value]) => `- **${label}:** ${value}`).join('\n')}\n`,
    item(item: ExportItem): string {
      const { turn, blocks } = describe(item);
      return `${turn === null ? '' : `\n## Turn ${turn}\n`}\n${blocks.map(block).join('\n\n')}\n`;
    },
    end: () => '',
  };
}
