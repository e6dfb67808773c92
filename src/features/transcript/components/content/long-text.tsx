import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type RefObject } from 'react';
import { foldWithOffsets, originalSpan, type FoldedText } from '../../../../lib/search-fold';
import { useCurrentMatchNeedle, useSearchNeedle } from '../../search/search-query-context';
import { withDownloads } from '../../../../lib/with-downloads';
import { guessedLines, REVEAL_LIMIT, textBlocks } from '../../lib/text-blocks';
import { formatCount } from '../../../../shared/format';
import { revealBidi } from '../../../../shared/markdown/link-spoofing';

/** Past this many characters a text is collapsed behind Show more. */
const COLLAPSE_AT = 4_000;
const COLLAPSE_LINES = 40;
/** Past this many characters a text also offers a download. */
const DOWNLOAD_AT = 100_000;
/**
 * How much each Show more adds. Laying out megabytes at once freezes the tab, so the step is measured, not
 * guessed: each reveal times its way to the next frame, and the next step is sized to fit a frame's budget on this
 * device, between the bounds below. Shared by every long text on the page.
 */
const FRAME_BUDGET_MS = 12;
const MIN_STEP = 5_000;
const MAX_STEP = 200_000;
let step = 50_000;

/** The next step after `revealed` characters took `elapsed` milliseconds to reach the screen. */
export function nextStep(current: number, revealed: number, elapsed: number): number {
  if (revealed <= 0 || elapsed <= 0) return current;
  const perMs = revealed / elapsed;
  return Math.round(Math.min(MAX_STEP, Math.max(MIN_STEP, perMs * FRAME_BUDGET_MS)) / 1000) * 1000;
}

