/** The kinds of personal data and secrets a reader can have replaced before sharing. */
export const REDACT_KINDS = ['email', 'phone', 'secret', 'ip'] as const;
export type RedactKind = (typeof REDACT_KINDS)[number];
export type PseudonymKind = RedactKind | 'term';

export const MAX_TERMS = 100;
export const MAX_TERM_LENGTH = 200;

const TAG: Record<PseudonymKind, string> = { email: 'EMAIL', phone: 'PHONE', secret: 'SECRET', ip: 'IP', term: 'TERM' };
/** A pseudonym this class puts in a text. */
const PSEUDONYM = /\[(?:EMAIL|PHONE|SECRET|IP)_\d{1,9}\]/;
const PSEUDONYM_WHOLE = new RegExp(`^${PSEUDONYM.source}$`);

/*
 * Every pattern is a plain scan with bounded repeats and no nested quantifiers, so it stays linear on a
 * megabyte-long line. Shapes of secrets: OpenAI/DashScope/Anthropic keys, Stripe, AWS access key IDs, GitHub, Slack and
 * Google keys, JWTs, PEM private keys, bearer tokens and `key=value` assignments of api keys, tokens and passwords.
 */
/** A word in any letter case, as a pattern: `[Tt][Oo][Kk][Ee][Nn]`. The whole pattern must stay case-sensitive (key shapes). */
const anyCase = (word: string) => word.replace(/[a-z]/g, (letter) => `[${letter.toUpperCase()}${letter}]`);
/** The names of a value that is a secret in an assignment (`password=`, `DB_PASSWORD=`, `githubToken:`), in any letter case. */
const SECRET_NAME = ['api[_-]?key', 'access[_-]?token', 'auth[_-]?token', 'refresh[_-]?token', 'client[_-]?secret', 'secret[_-]?access[_-]?key', 'secret[_-]?key', 'private[_-]?key', 'secret', 'password', 'passwd', 'token'].map(anyCase).join('|');

