import { safeLinkHref } from '../../../shared/markdown/safe-url';

export interface Citation {
  number: number;
  kind: 'url' | 'file';
  label: string;
  href: string | null;
  /** Where the marker goes in the text. */
  at: number;
}

function clampIndex(value: unknown, length: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(length, Math.floor(value))) : null;
}

/** Reads output_text annotations into numbered citations, each placed at the end of the span it cites. */
export function readCitations(text: string, annotations: unknown): Citation[] {
  if (!Array.isArray(annotations)) return [];
  const citations: Citation[] = [];
  for (const raw of annotations) {
    if (!raw || typeof raw !== 'object') continue;
    const annotation = raw as Record<string, unknown>;
    const number = citations.length + 1;
    if (annotation.type === 'url_citation') {
      const at = clampIndex(annotation.end_index, text.length);
      const href = safeLinkHref(annotation.url);
      const url = typeof annotation.url === 'string' ? annotation.url : '';
      const title = typeof annotation.title === 'string' && annotation.title.trim() ? annotation.title : url;
      citations.push({ number, kind: 'url', label: title.slice(0, 300), href, at: at ?? text.length });
    } else if (typeof annotation.type === 'string' && ['file_citation', 'container_file_citation', 'file_path'].includes(annotation.type)) {
      const at = clampIndex(annotation.index ?? annotation.end_index, text.length);
      const name = [annotation.filename, annotation.file_id].find((value) => typeof value === 'string' && value) as string | undefined;
      citations.push({ number, kind: 'file', label: (name ?? 'file').slice(0, 300), href: null, at: at ?? text.length });
    }
  }
  return citations;
}

export type TextSegment = { text: string } | { citation: Citation };

/** Splits text at the citation markers, in order, so they render right after the span they cite. */
export function segmentText(text: string, citations: readonly Citation[]): TextSegment[] {
  const sorted = [...citations].sort((a, b) => a.at - b.at || a.number - b.number);
  const segments: TextSegment[] = [];
  let position = 0;
  for (const citation of sorted) {
    if (citation.at > position) segments.push({ text: text.slice(position, citation.at) });
    segments.push({ citation });
    position = Math.max(position, citation.at);
  }
  if (position < text.length) segments.push({ text: text.slice(position) });
  return segments;
}

/**
 * Private-use characters that mean nothing to Markdown stand where each citation goes, so that no part of a
 * citation (its URL least of all) is ever parsed as Markdown; the elements replace them after parsing.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d{1,4})\uE001/g;
const MARKER_CHARS = /[\uE000\uE001]/g;

/** The Markdown source with a marker after each cited span; marker characters already in the text are replaced. */
export function markCitations(text: string, citations: readonly Citation[]): string {
  return segmentText(text.replace(MARKER_CHARS, '\uFFFD'), citations)
    .map((segment) => ('text' in segment ? segment.text : `${OPEN}${segment.citation.number}${CLOSE}`))
    .join('');
}

export type MarkedPiece = string | number;

/** Splits text at the markers: strings as they are, citation numbers where a marker was. */
export function splitMarkers(text: string): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  let position = 0;
  for (const match of text.matchAll(MARKER)) {
    if (match.index > position) pieces.push(text.slice(position, match.index));
    pieces.push(Number(match[1]));
    position = match.index + match[0].length;
  }
  if (position < text.length) pieces.push(text.slice(position));
  return pieces;
}

/** Text with the markers taken out, for places where no element can go (code, link text, URLs). */
export function stripMarkers(text: string): string {
  return text.replace(MARKER, '');
}

export const hasMarker = (text: string) => text.includes(OPEN);
