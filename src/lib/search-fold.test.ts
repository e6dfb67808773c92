import { describe, expect, it } from 'vitest';
import { foldForSearch, foldWithOffsets, originalSpan } from './search-fold';

const find = (haystack: string, needle: string) => foldForSearch(haystack).includes(foldForSearch(needle));

describe('foldForSearch', () => {
  it('finds a word whatever its case, accents or compatibility form', () => {
    expect(find('Meet at Café Zürich', 'cafe zurich')).toBe(true);
    expect(find('ZÜRICH', 'zürich')).toBe(true);
    expect(find('Die Straße', 'strasse')).toBe(true);
    expect(find('STRAẞE', 'straße')).toBe(true);
    expect(find('the ﬁle', 'file')).toBe(true);
    expect(find('ＡＢＣ', 'abc')).toBe(true);
    expect(find('İstanbul', 'istanbul')).toBe(true);
    expect(find('ΟΔΟΣ', 'οδος')).toBe(true);
  });

  it('takes a composed and a decomposed accent as the same letter', () => {
    expect(find('cafe\u0301', 'café')).toBe(true);
    expect(find('café', 'cafe\u0301')).toBe(true);
  });

  it('takes a Korean syllable written whole and in parts (as macOS writes file names) as the same', () => {
    expect(find('한국어'.normalize('NFD'), '한국')).toBe(true);
    expect(find('한국어', '한국'.normalize('NFD'))).toBe(true);
  });

  it('keeps a spacing accent as itself, not the space it decomposes to', () => {
    for (const accent of ['´', '¨', '¸', '˜']) expect(foldForSearch(accent)).toBe(accent);
    expect(find('a plain sentence', '´')).toBe(false);
  });

  it('folds a hostile run of marks in linear time, the letter before it still found', () => {
    const zalgo = `a${'\u0301\u0323'.repeat(100_000)} needle`;
    // Unbounded, the fold of this took tens of seconds (and the test's timeout ends it).
    const folded = foldForSearch(zalgo);
    expect(folded.startsWith('a')).toBe(true);
    expect(folded.endsWith(' needle')).toBe(true);
    expect(foldWithOffsets(zalgo).text).toBe(folded);
  });

  it('keeps the marks that tell words of other scripts apart', () => {
    expect(find('か', 'が')).toBe(false);
    expect(find('한국어', '하')).toBe(false);
    expect(find('한국어', '한국')).toBe(true);
    expect(find('नमस्ते', 'नमस्ते')).toBe(true);
  });

  it('reads any run of white space as one space, as a page shows it', () => {
    expect(foldForSearch('Line one\nline  two,\ttab here')).toBe('line one line two, tab here');
    expect(foldForSearch('Grüße\r\n  aus\u00a0der\u3000Straße')).toBe('grusse aus der strasse');
    // A plain space alone is left as it is; a blank line ends a paragraph, and stays a line break.
    expect(foldForSearch('a b c')).toBe('a b c');
    expect(foldForSearch('One.\n\nTwo  \n \n three')).toBe('one.\ntwo\nthree');
    expect(foldForSearch('Eins.\n\nZwei, Straße')).toBe('eins.\nzwei, strasse');
  });

  it('leaves ASCII as lower case, character for character', () => {
    expect(foldForSearch('Hello WORLD {"a": 1}')).toBe('hello world {"a": 1}');
  });
});

describe('foldWithOffsets', () => {
  it('folds as foldForSearch does', () => {
    for (const text of ['plain ascii', 'Grüße aus der Straße', 'e\u0301\u0323 ﬁ ＡＢＣ', '😀 émoji ΣΑΣ', '한국 が', 'İİİ word']) {
      expect(foldWithOffsets(text).text).toBe(foldForSearch(text));
    }
  });

  it('maps a match in the folded text back to whole characters of the original', () => {
    const text = 'Grüße aus der Straße, café';
    const folded = foldWithOffsets(text);
    const span = (needle: string) => {
      const [start, end] = originalSpan(folded, folded.text.indexOf(needle), needle.length);
      return text.slice(start, end);
    };
    expect(span('strasse')).toBe('Straße');
    expect(span('grusse')).toBe('Grüße');
    expect(span('cafe')).toBe('café');
    // Half of the "ss" that "ß" became is the whole "ß".
    expect(span('se,')).toBe('ße,');
  });

  it('maps a match inside a run of ASCII to its own characters, not the whole run', () => {
    const text = 'Meet at the café, then the Straße.';
    const folded = foldWithOffsets(text);
    const spans = [...folded.text.matchAll(/the/g)].map((match) => text.slice(...originalSpan(folded, match.index, 3)));
    expect(spans).toEqual(['the', 'the', 'the']);
  });

  it('keeps positions when a letter lowers to two code units', () => {
    const text = 'İİİİİİİİİİ then target word';
    const folded = foldWithOffsets(text);
    const [start, end] = originalSpan(folded, folded.text.indexOf('word'), 4);
    expect(text.slice(start, end)).toBe('word');
  });

  it('maps a match across a line break back onto the break and the words around it', () => {
    for (const text of ['Line one\n  line two', 'Zeile eins\nzweite Zeile, Straße']) {
      const folded = foldWithOffsets(text);
      expect(folded.text).toBe(foldForSearch(text));
      const needle = folded.text.includes('one line') ? 'one line' : 'eins zweite';
      const [start, end] = originalSpan(folded, folded.text.indexOf(needle), needle.length);
      expect(text.slice(start, end)).toBe(needle === 'one line' ? 'one\n  line' : 'eins\nzweite');
    }
  });

  it('leaves ASCII without a map', () => {
    expect(foldWithOffsets('ABC')).toEqual({ text: 'abc', starts: null, ends: null });
    expect(originalSpan(foldWithOffsets('xABCx'), 1, 3)).toEqual([1, 4]);
  });
});
