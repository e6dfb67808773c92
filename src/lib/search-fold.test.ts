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

  it('keeps the marks that tell words of other scripts apart', () => {
    expect(find('か', 'が')).toBe(false);
    expect(find('한국어', '하')).toBe(false);
    expect(find('한국어', '한국')).toBe(true);
    expect(find('नमस्ते', 'नमस्ते')).toBe(true);
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

  it('keeps positions when a letter lowers to two code units', () => {
    const text = 'İİİİİİİİİİ then target word';
    const folded = foldWithOffsets(text);
    const [start, end] = originalSpan(folded, folded.text.indexOf('word'), 4);
    expect(text.slice(start, end)).toBe('word');
  });

  it('leaves ASCII without a map', () => {
    expect(foldWithOffsets('ABC')).toEqual({ text: 'abc', starts: null, ends: null });
    expect(originalSpan(foldWithOffsets('xABCx'), 1, 3)).toEqual([1, 4]);
  });
});
