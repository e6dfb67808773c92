// How a page's address holds its search values: read by the router and, before the app has loaded, by the requests a
// link starts early (`src/app/early-page-requests.ts`), so both read a link the same way. No router here.

export type SearchValues = Record<string, unknown>;

/**
 * A value as a link writes it: text that would read as JSON (`123`, `true`, `"x"`) is quoted, so that it reads back
 * as the same text. Links made before keep reading the same: this is the encoding they were written in.
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

/** A value as a link holds it: JSON where it reads as JSON (a quoted string, a number), else the text itself. */
function decodeValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** `?a=1&b=x` as values, the first of each name; see `encodeSearchValue` for how text and numbers are told apart. */
export function parseSearch(search: string): SearchValues {
  const values: SearchValues = {};
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
