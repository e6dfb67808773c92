import { z } from 'zod';
import { SOURCE_KINDS } from '../contract/shapes.ts';

/** The version tag of the viewer's own JSON document; a reader refuses any other. */
export const EXPORT_FORMAT = 'conversation-viewer/1';

// Some item types (custom tool calls and their outputs) may come without an ID.
const item = z.looseObject({ id: z.string().min(1).optional(), type: z.string().min(1) });

const snapshotInfo = z.object({
  id: z.string(),
  title: z.string().nullable(),
  origin: z.enum(['source', 'file']),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  item_count: z.number(),
  excluded_count: z.number(),
  /** What the snapshot left out, by category (`items`, `tool_outputs`, `reasoning`, `images`, `encrypted`), and what it replaced, by kind. */
  left_out: z.record(z.string(), z.number()).optional(),
  replaced: z.record(z.string(), z.number()).optional(),
  /** The rules it was made with, so the download says why whole items went, as its page does. */
  rules: z.object({ roles: z.array(z.string()), types: z.array(z.string()), item_ids: z.number(), content: z.array(z.string()) }).partial().optional(),
  /** The run it was made from (`items`, `messages`, `tool_calls`, `reasoning`, `failures`): failures its rules hid are counted there. */
  original: z.record(z.string(), z.number()).optional(),
});

/**
 * The rules a download applied (the Share dialog's "Download instead"), known before its items are read: what it
 * leaves out (roles, item types, chosen items, content categories) and replaces (kinds, and how many terms). A
 * snapshot's export has its counts instead (`snapshot.left_out`).
 */
const downloadRules = z.object({
  roles: z.array(z.string()),
  types: z.array(z.string()),
  item_ids: z.number(),
  content: z.array(z.string()),
  kinds: z.array(z.string()),
  terms: z.number(),
});

/** What an export describes besides its items. */
export const exportMeta = z.object({
  title: z.string().nullable(),
  /** `kind` names the provider the source speaks to (older exports leave it out). */
  source: z.object({ id: z.string().nullable(), label: z.string().nullable(), kind: z.enum(SOURCE_KINDS).nullish() }),
  conversation: z.looseObject({ id: z.string().optional() }),
  exported_at: z.string(),
  snapshot: snapshotInfo.optional(),
  rules: downloadRules.optional(),
});

/** `{format, conversation, items, source, exported_at}`: the JSON export, which the viewer can open again. */
export const exportDocument = exportMeta.extend({
  format: z.literal(EXPORT_FORMAT),
  items: z.array(item),
});

export type ExportItem = z.infer<typeof item>;

/** An item's size in tokens, counted as the viewer counts it (see itemTokens). */
export type TokensOf = (item: ExportItem) => number;

/** What a format may use beyond the document: each item's token count, for a size counted as the viewer counts it. */
export interface ExportOptions {
  tokensOf?: TokensOf;
}
export type ExportMeta = z.infer<typeof exportMeta>;
export type DownloadRules = z.infer<typeof downloadRules>;
/** Where an export's conversation was read: the source's ID, label and kind (which names its provider). */
export type ExportSource = ExportMeta['source'];
/** What an export says it left out: a snapshot's (with its counts), or a download's rules. Neither for a plain export. */
export type ExportShared = Pick<ExportMeta, 'snapshot' | 'rules'>;
export type ExportDocument = z.infer<typeof exportDocument>;
