import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Processor } from 'unified';

/**
 * GitHub-flavoured Markdown (tables, task lists, strikethrough, autolinks, footnotes) for reading only: remark-gfm
 * without its Markdown writer, which nothing here uses and which would double the size of what parses.
 */
export function remarkGfmSyntax(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfm());
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
}