const SECRET = new RegExp(
  [
    /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]{0,20000}?-----END [A-Z ]{0,40}PRIVATE KEY-----/.source,
    /(?<![A-Za-z0-9])sk-(?:proj-|ant-|svcacct-|admin-)?[A-Za-z0-9_-]{20,300}/.source,
    /(?<![A-Za-z0-9])[spr]k_(?:live|test)_[A-Za-z0-9]{16,200}/.source,
    /(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])/.source,
    /(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{30,255})/.source,
    /(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,200}/.source,
    /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}/.source,
    /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{8,2000}/.source,
    /(?<=\b[Bb]earer\s{1,3})[A-Za-z0-9._~+/-]{16,500}=*/.source,
    // Basic credentials (`user:password` in base64) after an Authorization header's name, and a URL's password
    // (`postgres://app:hunter22@localhost/db`).
    /(?<=\b[Aa]uthorization["']?\s{0,3}[:=]\s{0,3}["']?[Bb]asic\s{1,3})[A-Za-z0-9+/]{4,500}={0,2}/.source,
    /(?<=\b[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s/:@]{0,100}:)[^\s/@]{1,200}(?=@)/.source,
    // A name with a prefix too, as environment variables and config keys have them: `DB_PASSWORD=`, `GITHUB_TOKEN:`.
    String.raw`(?<=(?<![A-Za-z0-9])(?:[A-Za-z0-9]{1,40}[_-]){0,4}(?:${SECRET_NAME})["']?\s{0,3}[:=]\s{0,3}["']?)[^\s"',;&]{6,300}`,
  ].join('|'),
  'g',
);
/** Letters of the scripts written without spaces between words (Chinese, Japanese, Thai and their neighbours). */
const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3005\u30FC`;
/** A letter, mark or digit of the scripts that write words apart (Latin, Greek, Cyrillic, Arabic, Hangul, Devanagari…). */
const SPACED = String.raw`(?![${UNSPACED}])[\p{L}\p{M}\p{N}]`;
/**
 * Top-level domains written in Chinese, Japanese or Korean script. Text in those scripts runs on without a space
 * after an address (`info@例子.公司请联系我`), so such a domain is one of these, not the run of letters after its dot.
 */
const CJK_TOP_LEVEL = [
  '中国', '中國', '公司', '网络', '網絡', '香港', '台湾', '台灣', '新加坡', '澳门', '澳門', '在线', '网址', '网店', '商城', '商店', '商标', '移动',
  '游戏', '企业', '信息', '集团', '机构', '组织机构', '政务', '公益', '中文网', '我爱你', '广东', '佛山', '时尚', '微博', '健康', '招聘', '世界',
  '购物', '书籍', '餐厅', '食品', '家電', '通販', 'みんな', 'コム', 'ストア', 'クラウド', 'ポイント', 'セール', 'ファッション', '한국', '닷컴', '닷넷', '삼성',
]
  .sort((a, b) => b.length - a.length)
  .join('|');
/** A top-level domain in letters of one script, so that text of another written straight after it is not taken. */
const TOP_LEVEL = [
  ...['Latin', 'Greek', 'Cyrillic', 'Arabic', 'Hebrew', 'Devanagari', 'Armenian', 'Georgian'].map(
    (script) => String.raw`\p{Script=${script}}[\p{Script=${script}}\p{M}]{1,23}(?![\p{Script=${script}}\p{M}\p{N}-])`,
  ),
  CJK_TOP_LEVEL,
].join('|');
/**
 * An address in any script (`josé@bücher.de`, `почта@пример.рф`, `用户@例子.公司`, `ユーザー@例え.jp`), also as Markdown
 * escapes it (`jane\\_doe@example.com`), so no part of it stays before its pseudonym, and as a URL's query or
 * Japanese text writes its `@` (`%40`, `＠`). Text in Chinese or Japanese runs on without spaces into an address, so
 * `メールはtaro@example.jp` keeps its Japanese: a local part takes the run of one kind of script before the `@` (up to
 * 64 characters), and the run of the other kind before that only where a `.`, `_`, `+` or `-` joins them
 * (`taro.田中@example.jp`, `田中.taro@example.jp`). After the domain, text of another script stays (`john@acme.com입니다`).
 * The scan starts at an `@` and reads the local part behind it (group 1, which the match reaches back over), so each
 * character is looked at a bounded number of times, however long a run of letters without an `@` is.
 */
const SPACED_RUN = String.raw`(?:\\[_.+-]|${SPACED}|[._%+-])`;
const UNSPACED_RUN = String.raw`[${UNSPACED}\p{M}\p{N}._+-]`;
const EMAIL = new RegExp(
  [
    String.raw`(?=@|＠|%40)(?<=(`,
    // Chinese or Japanese last, maybe after a run of another script joined to it.
    String.raw`(?:(?<!${SPACED}|[._%+-])${SPACED_RUN}{0,40}[._+-])?[${UNSPACED}]${UNSPACED_RUN}{0,63}`,
    // Another script last, after a run of Chinese or Japanese joined to it, or after nothing the run could go on
    // with. A run that starts with a joining mark straight after Chinese or Japanese gives the mark to that run.
    String.raw`|(?:[${UNSPACED}][${UNSPACED}\p{M}\p{N}]{0,40}[._+-]|(?<!${SPACED}|[._%+-])(?:(?![._+-])|(?<![${UNSPACED}])))${SPACED_RUN}{1,64}`,
    String.raw`))`,
    String.raw`(?:@|＠|%40)[\p{L}\p{M}\p{N}-]{1,63}(?:\.[\p{L}\p{M}\p{N}-]{1,63}){0,8}\.`,
    String.raw`(?:${TOP_LEVEL})`,
  ].join(''),
  'gu',
);
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)/g;
const IPV6_CANDIDATE = /(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])/g;
/** International numbers with a leading +, and the (555) 123-4567 / 555-123-4567 shape; bare digit runs (IDs, timestamps) are left alone. */
const PHONE = /(?<![\w+])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,5}|\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4})(?![\w])/g;

function isIpv6(candidate: string): boolean {
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half ? half.split(':') : []));
  if (!groups.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  // A compressed address needs a few groups, so `a::b` in code is not taken for one.
  return halves.length === 2 ? groups.length >= 2 && groups.length <= 7 : groups.length === 8;
}

function phoneDigits(candidate: string): number {
  let digits = 0;
  for (const character of candidate) if (character >= '0' && character <= '9') digits += 1;
  return digits;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The full-width form of a printable ASCII character (`Ａ` for `A`), as Chinese, Japanese and Korean text writes Latin letters. */
const fullWidth = (letter: string) => (letter.length === 1 && letter >= '!' && letter <= '~' ? String.fromCharCode(letter.charCodeAt(0) + 0xfee0) : letter);

/** Characters a page shows as nothing (a soft hyphen, zero-width spaces and joiners), which can sit inside a word unseen. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);
/** ASCII punctuation, which Markdown may write with a backslash before it (`acme\_logistics`). */
const MARKDOWN_ESCAPABLE = /^[!-/:-@[-`{-~]$/;

