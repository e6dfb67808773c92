import { safeDecode } from '../../lib/safe-decode.ts';
import { safeLinkHref } from './safe-url.ts';

/** Characters that reorder text around them: a link could read "moc.elgoog" and go to "google.com". */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Where Markdown's direction controls are shown rather than obeyed: link text and headings, which a reader takes for
 * a name (`report‮txt.exe` reads "reportexe.txt"), and code, where a control can make a line read as other code than
 * it is ("Trojan Source"). Text shown as written shows them everywhere.
 */
export const revealsBidi = (tagName: string | undefined) => tagName === 'a' || tagName === 'code' || /^h[1-6]$/.test(tagName ?? '');

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
 * Link text that reads as a bare host, maybe with a port and a path (`bank.example`, `github.com/acme/app`): two
 * labels or more, the last of letters (in any script: a look-alike `bаnk.example` is a host too).
 */
const LOOKS_LIKE_HOST = /^((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,24})\.?(?::\d{1,5})?(?:[/?#]\S*)?$/u;

/** Endings of file names; `.md` and `.sh` are countries' domains too, so a file is only taken for one it links to. */
const FILE_TYPES = new Set(
  'md txt pdf json jsonl yaml yml toml xml html htm css js mjs cjs ts tsx jsx py rb go rs java kt swift c h cpp cs php sh sql csv tsv log png jpg jpeg gif svg webp ico zip gz tar mp3 mp4 wav mov ipynb doc docx xls xlsx ppt pptx lock env ini cfg conf'.split(' '),
);

const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

/** The host the text names, as a URL holds it (look-alike letters in punycode), or null. */
function namedHost(text: string): string | null {
  const match = LOOKS_LIKE_HOST.exec(text);
  if (!match) return null;
  try {
    return new URL(`https://${match[1]}`).hostname;
  } catch {
    return null;
  }
}

/**
 * When a link's text is itself a URL, or a bare host, and the link goes somewhere else, where it really goes; else
 * null. `[https://bank.example](https://evil.example)` and `[bank.example](https://evil.example)` give `evil.example`;
 * a subdomain of the host named (`[example.com](https://docs.example.com)`) goes where the text says.
 */
export function spoofedTarget(text: string, href: string | null | undefined): string | null {
  const shown = text.replace(BIDI_CONTROLS, '').trim();
  const target = safeLinkHref(href);
  if (!target) return null;
  if (LOOKS_LIKE_URL.test(shown)) {
    const claimed = safeLinkHref(/^www\./i.test(shown) ? `https://${shown}` : shown);
    const same = (a: string, b: string) => a.replace(/\/$/, '') === b.replace(/\/$/, '');
    return claimed && same(claimed, target) ? null : linkTarget(target);
  }
  const host = namedHost(shown);
  if (!host) return null;
  const url = new URL(target);
  // A file's name that reads like a host (`app.ts`, `README.md`) names the file the link opens: its ending is a file
  // type, and the address ends with it (a host's name at the end of some other site's address does not pass).
  const path = safeDecode(url.pathname).toLowerCase();
  const ending = host.slice(host.lastIndexOf('.') + 1).toLowerCase();
  if (FILE_TYPES.has(ending) && !shown.includes('/') && path.endsWith(`/${shown.toLowerCase()}`)) return null;
  const named = bareHost(host);
  const real = bareHost(url.hostname);
  return url.hostname && (real === named || real.endsWith(`.${named}`)) ? null : linkTarget(target);
}
