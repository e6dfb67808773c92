import type { z } from 'zod';
import { conversationShape, itemShape, upstreamItemListShape } from '../../shared/contract/shapes.ts';

export const shapes = { item: itemShape, itemList: upstreamItemListShape, conversation: conversationShape } as const;
export type ShapeName = keyof typeof shapes;

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
  return `${path || 'the body'}: ${issue.message}`;
}

type ItemList = z.infer<typeof upstreamItemListShape>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNullableString = (value: unknown) => value === undefined || value === null || typeof value === 'string';

/**
 * What `upstreamItemListShape` accepts, without the copy of every item that zod makes on the way: every page of a
 * long conversation passes here. Zod runs only when this says no, to name the problem.
 */
export function isItemList(body: unknown): boolean {
  if (!isRecord(body)) return false;
  const { data, has_more: hasMore, first_id: firstId, last_id: lastId } = body;
  if (!Array.isArray(data) || (hasMore !== undefined && typeof hasMore !== 'boolean') || !isNullableString(firstId) || !isNullableString(lastId)) return false;
  for (const item of data) {
    if (!isRecord(item)) return false;
    const { id, type } = item;
    if (typeof type !== 'string' || type === '' || (id !== undefined && (typeof id !== 'string' || id === ''))) return false;
  }
  return true;
}

/**
 * Checks an upstream body against what the spec requires. The answer passed on is the body as parsed, not the
 * checker's copy, so every other field (even one named `__proto__`) goes through untouched.
 */
export function checkShape(name: ShapeName, body: unknown): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (name !== 'itemList' || !isItemList(body)) {
    const result = shapes[name].safeParse(body);
    if (!result.success) return { ok: false, problem: describeIssue(result.error.issues[0]) };
  }
  if (name !== 'itemList') return { ok: true, value: body };
  // The SDK stops paging on an empty last_id, so always send it when there are items that have one.
  const list = body as ItemList;
  const hasMore = list.has_more ?? false;
  const firstId = list.first_id || list.data[0]?.id || null;
  const lastId = list.last_id || list.data.at(-1)?.id || null;
  // A complete page is passed on as it came, so its text need not be written again.
  if (list.object === 'list' && list.has_more === hasMore && list.first_id === firstId && list.last_id === lastId) return { ok: true, value: body };
  return { ok: true, value: { ...list, object: 'list', has_more: hasMore, first_id: firstId, last_id: lastId } };
}
