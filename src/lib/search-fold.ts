/**
 * Text as search compares it, as a browser's find in page does: case and accents aside, compatibility forms taken
 * as their plain letters. `cafe` finds "Café", `zurich` "ZÜRICH", `strasse` "Straße", `fi` the ligature "ﬁ", `abc`
 * the full-width "ＡＢＣ", and a composed "é" finds a decomposed one (e + U+0301).
 *
 * Only the accents of Latin, Greek and Cyrillic letters (the Combining Diacritical Marks block) are dropped: the
 * marks of other scripts (a Japanese voicing mark, a Devanagari vowel sign) tell words apart and stay.
 */

const ACCENTS = /[\u0300-\u036f]/g;
/** A character that may fold to something else; plain ASCII only changes case. */
const NOT_ASCII = /[\u0080-\uffff]/;
/** A letter with the marks that follow it, folded as one: how its marks are ordered or composed does not matter. */
const UNIT = /\P{M}\p{M}*|\p{M}+/gsu;

const cache = new Map<string, string>();
const CACHE_LIMIT = 4_096;

function foldUnit(unit: string): string {
  if (unit.length === 1 && unit.charCodeAt(0) < 0x80) return unit.toLowerCase();
  let folded = cache.get(unit);
  if (folded === undefined) {
    folded = unit
      .normalize('NFKD')
      .replace(ACCENTS, '')
      // Composed again: a Korean syllable or a voiced kana stays one character, so "하" does not find "한".
      .normalize('NFC')
      .toLowerCase()
      // What full case folding does beyond lower case: "ß" (and "ẞ", lowered to it) is "ss", and a final sigma is a sigma.
      .replace(/ß/g, 'ss')
      .replace(/ς/g, 'σ');
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(unit, folded);
  }
  return folded;
}

/** `text` as search compares it. A needle and a haystack folded alike match where a reader would say they do. */
export function foldForSearch(text: string): string {
  return NOT_ASCII.test(text) ? text.replace(UNIT, foldUnit) : text.toLowerCase();
}

/** Folded text, and for each of its code units where in the original text the character it came from starts and ends. */
export interface FoldedText {
  text: string;
  /** Null when every position is the same in both (the text was ASCII). */
  starts: Uint32Array | null;
  ends: Uint32Array | null;
}

export function foldWithOffsets(text: string): FoldedText {
  if (!NOT_ASCII.test(text)) return { text: text.toLowerCase(), starts: null, ends: null };
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(UNIT)) {
    const unit = foldUnit(match[0]);
    const start = match.index;
    const end = start + match[0].length;
    folded += unit;
    for (let i = 0; i < unit.length; i += 1) {
      starts.push(start);
      ends.push(end);
    }
  }
  return { text: folded, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** Where the folded match `[from, from + length)` lies in the original text: whole characters, never half of one. */
export function originalSpan(folded: FoldedText, from: number, length: number): [start: number, end: number] {
  if (!folded.starts || !folded.ends) return [from, from + length];
  return [folded.starts[from], folded.ends[from + length - 1]];
}
