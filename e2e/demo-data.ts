import { readFileSync } from 'node:fs';
import { foldsIntoCall } from '../src/shared/items/item-catalog.ts';
import { pairInOrder } from '../src/shared/items/tool-pairs.ts';

interface DemoFile {
  conversation: { id: string };
  items: { id: string; type: string; call_id?: string }[];
}

export function demo(name: string): DemoFile {
  return JSON.parse(readFileSync(new URL(`../src/server/demo/conversations/${name}.json`, import.meta.url), 'utf8')) as DemoFile;
}

/** The rows a transcript of these items shows: an output that answers a call among them shows inside the call's row. */
export function rowCount(items: readonly { type: string; call_id?: unknown }[]): number {
  const partners = pairInOrder(items);
  return items.filter((item, index) => !(partners[index] >= 0 && foldsIntoCall(item.type))).length;
}
