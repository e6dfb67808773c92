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

/**
 * Checks an upstream body against what the spec requires. The answer passed on is the body as parsed, not the
 * checker's copy, so every other field (even one named `__proto__`) goes through untouched.
 */
export function checkShape(name: ShapeName, body: unknown): { ok: true; value: unknown } | { ok: false; problem: string } {
  const result = shapes[name].safeParse(body);
  if (!result.success) return { ok: false, problem: describeIssue(result.error.issues[0]) };
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
