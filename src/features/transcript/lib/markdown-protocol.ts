import type { Citation } from './citations';
import type { MarkdownTree } from './markdown-tree';

/** To the Markdown worker: render a text, or forget one not rendered yet (its row has gone). */
export type ToMarkdownWorker = { type: 'render'; id: number; text: string; citations: readonly Citation[] } | { type: 'cancel'; id: number };

/** From the Markdown worker: a rendered tree, why there is none, or that a cancelled text was skipped. */
export type FromMarkdownWorker = { id: number; tree: MarkdownTree } | { id: number; error: string } | { id: number; dropped: true };