/**
 * Spellings a letter has in full case folding that the regular expression's own letter case does not know: ß is ss,
 * and the long s (ſ, in old print and some transliterations) is s.
 */
const FOLDS: Record<string, string[]> = { ß: ['ss', 'ẞ'], ẞ: ['ss', 'ß'], s: ['ſ'], S: ['ſ'], ſ: ['s'] };
/**
 * A spelling of several letters as a pattern: `ss` in either s, as classes (V8 misses `ſſ` among the alternatives
 * `ss|ſſ|sſ|ſs` when they ignore letter case).
 */
const severalPattern = (form: string) => (form === 'ss' ? '[sſ][sſ]' : escapeRegExp(form));
/** `ss` as one letter, the way `Straße` is `STRASSE`. */
const SHARP_S = '[ßẞ]';
const isS = (letter: string) => letter === 's' || letter === 'S' || letter === 'ſ';

/**
 * A word of a term as a pattern that matches it however its letters are encoded: `é` as one character (NFC, as most
 * text has it) or as `e` and a combining accent (NFD, as macOS file names and some copied text have it), `ACME` in
 * full-width letters (`ＡＣＭＥ`), its punctuation escaped as Markdown escapes it (`acme\_logistics`, which the page
 * shows as `acme_logistics`), and `ß` as `ss` and back (`Straße`, `STRASSE`), letter by letter. `between` goes between
 * letters.
 */
function anyComposition(word: string, between = ''): string {
  const letters = word.normalize('NFC').match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
  const patterns = letters.map((letter) => {
    const plain = letter.normalize('NFKC');
    const escaped = MARKDOWN_ESCAPABLE.test(plain) ? String.raw`\\?` : '';
    const forms = [...new Set([letter, letter.normalize('NFD'), plain, fullWidth(plain), ...(FOLDS[letter] ?? [])])];
    if (forms.length === 1) return escaped + escapeRegExp(forms[0]);
    // Single characters as a class, which the regular expression engine scans faster than alternatives.
    const single = forms.filter((form) => form.length === 1);
    const several = forms.filter((form) => form.length > 1).map(severalPattern);
    const chars = single.length > 1 ? `[${single.map((char) => char.replace(/[\\\]^-]/g, '\\$&')).join('')}]` : single.map(escapeRegExp).join('');
    return escaped + (several.length ? `(?:${[...(chars ? [chars] : []), ...several].join('|')})` : chars);
  });
  let pattern = '';
  for (let at = 0; at < letters.length; at += 1) {
    if (at > 0) pattern += between;
    // Two s in a row may be written ß (a term `STRASSE` finds `Straße`): one choice of fixed length, so still linear.
    if (isS(letters[at]) && isS(letters[at + 1] ?? '')) {
      pattern += `(?:${patterns[at]}${between}${patterns[at + 1]}|${SHARP_S})`;
      at += 1;
    } else pattern += patterns[at];
  }
  return pattern;
}

