import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from './redact.ts';

const KEY = 'sk-Test-0123456789abcdefXYZ';
const redactor = createRedactor([KEY]);

describe('the redactor', () => {
  it.each([
    ['as it is', KEY],
    ['in lower case', KEY.toLowerCase()],
    ['in upper case', KEY.toUpperCase()],
    ['URL-encoded', encodeURIComponent(`key=${KEY}&x`)],
    ['in base64 on its own', Buffer.from(KEY).toString('base64')],
    ['in base64 after one byte', Buffer.from(`:${KEY}`).toString('base64')],
    ['in base64 after two bytes', Buffer.from(`u:${KEY}`).toString('base64')],
    ['in a Basic header', Buffer.from(`user:${KEY}`).toString('base64')],
    ['in URL-safe base64', Buffer.from(`?>${KEY}`).toString('base64url')],
    ['in hex', Buffer.from(KEY).toString('hex')],
    ['in upper-case hex', Buffer.from(KEY).toString('hex').toUpperCase()],
    ['percent-encoded character by character', [...KEY].map((char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).join('')],
    ['percent-encoded in lower-case hex', [...KEY].map((char) => `%${char.charCodeAt(0).toString(16)}`).join('')],
    ['partly percent-encoded', [...KEY].map((char, index) => (index % 2 ? `%${char.charCodeAt(0).toString(16)}` : char)).join('')],
    ['percent-encoded twice', encodeURIComponent([...KEY].map((char) => `%${char.charCodeAt(0).toString(16)}`).join(''))],
  ])('finds the key %s', (_, form) => {
    const text = `before ${form} after`;
    expect(redactor.test(text)).toBe(true);
    const cleaned = redactor.text(text);
    expect(cleaned).toContain(REDACTED);
    expect(cleaned).not.toContain(form);
    expect(cleaned.toLowerCase()).not.toContain(KEY.toLowerCase());
  });

  it('leaves text without the key alone, and ignores secrets too short to search for', () => {
    expect(redactor.text('nothing to see')).toBe('nothing to see');
    expect(createRedactor(['short']).text('a short text')).toBe('a short text');
  });

  it('cleans every string and key of a parsed value, however deep', () => {
    let deep: unknown = { leaf: `\u0073k-Test-0123456789abcdefXYZ` };
    for (let level = 0; level < 20_000; level += 1) deep = [deep];
    const value = { data: [{ [KEY]: 1, text: `x ${KEY}`, list: [KEY] }], deep };
    redactor.value(value);
    expect(value.data[0]).toEqual({ [REDACTED]: 1, text: `x ${REDACTED}`, list: [REDACTED] });
    let node: unknown = value.deep;
    while (Array.isArray(node)) node = node[0];
    expect(node).toEqual({ leaf: REDACTED });
  });
});

describe('the quick look before the full search', () => {
  let seed = 5;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const flipCase = (text: string) => [...text].map((char) => (random() < 0.5 ? char.toUpperCase() : char.toLowerCase())).join('');
  const hex = (char: string) => char.charCodeAt(0).toString(16);
  const NOISE = ['plain words ', '100% sure ', 'a%20b ', 'İstanbul ', 'ſtraße ', '\u212a ', '😀 ', '%25 ', 'sk-Test-01 '];
  const noise = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => NOISE[Math.floor(random() * NOISE.length)]).join('');

  it('says no for text without the key, with or without percent signs and other scripts', () => {
    for (const text of ['nothing to see', ...NOISE, NOISE.join('')]) expect(redactor.mayHold(text)).toBe(false);
  });

  it('never says no where a form of the key stands, however it is mixed', () => {
    for (let round = 0; round < 300; round += 1) {
      const percentMix = [...KEY].map((char) => [char, `%${hex(char)}`, `%25${hex(char)}`][Math.floor(random() * 3)]).join('');
      const prefix = ['', ':', 'u:'][round % 3];
      const forms = [percentMix, Buffer.from(KEY).toString('hex'), Buffer.from(`${prefix}${KEY}`).toString(round % 2 ? 'base64' : 'base64url')];
      for (const form of forms) {
        const text = `${noise()}${flipCase(form)}${noise()}`;
        expect([text, redactor.mayHold(text)]).toEqual([text, true]);
        expect(redactor.text(text)).toContain(REDACTED);
      }
    }
  });
});
