/** `decodeURIComponent`, except that a malformed escape (`%E0%A4%A`) leaves the text as it came instead of throwing. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
