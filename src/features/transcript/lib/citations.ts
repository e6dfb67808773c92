import { safeLinkHref } from './safe-url';

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

/** Markdown with each citation as a `[n]` link (to its URL, or to nothing for files) after the cited span. */
export function citedMarkdown(text: string, citations: readonly Citation[]): string {
  return segmentText(text, citations)
    .map((segment) =>
      'text' in segment
        ? segment.text
        : segment.citation.href
          ? `[\\[${segment.citation.number}\\]](<${segment.citation.href}> "citation")`
          : `\\[${segment.citation.number}\\]`,
    )
    .join('');
}