/** Times one reveal to the next frame and sizes the following ones by it; returns a cancel, for an unmount. */
function measureReveal(revealed: number, learned: (next: number) => void): () => void {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    // The frame after this one has painted what the reveal added.
    timer = setTimeout(() => {
      step = nextStep(step, revealed, performance.now() - started);
      learned(step);
    }, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

interface LongTextProps {
  text: string;
  /** `code` keeps the text in a scrollable monospace block; `prose` shows direction controls as code points, so the text cannot read backwards. */
  variant?: 'prose' | 'code';
  label?: string;
  filename?: string;
  /** Opened only by the current match, not by every match: one of many long strings in a JSON box. */
  currentMatchOnly?: boolean;
}

function collapsedLength(text: string): number | null {
  let lines = 0;
  for (let index = 0; index < Math.min(text.length, COLLAPSE_AT); index += 1) {
    if (text.charCodeAt(index) === 10 && ++lines >= COLLAPSE_LINES) return index;
  }
  return text.length > COLLAPSE_AT ? COLLAPSE_AT : null;
}


/** The folded start of the last few long texts searched (a JSON box may hold several): each key typed folds none again. */
const foldedStarts = new Map<string, FoldedText>();

/** The part of a text a match may open, folded; a folded character may stand for several of the text's. */
function foldedStart(text: string): FoldedText {
  let folded = foldedStarts.get(text);
  if (!folded) {
    folded = foldWithOffsets(text.slice(0, REVEAL_LIMIT + 256));
    if (foldedStarts.size >= 8) foldedStarts.delete(foldedStarts.keys().next().value!);
  }
  // Kept as the most recent.
  foldedStarts.delete(text);
  foldedStarts.set(text, folded);
  return folded;
}

/** How far a text must show for the first match of `needle` after `shown` to be visible, or null. */
export function revealLength(text: string, shown: number, needle: string): number | null {
  if (!needle || shown >= text.length) return null;
  const part = foldedStart(text);
  for (let at = part.text.indexOf(needle); at !== -1; at = part.text.indexOf(needle, at + 1)) {
    const [start, end] = originalSpan(part, at, needle.length);
    if (start > REVEAL_LIMIT) return null;
    if (end > shown) return Math.min(text.length, end + 200);
  }
  return null;
}

/**
 * Copies a selection within a text of several blocks as the text has it. The browser's own copy ends every block
 * with a line break, so a long line copied across a block's end would gain line breaks it never had.
 */
export function copyAsWritten(event: ClipboardEvent<HTMLElement>) {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
  const ranges = Array.from({ length: selection.rangeCount }, (_, index) => selection.getRangeAt(index));
  // A selection that runs out of the text is the browser's to copy.
  if (!ranges.every((range) => event.currentTarget.contains(range.commonAncestorContainer))) return;
  event.clipboardData.setData('text/plain', ranges.map((range) => range.toString()).join(''));
  event.preventDefault();
}

/** The text without one line break at its end. */
export function withoutFinalBreak(text: string): string {
  return text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
}

const buttonClass =
  'rounded-md border border-zinc-300 px-2 py-0.5 font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800';

/**
 * Any text from a conversation, kept usable at any size: collapsed when long, shown a step at a time in blocks
 * that the browser lays out separately (and skips while off screen), downloadable when very long.
 */
export function LongText({ text: written, variant = 'prose', label, filename = 'text.txt', currentMatchOnly = false }: LongTextProps) {
  // Direction controls show as code points, in code as in prose: a line never reads differently from what it is. The
  // download keeps the text as written. Output's line break at its very end is the end of its last line, not an
  // empty line after it: a pre would show one for the second of two.
  const text = useMemo(() => revealBidi(variant === 'prose' ? written : withoutFinalBreak(written)), [written, variant]);
  const cut = collapsedLength(text);
  const [shownLength, setShownLength] = useState<number | null>(null);
  const [stepNow, setStepNow] = useState(step);
  const cancelMeasure = useRef<(() => void) | null>(null);
  useEffect(() => () => cancelMeasure.current?.(), []);
  const anyMatch = useSearchNeedle();
  const currentMatch = useCurrentMatchNeedle();
  const needle = currentMatchOnly ? currentMatch : anyMatch;
  const chosen = cut === null ? text.length : (shownLength ?? cut);
  // Show less is obeyed while the search that opened the text stays the same; a new search opens it again.
  const [lessFor, setLessFor] = useState<string | null>(null);
  // A search match hidden behind Show more opens the text that far, so stepping to a match never lands on nothing.
  const reveal = useMemo(() => (lessFor === needle ? null : revealLength(text, chosen, needle)), [text, chosen, needle, lessFor]);
  const shown = reveal ?? chosen;
  const rest = text.length - shown;
  const className =
    variant === 'code'
      ? 'max-h-[32rem] overflow-auto whitespace-pre-wrap break-words [overflow-wrap:anywhere] rounded-lg bg-zinc-100 p-3 font-mono text-xs leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200'
      : 'whitespace-pre-wrap break-words [overflow-wrap:anywhere]';
  const blocks = useMemo(() => {
    const parts = textBlocks(text, shown);
    // One block is laid out whole. Of several, the browser lays out only those near the screen, and holds each
    // other's place with a height guessed from its lines: a wrong guess would move the text when it comes into view.
    if (parts.length === 1) return parts[0];
    return parts.map((block, index) => (
      <span key={index} className="block [content-visibility:auto]" style={{ containIntrinsicSize: `auto ${guessedLines(block)}lh` }}>
        {block}
      </span>
    ));
  }, [text, shown]);
  const ellipsis = rest > 0 ? '…' : null;
  const onCopy = typeof blocks === 'string' ? undefined : copyAsWritten;
  // The button pressed can go (Show less once collapsed, Show more at the end): the focus moves to the other one.
  const moreRef = useRef<HTMLButtonElement>(null);
  const lessRef = useRef<HTMLButtonElement>(null);
  const pressed = useRef<'more' | 'less' | null>(null);
  // Show more can push its own button far below the screen: the focus then moves to the text, where the reader is,
  // without scrolling (Tab reaches the button again).
  const textRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (pressed.current === null) return;
    const active = document.activeElement;
    const lost = active === null || active === document.body || !active.isConnected;
    if (lost) (pressed.current === 'more' ? lessRef : moreRef).current?.focus();
    else if (pressed.current === 'more' && active === moreRef.current && active.getBoundingClientRect().top > window.innerHeight) textRef.current?.focus({ preventScroll: true });
    pressed.current = null;
  });
  return (
    <div>
      {variant === 'code' ? (
        <pre ref={textRef as RefObject<HTMLPreElement>} tabIndex={-1} aria-label={label} onCopy={onCopy} className={`${className} rounded-sm focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-500`}>
          {blocks}
          {ellipsis}
        </pre>
      ) : (
        <div ref={textRef as RefObject<HTMLDivElement>} tabIndex={-1} aria-label={label} onCopy={onCopy} className={`${className} rounded-sm focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-500`}>
          {blocks}
          {ellipsis}
        </div>
      )}
      {cut !== null ? (
        <div className="mt-1.5 flex flex-wrap items-center gap-2 text-xs">
          {rest > 0 ? (
            <button
              type="button"
              ref={moreRef}
              onClick={() => {
                // On from what shows, a search's opening included.
                const next = Math.min(text.length, (reveal !== null ? shown : (shownLength ?? 0)) + stepNow);
                cancelMeasure.current?.();
                cancelMeasure.current = measureReveal(next - shown, setStepNow);
                setShownLength(next);
                pressed.current = 'more';
              }}
              className={buttonClass}
            >
              {/* Opened by a search, it is already past its cut: it says what is left, as after a Show more. */}
              {shownLength === null && reveal === null
                ? `Show more (${formatCount(text.length)} characters)`
                : `Show ${formatCount(Math.min(rest, stepNow))} more characters (${formatCount(rest)} not shown)`}
            </button>
          ) : null}
          {shownLength !== null || reveal !== null ? (
            <button
              ref={lessRef}
              type="button"
              onClick={() => {
                setShownLength(null);
                setLessFor(needle);
                pressed.current = 'less';
              }}
              className={buttonClass}
            >
              Show less
            </button>
          ) : null}
          {text.length > DOWNLOAD_AT ? (
            <button type="button" onClick={() => void withDownloads(({ downloadText }) => downloadText(written, filename))} className={buttonClass}>
              Download
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