/** A mark of Markdown's emphasis, strikethrough or code. */
const EMPHASIS = /[*_~`]/;
const MARKS = String.raw`${EMPHASIS.source}{1,3}`;
/**
 * The marks of a match of a term of several words, in order: those that open its first word, between its words those
 * that close a word before a space and those that open one after it, and those after its last word.
 */
const MATCH_MARKS = new RegExp(String.raw`(${MARKS})(?=\s|%20|\+)|(?<=^|\s|%20|\+)(${MARKS})|(${MARKS})$`, 'g');
/** How many of Markdown's marks stand right before `at`, opening the word there (`**` of `**Acme** Corp`). */
function marksBefore(text: string, at: number): number {
  let count = 0;
  while (count < 3 && at - count > 0 && EMPHASIS.test(text[at - count - 1])) count += 1;
  return count;
}
/** A word of a term that starts or ends with a mark (`__init__`, `*args`): its marks are its own, not emphasis. */
const EDGE_MARK = new RegExp(String.raw`^${EMPHASIS.source}|${EMPHASIS.source}$`);

/** A term's match without Markdown's marks around and between its words: the words as the page shows them. */
const withoutMarks = (match: string) => match.replace(MATCH_MARKS, '');

/**
 * The pseudonym of a term that ran across Markdown's marks (`**Acme** _Corp_`), with those marks kept as Markdown reads
 * them. The match starts with the marks that open its first word, so a pair that opens before it and closes inside it
 * (`` `Acme` **Corp** ``) nests around the pseudonym with the others: `` **`[TERM_1]`** ``. A mark whose partner comes
 * before the match goes after the pseudonym, so the pair holds it. The pairs inside the match nest around the
 * pseudonym inside those (code innermost, as nothing in code is emphasis), once each, unless they would double a pair
 * already around it, or sit in code, where they would show as written.
 */
function keepingEmphasis(match: string, pseudonym: string): string {
  const open: { mark: string; at: number }[] = [];
  const pairs: { mark: string; at: number }[] = [];
  const closedOutside: string[] = [];
  let opened = 0;
  for (const [, closing, opening, trailing] of match.matchAll(MATCH_MARKS)) {
    if (opening) open.push({ mark: opening, at: (opened += 1) });
    const close = closing ?? trailing;
    if (!close) continue;
    if (open.at(-1)?.mark === close) pairs.push(open.pop() as { mark: string; at: number });
    else closedOutside.push(close);
  }
  const inCode = closedOutside.some((mark) => mark.includes('`'));
  const marks = inCode ? [] : [...new Set(pairs.sort((a, b) => a.at - b.at).map((pair) => pair.mark))].filter((mark) => !closedOutside.includes(mark));
  const nested = [...marks.filter((mark) => !mark.startsWith('`')), ...marks.filter((mark) => mark.startsWith('`'))];
  return open.map((each) => each.mark).join('') + nested.join('') + pseudonym + [...nested].reverse().join('') + closedOutside.join('');
}

/** A term's match as the one value its spellings share: letter case folded in full, so `Straße` is `strasse`. */
const foldCase = (text: string) => text.toLowerCase().toUpperCase().toLowerCase();

interface Matcher {
  kind: PseudonymKind;
  pattern: RegExp;
  /**
   * The pattern for a text with invisible characters in it, which may sit between a term's letters (`Ac\u200Bme`, which
   * the page shows as the word itself); made when first needed, as it is slower and such text is rare.
   */
  unseen?: () => RegExp;
  /** The value all spellings of one thing share, so they get one pseudonym. */
  normalise: (match: string) => string | null;
  /** A match in one of its groups holds Markdown's marks around and between a term's words, which are not its value. */
  emphasis?: boolean;
  /** How many characters before a match are part of it (read behind it by the pattern). */
  reach?: (found: RegExpExecArray) => number;
}

/** One replacement in a text: `removed` characters at `at` became `inserted` characters. */
export interface TextEdit {
  at: number;
  removed: number;
  inserted: number;
}

/**
 * `text.replace(pattern, replacer)` for a global pattern, that notes what it replaced, as one pass of edits, so
 * positions in the text (a citation's `start_index`) can follow it. `reach` tells how many characters before a match
 * belong to it (an address's local part, which the pattern reads behind its `@`); the replacer gets them with the match.
 */
export function replaceNoting(
  text: string,
  pattern: RegExp,
  replacer: (match: string, ...groups: (string | undefined)[]) => string,
  edits?: TextEdit[][],
  reach?: (found: RegExpExecArray) => number,
): string {
  const pass: TextEdit[] = [];
  let result = '';
  let cursor = 0;
  // A match reaches back no further than the end of the one before, replaced or not.
  let before = 0;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    const end = found.index + found[0].length;
    if (found[0] === '') pattern.lastIndex += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
    const at = found.index - Math.min(reach?.(found) ?? 0, found.index - before);
    before = end;
    const match = text.slice(at, end);
    const replacement = replacer(match, ...found.slice(1));
    if (replacement === match) continue;
    pass.push({ at, removed: match.length, inserted: replacement.length });
    result += text.slice(cursor, at) + replacement;
    cursor = end;
  }
  if (!pass.length) return text;
  edits?.push(pass);
  return result + text.slice(cursor);
}

/** Where a position lands after passes of edits: past an edit, shifted by it; inside one, at the end of what replaced it. */
export function movedIndex(index: number, edits: readonly (readonly TextEdit[])[]): number {
  let position = index;
  for (const pass of edits) {
    let moved = position;
    for (const edit of pass) {
      if (edit.at >= position) break;
      if (edit.at + edit.removed <= position) moved += edit.inserted - edit.removed;
      else {
        moved += edit.at + edit.inserted - position;
        break;
      }
    }
    position = moved;
  }
  return position;
}

/** What goes between the texts of consecutive parts, read as one text: a paragraph break, as the page shows them. */
const PART_BREAK = '\n\n';

