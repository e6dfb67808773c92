// How a page's address holds its search values: read by the router and, before the app has loaded, by the requests a
// link starts early (`src/app/early-page-requests.ts`), so both read a link the same way. No router here.

export type SearchValues = Record<string, unknown>;

/**
 * A value as a link writes it: text that would read as JSON (`123`, `true`, `"x"`) is quoted, so that it reads back
 * as the same text, in this app and in one that read every value as JSON. Links made before keep reading the same:
 * this is the encoding they were written in.
 */
export function encodeSearchValue(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  try {
    JSON.parse(value);
    return JSON.stringify(value);
  } catch {
    return value;
  }
}

/**
 * A value as a link holds it: a quoted JSON string is its text unquoted (`"123"` is 123, as the app writes it), and
 * anything else is the text itself, so a hand-written `q=true`, `q=1e3` or `q=null` searches for what it says.
 */
function decodeValue(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value;
  }
}

/** `?a=1&b=x` as text, the first of each name; see `encodeSearchValue` for how a link quotes text. */
export function parseSearch(search: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(search)) if (!(name in values)) values[name] = decodeValue(value);
  return values;
}

/** The values as a query string with its `?`, or '' when there are none; undefined values are left out. */
export function stringifySearch(values: object): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) params.set(name, encodeSearchValue(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `href` with `values` set in its query as a link writes them, the rest of it as it was. */
export function withSearchValues(href: string, values: object): URL {
  const url = new URL(href);
  for (const [name, value] of Object.entries(values)) if (value !== undefined) url.searchParams.set(name, encodeSearchValue(value));
  return url;
}
