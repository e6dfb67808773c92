/**
 * A message as posted to or from a worker: as it is where a structured clone takes it, else (a value nested thousands
 * of levels deep) its fields as JSON text, which parses at any depth, beside the fields `kept` out of it (see
 * post-as-json.ts, apart so that a page that only receives does not load the writer).
 */
export type PostedAsJson<T, K extends keyof T> = T | (Pick<T, K> & { json: string });

/** The message a posted one stands for. */
export function receivedAsJson<T extends object, K extends keyof T>(posted: PostedAsJson<T, K>): T {
  if (!('json' in posted)) return posted as T;
  const { json, ...outside } = posted as { json: string };
  return { ...(JSON.parse(json) as object), ...outside } as T;
}
