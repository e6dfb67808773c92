import { describe, expect, it } from 'vitest';
import { revealBidi, spoofedTarget } from './link-spoofing.ts';

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
    // Text that reads as a bare host is held to its host.
    ['bank.example', 'https://evil.example/login', 'evil.example'],
    ['paypal.com/signin', 'https://paypa1.example/signin', 'paypa1.example'],
    ['paypal.com', 'https://paypal.com.evil.example/login', 'paypal.com.evil.example'],
    ['bank.example', 'https://evil.example/bank.example', 'evil.example'],
    ['bank.example', 'https://evil.example/?r=bank.example', 'evil.example'],
    ['bank.example:443', 'https://evil.example', 'evil.example'],
    ['docs.rs', 'https://evil.example', 'evil.example'],
    ['b\u0430nk.example', 'https://evil.example', 'evil.example'],
    ['bank.example', 'mailto:phish@evil.example', 'phish@evil.example'],
    ['Bank.Example', 'https://www.bank.example/accounts', null],
    ['example.com', 'https://docs.example.com/start', null],
    ['docs.python.org', 'https://docs.python.org/3/library/', null],
    ['github.com/acme/app', 'https://github.com/acme/app/pulls', null],
    // A file's name links to that file; text that is no host is left alone.
    ['app.ts', 'https://github.com/acme/app/blob/main/src/app.ts', null],
    ['README.md', 'https://github.com/acme/app/blob/main/README.md#setup', null],
    ['v1.2', 'https://evil.example', null],
  ])('text %s linking to %s shows %s', (text, href, shown) => {
    expect(spoofedTarget(text, href)).toBe(shown);
  });

  it('makes direction controls visible', () => {
    expect(revealBidi('invoice\u202Efdp.exe')).toBe('invoice[U+202E]fdp.exe');
    expect(revealBidi('plain')).toBe('plain');
  });
});
