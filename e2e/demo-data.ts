import { readFileSync } from 'node:fs';

interface DemoFile {
  conversation: { id: string };
  items: { id: string; type: string }[];
}

export function demo(name: string): DemoFile {
  return JSON.parse(readFileSync(new URL(`../src/server/demo/conversations/${name}.json`, import.meta.url), 'utf8')) as DemoFile;
}
