export type LogWriter = (line: string) => void;

export interface AccessEntry {
  method: string;
  url: string;
  status: number;
  durationMs: number;
  /** The viewer's own id for the request (`x-viewer-request-id`) and the upstream's (`x-request-id`), when there is one. */
  requestId?: string | null;
  upstreamRequestId?: string | null;
}

const MAX_PATH = 300;

/** The path, and the names of query parameters but never their values: a value might be a secret. */
function loggablePath(url: string): { path: string; query?: string[] } {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://viewer.invalid');
  } catch {
    return { path: '(unparsable)' };
  }
  const path = parsed.pathname.length > MAX_PATH ? `${parsed.pathname.slice(0, MAX_PATH)}…` : parsed.pathname;
  const query = [...new Set(parsed.searchParams.keys())].slice(0, 20).map((key) => key.slice(0, 40));
  return query.length > 0 ? { path, query } : { path };
}

export function accessLogLine({ method, url, status, durationMs, requestId, upstreamRequestId }: AccessEntry): string {
  return JSON.stringify({
    time: new Date().toISOString(),
    level: 'info',
    msg: 'request',
    method: method.slice(0, 16),
    ...loggablePath(url),
    status,
    durationMs: Math.round(durationMs * 10) / 10,
    ...(requestId ? { requestId } : {}),
    // Without an upstream answer, x-request-id carries the viewer's own id: one field says it.
    ...(upstreamRequestId && upstreamRequestId !== requestId ? { upstreamRequestId } : {}),
  });
}

export const stdoutLog: LogWriter = (line) => {
  process.stdout.write(`${line}\n`);
};
