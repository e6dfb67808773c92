import { itemSummaryLine, outcomeOf, toolSummary } from '../items/tool-summary.ts';
import { itemLabel, pairKey } from '../items/item-catalog.ts';
import { escapeHtml, escapeText, markdownToHtml, realTargetHtml } from '../markdown/markdown-html.ts';
import { revealBidi } from '../markdown/link-spoofing.ts';
import { plainMarkdownReason } from '../markdown/markdown-limits.ts';
import { isSafeImageUrl, safeLinkHref } from '../markdown/safe-url.ts';
import type { ExportItem, ExportMeta, ExportOptions } from './export-document.ts';
import { TOKENIZER_NOTE } from '../items/token-labels.ts';
import { headerFacts, type HeaderFact } from './header-lines.ts';
import type { Exporter } from './export-formats.ts';
import { titledExporter } from './titled-exporter.ts';
import { HELD_NOTE, ISLAND_SCRIPT, ISLAND_SCRIPT_HASH } from './html-island.ts';
import { HTML_STYLE } from './html-style.ts';
import { createItemDescriber, exportLeftOut, type Block, type DescribedItem } from './item-blocks.ts';
import { formatCount, plural } from '../format.ts';
import { RunTally } from './run-tally.ts';
import { CallMatcher } from '../items/tool-pairs.ts';
import { breakdown, byCount } from '../items/item-counts.ts';
import { failuresNoneText } from '../snapshots/failures-text.ts';

/** The file reads offline: its one inline script, pinned by hash, and nothing loads from anywhere but the file itself. */
const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${ISLAND_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;

/** Rows are laid out (or skipped) a chunk at a time: far fewer boxes for the browser to track than one per row. */
const CHUNK_ROWS = 50;

/**
 * The last chunks are always laid out, so a jump to the end lands on rows of their real height. They are held back
 * until the next ones start (or the export ends), so each is written once, already marked: a rule on "the last
 * chunks" would have the browser restyle every chunk as each new one is parsed.
 */
const LAID_OUT_AT_END = 2;

/**
 * How much the rows waiting behind a call for its output may hold (characters of their text, and a little for each
 * row) before the call is written alone and its output later gets a row of its own. However many rows come between, a
 * call waits for its output, as the page pairs them; the bound keeps a call that is never answered from holding the
 * rest of a long run in memory while it streams.
 */
const MAX_WAITING_CHARS = 8 * 1024 * 1024;
/** What a row counts for above its text: a row without any still takes some room. */
const ROW_CHARS = 256;

function textBlock(text: string, markdown: boolean): string {
  const reason = markdown ? plainMarkdownReason(text) : 'plain';
  if (reason === null) return `<div class="md">${markdownToHtml(text)}</div>`;
  return `${markdown ? `<p class="note">${escapeHtml(reason)}</p>` : ''}<div class="text">${escapeText(revealBidi(text))}</div>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'text':
      return textBlock(b.text, b.markdown);
    case 'names':
      return `${b.label ? `<div class="label">${escapeHtml(b.label)}</div>` : ''}${textBlock(b.text, false)}`;
    case 'code': {
      const code = `<pre><code>${escapeText(revealBidi(b.text))}</code></pre>`;
      if (b.label && b.folded) return `<details class="folded"><summary class="label">${escapeHtml(b.label)}</summary>${code}</details>`;
      return `${b.label ? `<div class="label">${escapeHtml(b.label)}</div>` : ''}${code}`;
    }
    case 'facts':
      return `<dl class="facts">${b.facts.map(([label, value]) => `<dt>${escapeHtml(revealBidi(label))}</dt><dd>${escapeHtml(revealBidi(value))}</dd>`).join('')}</dl>`;
    case 'image': {
      if (b.url.startsWith('data:') && isSafeImageUrl(b.url)) return `<figure><img src="${escapeHtml(b.url)}" alt="${escapeHtml(b.label)}"></figure>`;
      const href = safeLinkHref(b.url);
      return href ? `<p><a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(b.label)} ↗</a></p>` : `<p class="note">${escapeHtml(b.label)}: not included.</p>`;
    }
    case 'link': {
      const href = safeLinkHref(b.url);
      return href ? `<p>↗ <a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(revealBidi(b.label))}</a>${realTargetHtml(b.label, href)}</p>` : `<p class="note">${escapeHtml(b.label)}</p>`;
    }
    case 'note':
      return `<p class="note">${escapeHtml(b.text)}</p>`;
  }
}

/** A header's fact; a moment as the viewer writes it, kept on one line, with its ISO form for machines and a tooltip. */
function factHtml([label, value, iso]: HeaderFact): string {
  const shown = iso ? `<time datetime="${escapeHtml(iso)}" title="${escapeHtml(iso)}">${escapeHtml(value)}</time>` : escapeHtml(value);
  return `<dt>${escapeHtml(label)}</dt><dd>${shown}</dd>`;
}

const blocksHtml = (blocks: Block[]) => blocks.map(block).join('');
const factsChars = (facts: [string, string][]) => facts.reduce((sum, [label, value]) => sum + label.length + value.length, 0);
const characters = (blocks: Block[]) => blocks.reduce((sum, b) => sum + (b.kind === 'text' || b.kind === 'names' || b.kind === 'code' ? b.text.length : b.kind === 'facts' ? factsChars(b.facts) : 0), 0);
/** What a row's blocks hold while it waits: their text, and the addresses of images and links (a data: URL is big). */
const heldChars = (blocks: Block[]) =>
  blocks.reduce((sum, b) => sum + (b.kind === 'image' || b.kind === 'link' ? b.url.length + b.label.length : b.kind === 'facts' ? factsChars(b.facts) : b.text.length), ROW_CHARS);
/**
 * The file's own anchors start with `~` (`#~end`, `#~turn-3`); an item's is its ID, as the viewer's links are, with
 * one more `~` when the ID starts with one, so no item ID (untrusted) can take the file's own.
 */
