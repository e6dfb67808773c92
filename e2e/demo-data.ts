import { readFileSync } from 'node:fs';

interface DemoFile {
  conversation: { id: string };
  items: { id: string; type: string; call_id?: string }[];
}

export function demo(name: string): DemoFile {
  return JSON.parse(readFileSync(new URL(`../src/server/demo/conversations/${name}.json`, import.meta.url), 'utf8')) as DemoFile;
}

/** The rows a transcript of these items shows: an output whose call is among them shows inside the call's row. */
export function rowCount(items: readonly { type: string; call_id?: unknown }[]): number {
  const calls = new Set(items.filter((item) => !item.type.endsWith('_output')).map((item) => item.call_id));
  return items.filter((item) => !(item.type.endsWith('_output') && item.call_id && calls.has(item.call_id))).length;
}
