import type { Source } from '../sources/sources.ts';
import type { UpstreamResult } from './get-from-upstream.ts';

/** The base URL that answered, per source, once one has: from then on only that one is asked. */
const settled = new WeakMap<Source, string>();

/**
 * Asks the source's base URL, or the one that has worked before. While neither has worked yet, a 404 (the route
 * missing under that path, as DashScope's legacy path may be one day) is retried once under the other path.
 */
export async function withBaseUrlFallback(source: Source, attempt: (baseUrl: string) => Promise<UpstreamResult>): Promise<UpstreamResult> {
  const known = settled.get(source);
  if (known || !source.altBaseUrl) return attempt(known ?? source.baseUrl);
  const first = await attempt(source.baseUrl);
  if (first.ok) settled.set(source, source.baseUrl);
  if (first.ok || first.status !== 404) return first;
  const second = await attempt(source.altBaseUrl);
  if (second.ok) settled.set(source, source.altBaseUrl);
  return second.ok || second.status !== 404 ? second : first;
}
