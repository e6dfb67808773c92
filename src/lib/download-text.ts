import { errorFromResponse, serverUnreachable, type ApiError } from './api-error';

/** Saves what `href` points at as a file (named `filename`, or as its server names it) through a temporary link. */
function saveThroughLink(href: string, filename = '') {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  link.click();
}

/** Saves a blob as a file through a temporary link. */
export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  saveThroughLink(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves text as a file, so a text too long to read on the page is still there in full. */
export function downloadText(text: string, filename: string, type = 'text/plain') {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), filename);
}

/**
 * Downloads what the viewer's server makes at `path` (an export), as a link would, but only once the server has
 * answered it will: a link to an answer that fails (a snapshot revoked or expired since the page opened, a source
 * that refuses) downloads a broken file and says nothing on the page. Resolves to the server's refusal, or null once
 * the download has begun. The look ahead is ended as soon as its answer's status is known; the file comes from a
 * second request, which the browser saves as it streams in.
 */
export async function downloadFromServer(path: string): Promise<ApiError | null> {
  const ahead = new AbortController();
  let response: Response;
  try {
    response = await fetch(path, { signal: ahead.signal });
  } catch {
    return serverUnreachable();
  }
  if (!response.ok) return errorFromResponse(response);
  ahead.abort();
  saveThroughLink(path);
  return null;
}
