import { z } from 'zod';

const names = z.array(z.string().min(1).max(100)).max(100);

/** What to leave out of a snapshot: message roles, item types and single items. */
export const exclusionSchema = z.strictObject({
  roles: names.optional(),
  types: names.optional(),
  item_ids: z.array(z.string().min(1).max(200)).max(100_000).optional(),
});

export type Exclusion = z.infer<typeof exclusionSchema>;

/** A predicate that is true for every item the snapshot must not hold. */
export function excluder(exclusion: Exclusion = {}) {
  const roles = new Set(exclusion.roles);
  const types = new Set(exclusion.types);
  const ids = new Set(exclusion.item_ids);
  return (item: { id?: string; type: string; role?: unknown }) =>
    (item.id !== undefined && ids.has(item.id)) || types.has(item.type) || (typeof item.role === 'string' && roles.has(item.role));
}
