import type { ExportItem, ExportMeta } from './export-document.ts';
import { exportTitle, headerFacts } from './header-lines.ts';
import { createItemDescriber, type Block } from './item-blocks.ts';

/** Everything that comes from a conversation goes through here: nothing in it can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const SAFE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/i;
const SAFE_LINK = /^https?:\/\//i;

/** The file reads offline: no script at all, and nothing loads from anywhere but the file itself. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root{color-scheme:light dark;--bg:#f4f4f5;--card:#fff;--fg:#18181b;--muted:#52525b;--line:#e4e4e7;--code:#f4f4f5;
--user:#6366f1;--assistant:#10b981;--system:#f59e0b;--developer:#8b5cf6;--tool:#0ea5e9;--reasoning:#71717a;--other:#a1a1aa}
@media (prefers-color-scheme:dark){:root{--bg:#09090b;--card:#18181b;--fg:#f4f4f5;--muted:#a1a1aa;--line:#27272a;--code:#27272a}}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif}
main,header{max-width:52rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1rem;color:var(--muted);margin:1.5rem 0 .5rem}h3{font-size:.9rem;margin:0 0 .4rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;color:var(--muted);margin:0}dd{margin:0;overflow-wrap:anywhere}
article{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--other);border-radius:.5rem;padding:.75rem 1rem;margin:.5rem 0}
.role-user{border-left-color:var(--user)}.role-assistant{border-left-color:var(--assistant)}.role-system{border-left-color:var(--system)}
.role-developer{border-left-color:var(--developer)}.role-tool{border-left-color:var(--tool)}.role-reasoning{border-left-color:var(--reasoning)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:.4rem 0}
pre{background:var(--code);padding:.6rem;border-radius:.4rem;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.45 ui-monospace,monospace}
.note{color:var(--muted);font-style:italic;margin:.4rem 0}img{max-width:100%;border-radius:.4rem}a{color:var(--user)}
`;

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'text':
      return `<div class="text">${escapeHtml(b.text)}</div>`;
    case 'code':
      return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
    case 'image':
      if (SAFE_IMAGE.test(b.url)) return `<figure><img src="${escapeHtml(b.url)}" alt="${escapeHtml(b.label)}"></figure>`;
      return SAFE_LINK.test(b.url) ? `<p><a href="${escapeHtml(b.url)}" rel="noopener noreferrer">${escapeHtml(b.label)}</a></p>` : `<p class="note">${escapeHtml(b.label)}: not included.</p>`;
    case 'link':
      return SAFE_LINK.test(b.url) ? `<p>↗ <a href="${escapeHtml(b.url)}" rel="noopener noreferrer">${escapeHtml(b.label)}</a></p>` : `<p class="note">${escapeHtml(b.label)}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(b.text)}</p>`;
  }
}

/** One self-contained HTML file in the viewer's colours, light and dark, with inline CSS only and no script. */
export function createHtmlExporter(meta: ExportMeta) {
  const describe = createItemDescriber();
  let inTurn = false;
  const title = escapeHtml(exportTitle(meta));
  return {
    begin: () =>
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
      `<meta http-equiv="Content-Security-Policy" content="${CSP}"><meta name="referrer" content="no-referrer">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head>\n` +
      `<body><header><h1>${title}</h1><dl>${headerFacts(meta).map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl></header>\n<main>\n`,
    item(item: ExportItem): string {
      const { turn, blocks } = describe(item);
      const role = blocks[0]?.kind === 'heading' ? blocks[0].role.replace(/[^a-z]/g, '') : 'other';
      const opening = turn === null ? '' : `${inTurn ? '</section>\n' : ''}<section><h2>Turn ${turn}</h2>\n`;
      inTurn ||= turn !== null;
      const anchor = item.id ? ` id="${escapeHtml(item.id)}"` : '';
      return `${opening}<article class="role-${role}"${anchor}>${blocks.map(block).join('')}</article>\n`;
    },
    end: () => `${inTurn ? '</section>\n' : ''}</main></body></html>\n`,
  };
}
