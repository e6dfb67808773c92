import type { ConversationItem } from '../types';

/**
 * The stream lines a page of items was parsed from, kept beside the page until the text index takes them: the
 * worker is sent the text (one string copy) and parses it itself, instead of a structured clone of every item,
 * which costs the page's thread about as much as parsing them did. Each line is JSON with the page's next `items`.
 */
export interface PageLine {
  text: string;
  /** How many items the line holds. */
  count: number;
}

const linesByPage = new WeakMap<readonly ConversationItem[], readonly PageLine[]>();

export function keepPageLines(page: readonly ConversationItem[], lines: readonly PageLine[]): void {
  if (page.length > 0 && lines.length > 0) linesByPage.set(page, lines);
}

/** The page's lines, once: they are let go as they are taken, so a loaded run does not hold its text twice. */
export function takePageLines(page: readonly ConversationItem[]): readonly PageLine[] | undefined {
  const lines = linesByPage.get(page);
  linesByPage.delete(page);
  return lines;
}

export function hasPageLines(page: readonly ConversationItem[]): boolean {
  return linesByPage.has(page);
}

/** The items of lines kept by `keepPageLines`, in order. */
export function itemsOfLines(lines: readonly string[]): ConversationItem[] {
  const items: ConversationItem[] = [];
  for (const line of lines) for (const item of (JSON.parse(line) as { items: ConversationItem[] }).items) items.push(item);
  return items;
}
