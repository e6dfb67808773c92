export interface ErrorDetails {
  message: string;
  type: string | null;
  code: string | null;
  param?: string | null;
  /** A request id the body carries at its top level (DashScope's `request_id`). */
  requestId?: string | null;
}

const MAX_RAW_TEXT = 300;

function asText(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/**
 * Reads an error body in any of the shapes the providers use: OpenAI's `{error: {message, type, code}}`,
 * DashScope's native `{code, message, request_id}`, a bare `{message}`, or a non-JSON page
 * (gateways answer with HTML), in which case the status line and the start of the text stand in.
 */
export function parseErrorBody(status: number, statusText: string, bodyText: string): ErrorDetails {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const requestId = asText(record.request_id);
    const details = detailsOf(record);
    if (details) return requestId ? { ...details, requestId } : details;
  }
  return { message: describeRawBody(status, statusText, bodyText), type: null, code: null };
}

function detailsOf(record: Record<string, unknown>): ErrorDetails | null {
  const nested = record.error;
  if (nested && typeof nested === 'object') {
    const error = nested as Record<string, unknown>;
    const message = asText(error.message);
    if (message) {
      return {
        message,
        type: asText(error.type),
        code: asText(error.code),
        param: asText(error.param),
      };
    }
  }
  if (typeof nested === 'string' && nested.trim() !== '') {
    return { message: nested, type: null, code: asText(record.code) };
  }
  const message = asText(record.message);
  if (message) return { message, type: asText(record.type), code: asText(record.code) };
  return null;
}

/**
 * Whether an error's message is that of a body that was not the API's error, as `describeRawBody` writes it (the status
 * line, then the body's text after a colon or in brackets): a gateway's, a proxy's or a web server's page answered
 * instead of the API.
 */
export function isRawBodyMessage(message: string): boolean {
  return /^HTTP \d{3}\b[^:(]*(?:: \S| \(\S)/.test(message);
}

/**
 * The status line, then what the page says besides: each piece of its text once, without those that repeat the status
 * (a page's title and heading usually do), so nginx's 502 page reads "HTTP 502 Bad Gateway (nginx)".
 */
function describeRawBody(status: number, statusText: string, bodyText: string): string {
  const pieces = bodyText
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '<>')
    .split(/<[^>]*>/)
    .map((piece) => piece.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  // Without a status text (HTTP/2 has none) the page's own, if short, stands in for it.
  const phrase = statusText || (new RegExp(`^${status} (.{1,40})$`).exec(pieces[0] ?? '')?.[1] ?? '');
  const statusLine = `HTTP ${status}${phrase ? ` ${phrase}` : ''}`;
  const seen = new Set([`${status}`, phrase, `${status} ${phrase}`].map((text) => text.toLowerCase()));
  const kept = pieces.filter((piece) => !seen.has(piece.toLowerCase()) && seen.add(piece.toLowerCase()));
  if (!pieces.length) return statusLine;
  if (!kept.length) return `${statusLine} (a page saying only that)`;
  // What is left after a repeated status, if short and last, is the server's name ("nginx", "cloudflare").
  if (kept.length < pieces.length && kept.length === 1 && kept[0] === pieces.at(-1) && kept[0].length <= 60) return `${statusLine} (${kept[0]})`;
  const text = kept.join(' ');
  const snippet = text.length > MAX_RAW_TEXT ? `${text.slice(0, MAX_RAW_TEXT)}…` : text;
  return `${statusLine}: ${snippet}`;
}
