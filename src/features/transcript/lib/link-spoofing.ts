import { safeLinkHref } from '../../../shared/markdown/safe-url';

/** Characters that reorder text around them: a link could read "moc.elgoog" and go to "google.com". */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Direction controls made visible as their code points, e.g. `[U+202E]`. */
export function revealBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, (char) => `[U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

const LOOKS_LIKE_URL = /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)\S+$|^mailto:\S+$/i;

/** Where a link really goes, in short: its host, or the address of a mailto: link. */
export function linkTarget(href: string): string {
  const url = new URL(href);
  return url.host || url.pathname;
}

/**
 * When a link's text is itself a URL and the link goes somewhere else, where it really goes; else null.
 * `[https://bank.example](https://evil.example)` gives `evil.example`.
 */
export function spoofedTarget(text: string, href: string | null | undefined): string | null {
  const shown = text.replace(BIDI_CONTROLS, '').trim();
  const target = safeLinkHref(href);
  if (!target || !LOOKS_LIKE_URL.test(shown)) return null;
  const claimed = safeLinkHref(/^www\./i.test(shown) ? `https://${shown}` : shown);
  const same = (a: string, b: string) => a.replace(/\/$/, '') === b.replace(/\/$/, '');
  return claimed && same(claimed, target) ? null : linkTarget(target);
}
