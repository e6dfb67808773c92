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
const isNullishString = (value: unknown) => value === undefined || value === null || typeof value === 'string';
const isItem = (value: unknown) => {
  if (!isRecord(value)) return false;
  const { id, type } = value;
  return typeof type === 'string' && type.length > 0 && (id === undefined || (typeof id === 'string' && id.length > 0));
};

/**
 * The shapes' rules written out by hand, for the bodies that meet them: the zod shapes stay the contract, and explain
 * any body this does not accept. It accepts nothing they refuse (a test holds it to that); it runs on every page.
 */
export function meetsShape(name: ShapeName, body: unknown): boolean {
  if (!isRecord(body)) return false;
  if (name === 'item') return isItem(body);
  if (name === 'conversation') {
    const { id, object, created_at: createdAt, metadata } = body;
    return (
      typeof id === 'string' &&
      id.length > 0 &&
      (object === undefined || typeof object === 'string') &&
      (createdAt === undefined || createdAt === null || (typeof createdAt === 'number' && Number.isFinite(createdAt)) || typeof createdAt === 'string') &&
      (metadata === undefined || metadata === null || isRecord(metadata))
    );
  }
  const { data, has_more: hasMore, first_id: firstId, last_id: lastId } = body;
  if (!Array.isArray(data) || (hasMore !== undefined && typeof hasMore !== 'boolean') || !isNullishString(firstId) || !isNullishString(lastId)) return false;
  for (let index = 0; index < data.length; index += 1) if (!isItem(data[index])) return false;
  return true;
}

/**
 * Checks an upstream body against what the spec requires. The answer passed on is the body as parsed, not the
 * checker's copy, so every other field (even one named `__proto__`) goes through untouched.
 */
export function checkShape(name: ShapeName, body: unknown): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (!meetsShape(name, body)) {
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
