/**
 * Text as search compares it, as a browser's find in page does: case and accents aside, compatibility forms taken
 * as their plain letters. `cafe` finds "Café", `zurich` "ZÜRICH", `strasse` "Straße", `fi` the ligature "ﬁ", `abc`
 * the full-width "ＡＢＣ", and a composed "é" finds a decomposed one (e + U+0301), as a Korean syllable written whole
 * finds one written in parts.
 *
 * Only the accents of Latin, Greek and Cyrillic letters (the Combining Diacritical Marks block) are dropped: the
 * marks of other scripts (a Japanese voicing mark, a Devanagari vowel sign) tell words apart and stay. A spacing
 * accent on its own ("´", "¨") stays itself, not the space it decomposes to.
 *
 * Any run of white space (a line break, tabs, several spaces) is one space, as a page shows it: "line one line two"
 * finds a paragraph hard-wrapped after "one", as a browser's find does. A run that holds a blank line is a line break:
 * it ends a paragraph, and a search (one line, from a search box) does not run on into the next one.
 */

const ACCENTS = /[\u0300-\u036f]/g;
/** A character that may fold to something else; plain ASCII only changes case. */
const NOT_ASCII = /[\u0080-\uffff]/;
const MARK = /\p{M}/u;
/** What belongs with the letter before it: combining marks, and the vowel and final of a Korean syllable in parts. */
const JOIN = /[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]/u;
/**
 * At most this many marks go with a letter, Unicode's "stream-safe" bound: normalising a longer run costs the square of
 * its length, and a hostile text of marks would hold the page. More go in units of their own.
 */
const MAX_JOINED = 30;

/** White space a search reads as one space: a run of it, or one character of it that is not a plain space. */
const SPACE_TO_FOLD = /\s{2,}|[^\S ]/;
const SPACES_TO_FOLD = /\s{2,}|[^\S ]/g;
const ONE_SPACE = /\s/;
/** Two line breaks in one run of white space: a blank line, the end of a paragraph. */
const BLANK_LINE = /\n[^\n]*\n/;
/** What a run of white space folds to. */
const foldSpace = (run: string) => (BLANK_LINE.test(run) ? '\n' : ' ');

/** Whether the code unit at `at` is white space (ASCII's, or Unicode's: no-break, ideographic and other spaces). */
function isSpace(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff) && ONE_SPACE.test(text[at]);
}

/**
 * Per BMP code unit, learnt on first sight: 1 known, 2 a mark, 4 joins the letter before it, 8 a letter that folds to
 * itself in lower case (most of the world's text: CJK, Cyrillic in lower case, dashes and quotes).
 */
const KINDS = new Uint8Array(0x10000);

function kindOf(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdfff) {
    let kind = KINDS[code];
    if (kind === 0) {
      const char = text[at];
      kind = 1 | (MARK.test(char) ? 2 : 0) | (JOIN.test(char) ? 4 : 0);
      // Not "Σ": lowered in a run it may become a final "ς", which search takes as "σ".
      if (code >= 0x80 && code !== 0x3a3 && !(kind & 6) && char.toLowerCase().length === 1 && foldSlow(char) === char.toLowerCase()) kind |= 8;
      KINDS[code] = kind;
    }
    return kind;
  }
  // Astral characters (surrogate pairs) are rare enough to ask each time.
  const char = String.fromCodePoint(text.codePointAt(at) ?? code);
  return 1 | (MARK.test(char) ? 2 : 0) | (JOIN.test(char) ? 4 : 0);
}

/** The length in code units of the code point at `at`. */
function pointLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/**
 * Walks the text in the units it is folded in: a run of ASCII and letters that fold to their lower case (less its last
 * letter when marks follow it), a letter with up to 30 marks that join it, or up to 30 marks with no letter. Calls
 * `unit(start, end, plain)` for each; a plain run is folded by lowering it.
 */
function eachUnit(text: string, unit: (start: number, end: number, plain: boolean | 'space') => void) {
  const length = text.length;
  let at = 0;
  /** A plain space alone stays in its run; any other white space, or a run of it, is a unit that folds to one space. */
  const spaceUnit = (from: number) => {
    if (!isSpace(text, from)) return 0;
    let end = from + 1;
    while (end < length && isSpace(text, end)) end += 1;
    return end - from > 1 || text.charCodeAt(from) !== 0x20 ? end : 0;
  };
  while (at < length) {
    const spaceEnd = spaceUnit(at);
    if (spaceEnd > 0) {
      unit(at, spaceEnd, 'space');
      at = spaceEnd;
      continue;
    }
    // A run of characters that fold to themselves in lower case is lowered whole, and keeps its length.
    if (text.charCodeAt(at) < 0x80 || kindOf(text, at) & 8) {
      let end = at + 1;
      while (end < length && (text.charCodeAt(end) < 0x80 || kindOf(text, end) & 8) && spaceUnit(end) === 0) end += 1;
      // The last letter of the run goes with the marks after it.
      if (end < length && kindOf(text, end) & 4) end -= 1;
      if (end > at) {
        unit(at, end, true);
        at = end;
        continue;
      }
    }
    const first = kindOf(text, at);
    let end = at + pointLength(text, at);
    // A letter takes the marks (and jamo) that join it; marks with no letter go together.
    const joins = first & 2 ? 2 : 4;
    for (let joined = first & 2 ? 1 : 0; joined < MAX_JOINED && end < length && kindOf(text, end) & joins; joined += 1) end += pointLength(text, end);
    unit(at, end, false);
    at = end;
  }
}