const OWN = '~';
const itemAnchor = (id: string) => (id.startsWith(OWN) ? OWN + id : id);
const ownAnchor = (name: string) => OWN + name;
const anchor = (item: ExportItem) => (item.id ? ` id="${escapeHtml(itemAnchor(item.id))}"` : '');

interface Row {
  item: ExportItem;
  described: DescribedItem;
  /** What it holds while it waits (heldChars), its output's included. */
  chars: number;
  output?: { item: ExportItem; described: DescribedItem };
  /** Written once its output has come, or once too many rows wait behind it. */
  waiting: boolean;
  /** For a call: its place among the calls waiting for an answer. */
  waiter?: Waiter;
}

/** A call's place among those waiting for an answer: empty once its row is written, so the row is not kept. */
interface Waiter {
  row: Row | null;
}

/** One self-contained HTML file that reads like the viewer, light and dark, with inline CSS and one pinned inline script, and every item readable with scripts off. */
export function createHtmlExporter(meta: ExportMeta, options: ExportOptions = {}): Exporter {
  return titledExporter(meta, (title) => htmlExporter(meta, title, options));
}

function htmlExporter(meta: ExportMeta, runTitle: string, options: ExportOptions): Exporter {
  const describe = createItemDescriber(exportLeftOut(meta));
  const tally = new RunTally(options.tokensOf);
  const title = escapeHtml(runTitle);
  /** Rows not written yet, in order, from `first` on: a row is written by moving `first`, not by shifting the list. */
  let queue: Row[] = [];
  let first = 0;
  let queuedChars = 0;
  /** Calls by pairing key, as the viewer pairs them: an output answers the nearest call before it not answered yet. */
  const calls = new CallMatcher<Waiter>();
  let rowsInChunk = CHUNK_ROWS;
  /** The chunk being filled, and the full ones not written yet (at most LAID_OUT_AT_END - 1). */
  let current: string | null = null;
  const held: string[] = [];
  let lastId: string | null = null;
  /** Approval requests by ID, so the answer to one is judged with it. */
  const approvalRequests = new Map<string, ExportItem>();

  let written = 0;

  /** Starts a new chunk; answers the chunk that is now far enough from the end to be written. */
  function startChunk(): string {
    if (current !== null) held.push(current);
    current = '';
    rowsInChunk = 0;
    if (held.length < LAID_OUT_AT_END) return '';
    const rows = held.shift()!;
    // The first chunk is markup, so the page shows at once; the ones after it wait for the script as text (see
    // html-island.ts). Content is escaped, so it cannot close the <noscript>; a chunk that did would stay markup.
    const island = written++ > 0 && !/<\/[Nn][Oo][Ss][Cc][Rr][Ii][Pp][Tt]/.test(rows);
    return island ? `<div class="chunk">${HELD_NOTE}<noscript>\n${rows}</noscript></div>\n` : `<div class="chunk">\n${rows}</div>\n`;
  }

  /** A call and its output as one <details>, summarised by the viewer's one-liner; open when it failed. */
  function toolRow(row: Row): { html: string; failed: boolean } {
    const { item, described, output } = row;
    const summary = toolSummary(item, output?.item);
    const failed = summary.outcome?.failed ?? false;
    const badge = summary.outcome ? ` <span class="badge${failed ? ' is-bad' : ''}">${escapeHtml(summary.outcome.text)}</span>` : '';
    const size = summary.size ? ` <span class="size">→ ${escapeHtml(summary.size)}</span>` : '';
    const answer = output ? `<h4${anchor(output.item)}>Output${escapeHtml(output.described.flag)}</h4>${blocksHtml(output.described.blocks)}` : '';
    const html =
      `<details class="row role-tool${failed ? ' failed' : ''}"${anchor(item)}${failed ? ' open' : ''}>` +
      `<summary><span class="name">${escapeHtml(revealBidi(described.tool?.name ?? itemLabel(item.type)))}</span> <span class="args">${escapeText(revealBidi(summary.args))}</span>${badge}${size}</summary>` +
      `${described.blocks.length ? `<h4>${escapeHtml(itemLabel(item.type))}</h4>${blocksHtml(described.blocks)}` : ''}${answer}</details>\n`;
    return { html, failed };
  }

  function plainRow(item: ExportItem, described: DescribedItem): { html: string; failed: boolean } {
    // An output written apart from its call is judged by itself, and any other item by its status or error, as the
    // viewer's summary judges them (a reasoning item cut off, an unknown item that failed).
    // An approval is judged with the request it answers, as the viewer judges the pair: a denial is a failure.
    const request = item.type === 'mcp_approval_response' ? approvalRequests.get(pairKey(item)?.key ?? '') : undefined;
    const failed =
      item.type === 'message'
        ? item.status === 'incomplete' || item.status === 'failed'
        : request
          ? (outcomeOf(request, item)?.failed ?? false)
          : (outcomeOf(item, described.tool?.side === 'output' ? item : undefined)?.failed ?? false);
    const classes = `row role-${described.role}${failed ? ' failed' : ''}`;
    // A row's title, as a heading's, shows direction controls as code points.
    const heading = escapeHtml(revealBidi(described.heading));
    if (!described.collapsed) return { html: `<article class="${classes}"${anchor(item)}><h3>${heading}</h3>${blocksHtml(described.blocks)}</article>\n`, failed };
    const line = itemSummaryLine(item);
    const name = described.tool ? `<span class="name">${escapeHtml(revealBidi(described.tool.name))}</span>` : `<h3>${heading}</h3>`;
    return {
      html: `<details class="${classes}"${anchor(item)}${failed ? ' open' : ''}><summary>${name} <span class="args">${escapeHtml(revealBidi(line))}</span></summary>${blocksHtml(described.blocks)}</details>\n`,
      failed,
    };
  }

  function write(row: Row): string {
    const { item, described } = row;
    const ready = rowsInChunk >= CHUNK_ROWS ? startChunk() : '';
    rowsInChunk += 1;
    const turn = described.turn === null ? '' : `<h2 class="turn-heading" id="${ownAnchor(`turn-${described.turn}`)}">Turn ${described.turn}</h2>\n`;
    const paired = described.tool?.side === 'call' && row.output !== undefined;
    const { html, failed } = paired || (described.tool?.side === 'call' && described.tool.key) ? toolRow(row) : plainRow(item, described);
    if (failed) tally.fail(item.id ?? null, described.heading);
    lastId = item.id ?? lastId;
    current += turn + html;
    return ready;
  }

  /** Writes the rows that no longer wait, in conversation order. */
  function drain(force: boolean): string {
    let text = '';
    const ready = () => first < queue.length && (force || !queue[first].waiting || queuedChars > MAX_WAITING_CHARS);
    while (ready()) {
      const row = queue[first];
      first += 1;
      queuedChars -= row.chars;
      if (row.waiter) row.waiter.row = null;
      text += write(row);
    }
    // Written rows are let go once they are most of the list: each row is copied at most once on average.
    if (first > 1024 && first * 2 > queue.length) {
      queue = queue.slice(first);
      first = 0;
    }
    return text;
  }

  return {
    begin: () =>
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
      `<meta http-equiv="Content-Security-Policy" content="${CSP}"><meta name="referrer" content="no-referrer">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${HTML_STYLE}</style></head>\n` +
      `<body><header><h1>${title}</h1><dl>${headerFacts(meta).map(factHtml).join('')}</dl>` +
      `<a class="jump" href="#${ownAnchor('end')}">Go to the last item ↓</a></header>\n<main>\n`,
    item(item: ExportItem): string {
      const described = describe(item);
      if (item.type === 'mcp_approval_request' && described.tool?.key) approvalRequests.set(described.tool.key, item);
      const tool = described.tool;
      // An output whose call's row is still to be written goes into it; one whose call is not there, or was written
      // long before, has a row of its own and counts as one.
      const call = tool?.side === 'output' && tool.folds && tool.key ? calls.answer(tool.key)?.row : null;
      tally.add(item, characters(described.blocks), Boolean(call));
      if (call) {
        call.output = { item, described };
        call.waiting = false;
        const chars = heldChars(described.blocks);
        call.chars += chars;
        queuedChars += chars;
        return drain(false);
      }
      const waiting = tool?.side === 'call' && tool.key !== null && item.type !== 'mcp_approval_request';
      const row: Row = { item, described, waiting, chars: heldChars(described.blocks) };
      queuedChars += row.chars;
      if (waiting) {
        row.waiter = { row };
        calls.call(tool!.key!, row.waiter);
      }
      queue.push(row);
      return drain(false);
    },
    end: () => {
      const rest = drain(true);
      const last = [...held.splice(0), ...(current === null ? [] : [current])].map((chunk) => `<div class="chunk last">\n${chunk}</div>\n`).join('');
      return `${rest}${last}<p id="${ownAnchor('end')}" class="note">End of the conversation${lastId ? ` (last item ${escapeHtml(lastId)})` : ''}.</p></main>\n${summaryHtml(tally, meta.snapshot?.original?.failures)}<script>${ISLAND_SCRIPT}</script></body></html>\n`;
    },
  };
}

