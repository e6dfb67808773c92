const MAX_RAW_TEXT = 300;

/**
 * The status line, then what the page says besides: each piece of its text once, without those that repeat the status
 * (a page's title and heading usually do), so nginx's 502 page reads "HTTP 502 Bad Gateway (nginx)".
 */
export function describeErrorPage(status: number, statusText: string, bodyText: string): string {
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