/** Folds of single characters by code unit, and of longer units (a letter and its marks, an emoji) up to a bound. */
const SINGLE = new Array<string | undefined>(0x10000);
const LONGER = new Map<string, string>();
const LONGER_LIMIT = 8_192;

function foldSlow(unit: string): string {
  const folded = unit
    .normalize('NFKD')
    .replace(ACCENTS, '')
    // Composed again: a Korean syllable or a voiced kana stays one character, so "하" does not find "한".
    .normalize('NFC')
    .toLowerCase()
    // What full case folding does beyond lower case: "ß" (and "ẞ", lowered to it) is "ss", and a final sigma is a sigma.
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ');
  // A spacing accent ("´" is a space and a combining accent) would otherwise match every space. (Combining marks
  // with no letter before them fold to nothing, as they do after one.)
  return folded.trim() === '' && unit.trim() !== '' && !MARK.test(unit) ? unit.normalize('NFC').toLowerCase() : folded;
}

function foldUnit(unit: string): string {
  if (unit.length === 1) return (SINGLE[unit.charCodeAt(0)] ??= foldSlow(unit));
  let folded = LONGER.get(unit);
  if (folded === undefined) {
    folded = foldSlow(unit);
    if (LONGER.size >= LONGER_LIMIT) LONGER.clear();
    LONGER.set(unit, folded);
  }
  return folded;
}

/** `text` as search compares it. A needle and a haystack folded alike match where a reader would say they do. */
export function foldForSearch(text: string): string {
  if (!NOT_ASCII.test(text)) return text.toLowerCase().replace(SPACES_TO_FOLD, foldSpace);
  const pieces: string[] = [];
  eachUnit(text, (start, end, run) => pieces.push(run === 'space' ? foldSpace(text.slice(start, end)) : run ? text.slice(start, end).toLowerCase() : foldUnit(text.slice(start, end))));
  return pieces.join('');
}

/** Folded text, and for each of its code units where in the original text the character it came from starts and ends. */
export interface FoldedText {
  text: string;
  /** Null when every position is the same in both (the text was ASCII). */
  starts: Uint32Array | null;
  ends: Uint32Array | null;
}

export function foldWithOffsets(text: string): FoldedText {
  if (!NOT_ASCII.test(text) && !SPACE_TO_FOLD.test(text)) return { text: text.toLowerCase(), starts: null, ends: null };
  // One pass folds and notes each unit; the maps are filled once the folded length is known.
  const pieces: string[] = [];
  const unitStarts: number[] = [];
  /** For each unit, whether it is a plain run: its characters then map one to one. */
  const plain: boolean[] = [];
  eachUnit(text, (start, end, run) => {
    pieces.push(run === 'space' ? foldSpace(text.slice(start, end)) : run ? text.slice(start, end).toLowerCase() : foldUnit(text.slice(start, end)));
    unitStarts.push(start);
    plain.push(run === true);
  });
  const folded = pieces.join('');
  const starts = new Uint32Array(folded.length);
  const ends = new Uint32Array(folded.length);
  let at = 0;
  for (let unit = 0; unit < pieces.length; unit += 1) {
    const piece = pieces[unit];
    const start = unitStarts[unit];
    const end = unit + 1 < pieces.length ? unitStarts[unit + 1] : text.length;
    // A plain run keeps its length: each character maps to itself, not to the whole run.
    for (let i = 0; i < piece.length; i += 1, at += 1) {
      starts[at] = plain[unit] ? start + i : start;
      ends[at] = plain[unit] ? start + i + 1 : end;
    }
  }
  return { text: folded, starts, ends };
}

/** Where the folded match `[from, from + length)` lies in the original text: whole characters, never half of one. */
export function originalSpan(folded: FoldedText, from: number, length: number): [start: number, end: number] {
  if (!folded.starts || !folded.ends) return [from, from + length];
  return [folded.starts[from], folded.ends[from + Math.max(1, length) - 1]];
}
