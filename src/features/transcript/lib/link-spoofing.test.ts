import { describe, expect, it } from 'vitest';
import { revealBidi, spoofedTarget } from './link-spoofing';

describe('link spoofing', () => {
  it.each([
    ['https://bank.example', 'https://evil.example/login', 'evil.example'],
    ['https://bank.example', 'https://bank.example/', null],
    ['https://bank.example/', 'https://bank.example', null],
    ['www.bank.example', 'https://evil.example', 'evil.example'],
    ['mailto:help@bank.example', 'mailto:phish@evil.example', 'phish@evil.example'],
    ['Click here', 'https://evil.example', null],
    ['https://bank.example', 'javascript:alert(1)', null],
    ['https://bank\u202E.example', 'https://bank.example', null],
  ])('text %s linking to %s shows %s', (text, href, shown) => {
    expect(spoofedTarget(text, href)).toBe(shown);
  });

  it('makes direction controls visible', () => {
    expect(revealBidi('invoice\u202Efdp.exe')).toBe('invoice[U+202E]fdp.exe');
    expect(revealBidi('plain')).toBe('plain');
  });
});
