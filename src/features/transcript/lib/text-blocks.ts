/** The most characters one block holds; a browser lays out and wraps each block on its own. */
export const BLOCK_CHARS = 5_000;
/** A search match past a long text's cut opens the text up to it, unless that would mean laying out this much. */
export const REVEAL_LIMIT = 200_000;

/** How far back from a block's end a cut looks for a space, where the block has no line break. */
const WORD_LOOKBACK = 200;

/**
 * The first `length` characters of `text` in blocks of at most BLOCK_CHARS, cut after a line break where the
 * block has one, so that ordinary text wraps as it would whole; else after a space near the block's end, so that no
 * word is split across two lines; text without either is simply cut.
 */
export function textBlocks(text: string, length: number): string[] {
  const end = Math.min(length, text.length);
  const blocks: string[] = [];
  let start = 0;
  while (start < end) {
    let stop = Math.min(end, start + BLOCK_CHARS);
    if (stop < end) {
      // Look back for a line break within this block only: from the start of the text, an unbroken megabyte would
      // be scanned again for every block.
      let newline = stop - 1;
      while (newline > start && text.charCodeAt(newline) !== 10) newline -= 1;
      if (newline > start) stop = newline + 1;
      else {
        let space = stop - 1;
        const limit = Math.max(start, stop - WORD_LOOKBACK);
        while (space > limit && text.charCodeAt(space) !== 32) space -= 1;
        if (space > limit) stop = space + 1;
      }
    }
    blocks.push(text.slice(start, stop));
    start = stop;
  }
  return blocks;
}

/** About how many characters a line of a message holds at the transcript's width. */
const CHARS_PER_LINE = 90;

/** A guess at how many lines `block` wraps to: each line of it, one line per CHARS_PER_LINE characters or part. */
export function guessedLines(block: string): number {
  let lines = 0;
  let start = 0;
  // A line break that ends the block does not start another line.
  while (start < block.length || start === 0) {
    let end = block.indexOf('\n', start);
    if (end === -1) end = block.length;
    lines += Math.max(1, Math.ceil((end - start) / CHARS_PER_LINE));
    start = end + 1;
  }
  return lines;
}
