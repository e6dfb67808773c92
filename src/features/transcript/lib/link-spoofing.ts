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
 * Link text that reads as a bare host, maybe with a path (`bank.example`, `github.com/acme/app`): labels of letters,
 * digits and hyphens, the last of letters only.
 */
const LOOKS_LIKE_HOST = /^((?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+[a-z]{2,24})(?:[/?#]\S*)?$/i;
/** File names read like hosts too (`app.ts`, `report.pdf`): text ending in one of these names a file, not a site. */
const FILE_EXTENSIONS = new Set(
  'md txt pdf json jsonl yaml yml toml xml html htm css js mjs cjs ts tsx jsx py rb go rs java kt swift c h cpp cs php sh sql csv tsv log png jpg jpeg gif svg webp ico zip gz tar mp3 mp4 wav mov ipynb doc docx xls xlsx ppt pptx lock env ini cfg conf'.split(' '),
);

const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

/**
 * When a link's text is itself a URL, or a bare host, and the link goes somewhere else, where it really goes; else
 * null. `[https://bank.example](https://evil.example)` and `[bank.example](https://evil.example)` give `evil.example`.
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
  const host = LOOKS_LIKE_HOST.exec(shown)?.[1];
  if (!host || FILE_EXTENSIONS.has(host.slice(host.lastIndexOf('.') + 1).toLowerCase())) return null;
  // Text that names the page it links to, or a part of its address, says where it goes.
  if (target.toLowerCase().includes(shown.toLowerCase())) return null;
  const url = new URL(target);
  if (!url.host) return null;
  return bareHost(url.hostname) === bareHost(host) ? null : linkTarget(target);
}
