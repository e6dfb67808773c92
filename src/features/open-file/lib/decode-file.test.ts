import { describe, expect, it } from 'vitest';
import { decodeFileText } from './decode-file';

describe('decodeFileText', () => {
  it('reads UTF-8 with or without its mark, and UTF-16 by its mark', () => {
    expect(decodeFileText(new TextEncoder().encode('{"a":"Café"}'))).toEqual({ ok: true, text: '{"a":"Café"}' });
    expect(decodeFileText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('[]')]))).toEqual({ ok: true, text: '[]' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'[1]'].flatMap((char) => [char.charCodeAt(0), 0])]);
    expect(decodeFileText(utf16)).toEqual({ ok: true, text: '[1]' });
  });

  it('refuses a file in another encoding instead of showing its letters as �', () => {
    const latin1 = new Uint8Array([...'"Caf'].map((char) => char.charCodeAt(0)).concat([0xe9, 0x22]));
    expect(decodeFileText(latin1)).toEqual({ ok: false, message: 'This file is not UTF-8 text: save it as UTF-8 and open it again.' });
  });
});
