import { z } from 'zod';

// The spec makes `id` optional for some item types (custom_tool_call, custom_tool_call_output): only `type` is certain.
const item = z.looseObject({ id: z.string().min(1).optional(), type: z.string().min(1) });

const itemList = z.looseObject({
  data: z.array(item),
  has_more: z.boolean().optional(),
  first_id: z.string().nullish(),
  last_id: z.string().nullish(),
});

const conversation = z.looseObject({
  id: z.string().min(1),
  created_at: z.union([z.number(), z.string()]).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

export const shapes = { item, itemList, conversation } as const;
export type ShapeName = keyof typeof shapes;

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
  return `${path || 'the body'}: ${issue.message}`;
}

type ItemList = z.infer<typeof itemList>;

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
  return {
    ok: true,
    value: {
      ...list,
      object: 'list',
      has_more: list.has_more ?? false,
      first_id: list.first_id || list.data[0]?.id || null,
      last_id: list.last_id || list.data.at(-1)?.id || null,
    },
  };
}
