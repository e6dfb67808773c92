import { describe, expect, it } from 'vitest';
import { utf8Length } from './utf8-length';

describe('utf8Length', () => {
  it('counts bytes as UTF-8 encodes them', () => {
    for (const text of ['', 'plain', 'café', 'Привет', '日本語', 'emoji 😀 and 👩‍👩‍👧', '\u07ff\u0800\uffff', 'lone \ud800 half']) {
      expect([text, utf8Length(text)]).toEqual([text, new TextEncoder().encode(text).length]);
    }
  });
});