/**
 * One pass of edits made to parts joined by PART_BREAK, made to each part: an edit's replacement goes to the first part
 * it touches, and the parts it runs on into lose what it took of them.
 */
function splitAcross(joined: string, result: string, pass: readonly TextEdit[], parts: readonly string[], edits: readonly (TextEdit[][] | undefined)[]): string[] {
  // Where each edit's replacement sits in the result.
  const placed: number[] = [];
  let shift = 0;
  for (const edit of pass) {
    placed.push(edit.at + shift);
    shift += edit.inserted - edit.removed;
  }
  const split: string[] = [];
  let next = 0;
  let start = 0;
  let claimed = -1;
  parts.forEach((part, index) => {
    const end = start + part.length;
    const partPass: TextEdit[] = [];
    let text = '';
    let cursor = start;
    while (next < pass.length && pass[next].at < end) {
      const edit = pass[next];
      const editEnd = edit.at + edit.removed;
      // An edit of the break alone, which is written anew.
      if (editEnd <= start) {
        next += 1;
        continue;
      }
      const from = Math.max(edit.at, start);
      const to = Math.min(editEnd, end);
      const inserted = claimed === next ? '' : result.slice(placed[next], placed[next] + edit.inserted);
      claimed = next;
      text += joined.slice(cursor, from) + inserted;
      partPass.push({ at: from - start, removed: to - from, inserted: inserted.length });
      cursor = to;
      if (editEnd > end) break;
      next += 1;
    }
    split.push(text + joined.slice(cursor, end));
    if (partPass.length) edits[index]?.push(partPass);
    start = end + PART_BREAK.length;
  });
  return split;
}

export interface Replacement {
  kind: PseudonymKind;
  value: string;
  pseudonym: string;
}

/**
 * Replaces each distinct value of the chosen kinds, and each chosen term, with a numbered pseudonym that is the same
 * wherever the value appears: `[EMAIL_1]`, `[PHONE_1]`, `[SECRET_1]`, `[IP_1]`, `[TERM_1]`, numbered in order of first
 * appearance. One instance per snapshot or download, so numbers agree across its items.
 */
export class Pseudonymizer {
  private readonly matchers: Matcher[] = [];
  private readonly numbers = new Map<PseudonymKind, Map<string, number>>();
  private readonly firstSeen: Replacement[] = [];

