import { useChunk, lazyChunk } from '../../../../lib/lazy-chunk';
import { useNearViewport } from '../../lib/use-near-viewport';
// The Markdown view's style sheet comes with the transcript's code, not with the view's: a sheet added once rows are
// shown has the browser work out the style of every element on the page again (about 140 ms here), one added with
// the page's code only that of its frame.
import './markdown-view.css';

/** The Markdown view and its pipeline's client, fetched with the first text near the screen that needs them. */
const markdownChunk = lazyChunk(() => import('./markdown-view').then((module) => module.MarkdownView));

/**
 * The Markdown view for the element `ref` goes on, once that element is near the screen and the view's code is here;
 * null until then, or if the code cannot load (the text then shows as written). `wanted` false never fetches it.
 */
export function useNearMarkdownView(wanted = true) {
  const { ref, near } = useNearViewport<HTMLDivElement>();
  const chunk = useChunk(markdownChunk, wanted && near);
  return { ref, MarkdownView: wanted && near && chunk.status === 'loaded' ? chunk.value : null };
}
