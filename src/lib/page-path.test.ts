import { describe, expect, it } from 'vitest';
import { canonicalPagePath, pagePathParam, readsWithoutPassword } from './page-path';

describe("a page's path", () => {
  it('holds its ID after the prefix in any case, as the router matches it; the ID is read as written', () => {
    expect(pagePathParam('/c/conv_Abc', '/c/')).toBe('conv_Abc');
    expect(pagePathParam('/C/conv_Abc', '/c/')).toBe('conv_Abc');
    expect(pagePathParam('/C/conv_Abc/', '/c/')).toBe('conv_Abc');
    expect(pagePathParam('/S/Ab3_xY9-kLm2Np4QrS7t', '/s/')).toBe('Ab3_xY9-kLm2Np4QrS7t');
    expect(pagePathParam('/c/conv_%41', '/c/')).toBe('conv_A');
    expect(pagePathParam('/c/conv_%ZZ', '/c/')).toBe('conv_%ZZ');
  });

  it('leaves out the punctuation a link pasted from a chat ends with, where what is left is an ID', () => {
    expect(pagePathParam('/c/conv_Abc.', '/c/')).toBe('conv_Abc');
    expect(pagePathParam('/c/conv_Abc).', '/c/')).toBe('conv_Abc');
    expect(pagePathParam('/c/conv_Abc%22%3E', '/c/')).toBe('conv_Abc');
    expect(pagePathParam('/S/Ab3_xY9-kLm2Np4QrS7t.', '/s/')).toBe('Ab3_xY9-kLm2Np4QrS7t');
    // Not an ID without it either: read as it came, so the page can say what is wrong with it.
    expect(pagePathParam('/s/not-a-snapshot!!', '/s/')).toBe('not-a-snapshot!!');
    expect(pagePathParam('/c/conv_a!b.', '/c/')).toBe('conv_a!b.');
  });

  it('is another page without one segment after the prefix', () => {
    for (const path of ['/', '/c/', '/c', '/c/a/b', '/s/conv_a', '/compare', '/cc/conv_a']) expect([path, pagePathParam(path, '/c/')]).toEqual([path, null]);
  });

  it('is written as the app writes it', () => {
    expect(canonicalPagePath('/C/conv_Abc')).toBe('/c/conv_Abc');
    expect(canonicalPagePath('/Compare')).toBe('/compare');
    expect(canonicalPagePath('/SNAPSHOTS/')).toBe('/snapshots/');
    expect(canonicalPagePath('/Compared')).toBe('/Compared');
    expect(canonicalPagePath('/S/Ab3_xY9-kLm2Np4QrS7t/')).toBe('/s/Ab3_xY9-kLm2Np4QrS7t');
    expect(canonicalPagePath('/c/conv_Abc.')).toBe('/c/conv_Abc');
    expect(canonicalPagePath('/C/conv_Abc)/')).toBe('/c/conv_Abc');
    expect(canonicalPagePath('/s/Ab3_xY9-kLm2Np4QrS7t.')).toBe('/s/Ab3_xY9-kLm2Np4QrS7t');
    for (const path of ['/c/conv_Abc', '/', '/compare', '/C/a/b', '/C/', '/s/abc.', '/c/conv_%ZZ']) expect(canonicalPagePath(path)).toBe(path);
  });
});

describe('readsWithoutPassword', () => {
  it('is a snapshot page, in any case of its prefix, or a comparison of two snapshots', () => {
    expect(readsWithoutPassword('/s/AAAAAAAAAAAAAAAAAAAAAAAA', '')).toBe(true);
    expect(readsWithoutPassword('/S/AAAAAAAAAAAAAAAAAAAAAAAA', '')).toBe(true);
    expect(readsWithoutPassword('/compare', '?a=s:AAAA&b=s:BBBB')).toBe(true);
    expect(readsWithoutPassword('/Compare/', 'a=s:AAAA&b=s:BBBB')).toBe(true);
  });

  it('is no other page: a comparison with a run of a source, a transcript, the home page', () => {
    expect(readsWithoutPassword('/compare', '?a=s:AAAA&b=conv_1')).toBe(false);
    expect(readsWithoutPassword('/compare', '?a=s:AAAA')).toBe(false);
    expect(readsWithoutPassword('/c/conv_1', '')).toBe(false);
    expect(readsWithoutPassword('/', '')).toBe(false);
    expect(readsWithoutPassword('/snapshots', '')).toBe(false);
  });
});
