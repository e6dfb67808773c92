import { z } from 'zod';
import { MAX_TERM_LENGTH, MAX_TERMS, REDACT_KINDS } from '../../shared/snapshots/pseudonyms.ts';
import { CONTENT_CATEGORIES } from '../../shared/snapshots/share-filter.ts';

const names = z.array(z.string().min(1).max(100)).max(100);

const oneOf = <const T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, {
    error: (issue) => `unknown ${what} '${String(issue.input).slice(0, 40)}'; expected ${values.slice(0, -1).join(', ')} or ${values.at(-1)}`,
  });

/** What to leave out: message roles, item types, single items, and content inside items wherever it sits. */
export const exclusionSchema = z.strictObject({
  roles: names.optional(),
  types: names.optional(),
  item_ids: z.array(z.string().min(1).max(200)).max(100_000).optional(),
  content: z.array(oneOf('content category', CONTENT_CATEGORIES)).max(CONTENT_CATEGORIES.length * 2).optional(),
});

/** What to replace with numbered pseudonyms: kinds of personal data and secrets, and literal terms. */
export const redactionSchema = z.strictObject({
  kinds: z.array(oneOf('redaction kind', REDACT_KINDS)).max(REDACT_KINDS.length * 2).optional(),
  terms: z
    .array(z.string().max(MAX_TERM_LENGTH, `a term is at most ${MAX_TERM_LENGTH} characters`))
    .max(MAX_TERMS, `at most ${MAX_TERMS} terms`)
    .optional(),
});

/** The rules part of a snapshot, preview or download body. */
export const shareRulesShape = { exclude: exclusionSchema.optional(), redact: redactionSchema.optional() };