  constructor(kinds: readonly RedactKind[], terms: readonly string[]) {
    const chosen = new Set(kinds);
    if (chosen.has('secret')) this.matchers.push({ kind: 'secret', pattern: SECRET, normalise: (match) => match });
    // An address written in a URL's query (`carol%40example.com`) is the same address.
    if (chosen.has('email')) {
      this.matchers.push({ kind: 'email', pattern: EMAIL, reach: (found) => found[1]?.length ?? 0, normalise: (match) => match.replace(/%40|＠/i, '@').replaceAll('\\', '').toLowerCase() });
    }
    if (chosen.has('ip')) {
      // IPv4 first: in `::ffff:10.20.30.40` the whole IPv4 address goes, where IPv6's scan would take `::ffff:10` alone.
      this.matchers.push({ kind: 'ip', pattern: IPV4, normalise: (match) => match });
      this.matchers.push({ kind: 'ip', pattern: IPV6_CANDIDATE, normalise: (match) => (isIpv6(match) ? match.toLowerCase() : null) });
    }
    if (chosen.has('phone')) {
      this.matchers.push({ kind: 'phone', pattern: PHONE, normalise: (match) => (phoneDigits(match) >= 8 && phoneDigits(match) <= 15 ? match.replace(/\D/g, '') : null) });
    }
    const words = [...new Set(terms.map((term) => term.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
    if (words.length) {
      // A space in a term matches any run of spaces or line breaks, and a URL's `%20` or `+`: `Jane%20Doe` is Jane Doe.
      // Markdown's emphasis and code marks may close a word before it or open one after it (`**Acme** Corp`), which the
      // page shows as the term itself.
      // Such a term is a group of its own, which tells the replacer. A term whose words start or end with marks of their
      // own (`__init__ method`) is matched as written.
      const space = String.raw`(?:\s{1,20}|%20|\+)`;
      const marked = String.raw`${EMPHASIS.source}{0,3}`;
      const alternative = (word: string, between?: string) => {
        const parts = word.split(/\s+/);
        const spelled = (separator: string) => parts.map((part) => anyComposition(part, between)).join(separator);
        if (parts.length === 1 || parts.some((part) => EDGE_MARK.test(part))) return spelled(space);
        // Marks after its last word are taken in; those before its first are not, so the pattern still starts with a
        // letter, which the engine looks for quickly: the replacer reaches back for them.
        return `(${spelled(marked + space + marked)}${marked})`;
      };
      const alternatives = (between?: string) => words.map((word) => alternative(word, between)).join('|');
      let unseen: RegExp | undefined;
      // The pseudonyms the kinds above put in come first and stay whole: a term `mail` leaves `[EMAIL_1]` as it is.
      this.matchers.push({
        kind: 'term',
        pattern: new RegExp(`${PSEUDONYM.source}|${alternatives()}`, 'gi'),
        unseen: () => (unseen ??= new RegExp(`${PSEUDONYM.source}|${alternatives(`${INVISIBLE.source}{0,8}`)}`, 'gi')),
        emphasis: true,
        reach: (found) => (found.slice(1).some((group) => group !== undefined) ? marksBefore(found.input, found.index) : 0),
        normalise: (match) => (PSEUDONYM_WHOLE.test(match) ? null : foldCase(match.normalize('NFKC').replace(INVISIBLE, '').replace(/\\(?=[!-/:-@[-`{-~])/g, '').replace(/(?:\s+|%20|\+)/gi, ' '))),
      });
    }
    this.secrets = chosen.has('secret');
  }

  private readonly secrets: boolean;

  get active(): boolean {
    return this.matchers.length > 0;
  }

  /** A value known to be a secret (a `password` field's): replaced whole when secrets are, else as any text. */
  secret(value: string): string {
    if (!this.secrets || value.trim() === '') return this.replace(value);
    return this.pseudonym('secret', value, value);
  }

  /** The text with every match replaced; the same text when nothing matched. `edits` notes where, one pass per kind. */
  replace(text: string, edits?: TextEdit[][]): string {
    let result = text;
    for (const matcher of this.matchers) result = this.pass(matcher, result, edits);
    return result;
  }

  /**
   * The texts of consecutive parts of one message, which the page shows one after another as its paragraphs: a match
   * may run across them (`Acme` ending one, ` Corp` starting the next), as across a paragraph break in one text. Its
   * pseudonym goes where it starts, and each later part loses its share. `edits` notes each part's edits.
   */
  replaceAcross(texts: readonly string[], edits: readonly (TextEdit[][] | undefined)[]): string[] {
    let parts = [...texts];
    for (const matcher of this.matchers) {
      const joined = parts.join(PART_BREAK);
      const pass: TextEdit[][] = [];
      const result = this.pass(matcher, joined, pass);
      if (pass.length) parts = splitAcross(joined, result, pass[0], parts, edits);
    }
    return parts;
  }

  private pass(matcher: Matcher, text: string, edits?: TextEdit[][]): string {
    const pattern = matcher.unseen && HAS_INVISIBLE.test(text) ? matcher.unseen() : matcher.pattern;
    pattern.lastIndex = 0;
    return replaceNoting(
      text,
      pattern,
      (match, ...groups) => {
        // A term of several words, read across Markdown's marks (its own group).
        const emphasis = matcher.emphasis === true && groups.some((group) => group !== undefined);
        const value = emphasis ? withoutMarks(match) : match;
        const key = matcher.normalise(value);
        if (key === null) return match;
        const pseudonym = this.pseudonym(matcher.kind, key, value);
        return emphasis ? keepingEmphasis(match, pseudonym) : pseudonym;
      },
      edits,
      matcher.reach,
    );
  }

  private pseudonym(kind: PseudonymKind, key: string, value: string): string {
    let numbers = this.numbers.get(kind);
    if (!numbers) this.numbers.set(kind, (numbers = new Map()));
    let number = numbers.get(key);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(key, number);
      this.firstSeen.push({ kind, value, pseudonym: `[${TAG[kind]}_${number}]` });
    }
    return `[${TAG[kind]}_${number}]`;
  }

  /** Distinct values replaced, per kind. */
  counts(): Partial<Record<PseudonymKind, number>> {
    return Object.fromEntries([...this.numbers].map(([kind, values]) => [kind, values.size]));
  }

  /** The first few replacements of each kind, for a preview. */
  samples(perKind = 3): Replacement[] {
    const taken = new Map<PseudonymKind, number>();
    return this.firstSeen.filter((sample) => {
      const count = taken.get(sample.kind) ?? 0;
      taken.set(sample.kind, count + 1);
      return count < perKind;
    });
  }
}
