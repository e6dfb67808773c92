export interface PolicyOptions {
  /** Dev only: Vite's dev server injects inline scripts and styles, allowed by this nonce. */
  nonce?: string;
  /** Inline style blocks allowed by their hash (the sign-in page's), for the one answer that has them. */
  styleHashes?: readonly string[];
}

/** The policy for every response: no inline script, the viewer itself as the only API, images from https. */
export function contentSecurityPolicy({ nonce, styleHashes = [] }: PolicyOptions = {}): string {
  const inline = nonce ? ` 'nonce-${nonce}'` : '';
  const hashes = styleHashes.map((hash) => ` ${hash}`).join('');
  return [
    "default-src 'self'",
    `script-src 'self'${inline}`,
    `style-src 'self'${inline}${hashes}`,
    "img-src 'self' https: data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: PolicyOptions = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    // Conversation IDs are in page URLs; image hosts must not see them.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
}