/** Written last, as only then are the counts known; the stylesheet shows it above the items. */
function summaryHtml(tally: RunTally, originalFailures: number | undefined): string {
  const { byKind, byName } = tally.counts;
  const roles = byCount(byName.messages);
  const tools = byCount(byName.tools);
  const rows: [string, string][] = [
    ['Messages', `${formatCount(byKind.messages)}${roles.length ? ` (${roles.map(([role, count]) => `${formatCount(count)} ${escapeHtml(revealBidi(role))}`).join(', ')})` : ''}`],
    ['Turns', formatCount(tally.turns)],
  ];
  if (tools.length) {
    const named = tools.slice(0, 12).map(([name, count]) => `${escapeHtml(revealBidi(name))} ${formatCount(count)}`).join(', ');
    rows.push(['Tools', `${formatCount(byKind.tools)}: ${named}${tools.length > 12 ? `, and ${plural(tools.length - 12, 'other tool')}` : ''}`]);
  }
  // Reasoning and other items by name, as the viewer's summary shows them.
  const named = (kind: 'reasoning' | 'other') => escapeHtml(revealBidi(breakdown(byKind[kind], byCount(byName[kind]))));
  if (byKind.reasoning) rows.push(['Reasoning', named('reasoning')]);
  if (byKind.other) rows.push(['Other', named('other')]);
  rows.push([
    'Size',
    tally.tokenized
      ? `≈ ${plural(tally.tokens, 'token')} <span class="note" title="${TOKENIZER_NOTE}">(estimate)</span>`
      : `≈ ${plural(tally.tokens, 'token')} <span class="note">(estimate: characters ÷ 4)</span>`,
  ]);
  const links = tally.failures.map(({ id, label }) => (id ? `<a href="#${escapeHtml(itemAnchor(id))}">${escapeHtml(revealBidi(label))}</a>` : escapeHtml(revealBidi(label)))).join(', ');
  const more = tally.failureCount > tally.failures.length ? `, and ${formatCount(tally.failureCount - tally.failures.length)} more` : '';
  // A snapshot whose rules hid its failures (they are in the outputs it left out) says how many the original run had.
  rows.push(['Failures', tally.failureCount ? `<span class="bad">${plural(tally.failureCount, 'failed or incomplete item')}</span>: ${links}${more}` : failuresNoneText(originalFailures)]);
  return `<aside aria-label="Run summary"><div class="summary"><h2>Run summary</h2><dl>${rows.map(([label, value]) => `<dt>${label}</dt><dd>${value}</dd>`).join('')}</dl></div></aside>\n`;
}
