import { lazyChunk } from '../../../../lib/lazy-chunk';

/** The Markdown view and its pipeline's client, fetched with the first text near the screen that needs them. */
export const markdownChunk = lazyChunk(() => import('./markdown-view').then((module) => module.MarkdownView));
