/** "740 B", "2.4 KB", "1.2 MB": a size in characters or bytes. */
export function formatSize(chars: number): string {
  if (chars < 1000) return `${chars} B`;
  return chars < 1_000_000 ? `${(chars / 1000).toFixed(1)} KB` : `${(chars / 1_000_000).toFixed(1)} MB`;
}

/**
 * How many bytes a base64 value or data URL holds once decoded: its base64 length × 3/4, less the padding, line
 * breaks left out. Text that is not base64 (a data URL that is not base64, a value with other characters) is its own
 * length. One pass over character codes, no regular expression.
 */
export function decodedSize(text: string): number {
  let start = 0;
  if (text.startsWith('data:')) {
    const comma = text.indexOf(',');
    if (comma < 0) return text.length;
    start = comma + 1;
    if (!text.slice(0, comma).endsWith(';base64')) return text.length - start;
  }
  let symbols = 0;
  for (let i = start; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 61) continue;
    const base64 = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 45 || c === 95;
    if (!base64) return text.length - start;
    symbols += 1;
  }
  return Math.floor((symbols * 3) / 4);
}
