import { describe, expect, it } from 'vitest';
import { decodeFileText } from './decode-file';

describe('decodeFileText', () => {
  it('reads UTF-8 with or without its mark, and UTF-16 by its mark', () => {
    expect(decodeFileText(new TextEncoder().encode('{"a":"Café"}'))).toEqual({ ok: true, text: '{"a":"Café"}' });
    expect(decodeFileText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('[]')]))).toEqual({ ok: true, text: '[]' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'[1]'].flatMap((char) => [char.charCodeAt(0), 0])]);
    expect(decodeFileText(utf16)).toEqual({ ok: true, text: '[1]' });
  });

  it('reads UTF-16 saved without its mark, by the zero byte beside the first character', () => {
    const text = '[{"text":"Café"}]';
    const little = new Uint8Array([...text].flatMap((char) => [char.charCodeAt(0), 0]));
    const big = new Uint8Array([...text].flatMap((char) => [0, char.charCodeAt(0)]));
    expect(decodeFileText(little)).toEqual({ ok: true, text });
    expect(decodeFileText(big)).toEqual({ ok: true, text });
  });

  it('refuses a file in another encoding instead of showing its letters as �', () => {
    const latin1 = new Uint8Array([...'"Caf'].map((char) => char.charCodeAt(0)).concat([0xe9, 0x22]));
    expect(decodeFileText(latin1)).toEqual({ ok: false, message: 'This file is not UTF-8 text: save it as UTF-8 and open it again.' });
  });

  it('names a binary file by its first bytes instead of asking to save it as UTF-8', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(decodeFileText(png)).toMatchObject({ ok: false, message: expect.stringMatching(/^This file is a PNG image, not text/) });
    expect(decodeFileText(new Uint8Array([0x1f, 0x8b, 8, 0]))).toMatchObject({ ok: false, message: expect.stringMatching(/^This file is gzip-compressed data, not text/) });
  });
});
