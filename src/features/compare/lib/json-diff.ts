import { stringifyJson } from '../../../lib/stringify-deep';
import { isJsonNode, WrittenNumber } from '../../../shared/items/written-number';
import { comparedNumber } from './fingerprint';

export interface JsonChange {
  /** Where in the value, e.g. `items[2].name`; empty for the value itself. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  a?: string;
  b?: string;
}

export interface JsonDiff {
  changes: JsonChange[];
  /** Leaves with the same value on both sides. */
  unchanged: number;
  /** More leaves than this diff looks at: the rest are left out. */
  truncated: boolean;
}

const MAX_LEAVES = 2000;
const MAX_DEPTH = 30;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => isJsonNode(value);

function leafText(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : value instanceof WrittenNumber ? comparedNumber(value) : stringifyJson(value);
  } catch {
    return String(typeof value);
  }
}

/** Every leaf of a JSON value by its path; an empty object or array, or anything too deep, is a leaf. */
function flatten(root: unknown): { leaves: Map<string, string>; truncated: boolean } {
  const leaves = new Map<string, string>();
  const stack: [string, unknown, number][] = [['', root, 0]];
  let truncated = false;
  while (stack.length > 0) {
    const [path, value, depth] = stack.pop()!;
    if (leaves.size >= MAX_LEAVES) {
      truncated = true;
      break;
    }
    const entries = isContainer(value) && depth < MAX_DEPTH ? (Array.isArray(value) ? value.map((child, i) => [`${path}[${i}]`, child] as const) : Object.keys(value).map((key) => [IDENTIFIER.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`, value[key]] as const)) : null;
    if (!entries || entries.length === 0) leaves.set(path, leafText(value));
    else for (let i = entries.length - 1; i >= 0; i -= 1) stack.push([entries[i][0], entries[i][1], depth + 1]);
  }
  return { leaves, truncated };
}

/** A structural diff of two JSON values: which paths were added, removed or changed, in the order of the first value. */
export function diffJson(a: unknown, b: unknown): JsonDiff {
  const left = flatten(a);
  const right = flatten(b);
  const changes: JsonChange[] = [];
  let unchanged = 0;
  for (const [path, value] of left.leaves) {
    const other = right.leaves.get(path);
    if (other === undefined) changes.push({ path, kind: 'removed', a: value });
    else if (other === value) unchanged += 1;
    else changes.push({ path, kind: 'changed', a: value, b: other });
  }
  for (const [path, value] of right.leaves) if (!left.leaves.has(path)) changes.push({ path, kind: 'added', b: value });
  return { changes, unchanged, truncated: left.truncated || right.truncated };
}
