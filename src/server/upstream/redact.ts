/** Secrets shorter than this are not searched for: too many innocent strings would match. */
const MIN_SECRET_LENGTH = 8;
/** A base64 fragment shorter than this says too little to be worth blanking (and might match by chance). */
const MIN_FRAGMENT_LENGTH = 8;
export const REDACTED = '[redacted]';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The secret inside any base64 text: at each of the three byte alignments, the characters that depend on the
 * secret alone, in the standard and the URL-safe alphabet, plus the whole padded encoding.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [bytes.toString('base64')];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const whole = Math.floor((offset + bytes.length) / 3) * 4;
    forms.push(encoded.slice(offset === 0 ? 0 : 4, whole));
  }
  const all = forms.filter((form) => form.length >= MIN_FRAGMENT_LENGTH);
  return [...all, ...all.map((form) => form.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))];
}

/** Longest first, so an alternation blanks the whole of a form rather than a fragment of it. */
const sortedForms = (forms: Iterable<string>) => [...new Set(forms)].sort((a, b) => b.length - a.length);

const percent = (bytes: Buffer) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/**
 * The secret with each character as it is or percent-encoded, once or twice (`s`, `%73`, `%2573`), in any mix: the
 * escapes are matched as if decoded, whichever characters were escaped. Each character has its own group, so the
 * pattern runs in one pass without backtracking beyond the secret's length.
 */
function percentForm(secret: string): string {
  return [...secret]
    .map((char) => {
      const escaped = percent(Buffer.from(char, 'utf8'));
      return `(?:${escapeRegExp(char)}|${escaped}|${escaped.replaceAll('%', '%25')})`;
    })
    .join('');
}

export interface Redactor {
  /** The text with every recognisable form of a secret blanked out. */
  text(value: string): string;
  /** Whether the text holds a recognisable form of a secret. */
  test(value: string): boolean;
  /** False when the text holds no form of a secret, found at a fraction of the cost of `test`; true may be wrong. */
  mayHold(value: string): boolean;
  /** Blanks every string and key of a parsed JSON value, in place, without recursion (values may be very deep). */
  value(value: unknown): unknown;
}

/**
 * Finds secrets as they come back from upstreams: as they are, in another letter case, percent-encoded (all of it or
 * some characters, in either hex case), in hex, or inside base64 (a Basic header, a data: URL, a dump of the request).
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const usable = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  // Letter case and hex case do not matter: a key may come back upper-cased, percent-escaped or hex-encoded.
  const byLength = [...usable].sort((a, b) => b.length - a.length);
  // One pattern, so each text is scanned once. The base64 forms match in any letter case too: a key's base64 fragment of
  // eight or more characters is no likelier to turn up by chance in another case than in its own.
  const forms = [...byLength.map(percentForm), ...byLength.map((secret) => Buffer.from(secret, 'utf8').toString('hex')), ...sortedForms(usable.flatMap(base64Forms)).map(escapeRegExp)];
  const patterns = forms.length ? [new RegExp(forms.join('|'), 'gi')] : [];

  // The same search on the text lower-cased, without the 'i' flag, is cheaper by a third or more, and finds whatever the full one would
  // (under 'i' an ASCII letter matches no other character), though it may find more: only then does the full one run.
  const ascii = usable.every((secret) => /^[\x20-\x7e]*$/.test(secret));
  const lowerPattern = ascii && forms.length ? new RegExp(forms.join('|').toLowerCase()) : null;
  const mayHold = (value: string) => (lowerPattern ? lowerPattern.test(value.toLowerCase()) : patterns.length > 0);

  const test = (value: string) =>
    mayHold(value) &&
    patterns.some((pattern) => {
      pattern.lastIndex = 0;
      return pattern.test(value);
    });
  const text = (value: string) => {
    if (!mayHold(value)) return value;
    let result = value;
    for (const pattern of patterns) result = result.replace(pattern, REDACTED);
    return result;
  };
  const value = (root: unknown) => {
    if (patterns.length === 0) return root;
    const stack: unknown[] = [root];
    while (stack.length) {
      const node = stack.pop();
      if (!node || typeof node !== 'object') continue;
      if (Array.isArray(node)) {
        for (let index = 0; index < node.length; index += 1) {
          const child: unknown = node[index];
          if (typeof child === 'string') node[index] = text(child);
          else if (child && typeof child === 'object') stack.push(child);
        }
        continue;
      }
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const child = record[key];
        if (typeof child === 'string') record[key] = text(child);
        else if (child && typeof child === 'object') stack.push(child);
        if (test(key)) {
          Object.defineProperty(record, text(key), { value: record[key], enumerable: true, writable: true, configurable: true });
          delete record[key];
        }
      }
    }
    return root;
  };
  return { text, test, mayHold, value };
}
