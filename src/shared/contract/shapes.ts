import { z } from 'zod';

/** An item as the API sends it: only `type` is certain (the spec lets custom tool calls and outputs go without `id`). */
export const itemShape = z.looseObject({ id: z.string().min(1).optional(), type: z.string().min(1) });
export type ConversationItem = z.infer<typeof itemShape>;

/** A page of items as an upstream sends it: the cursors may be missing, the viewer fills them in. */
export const upstreamItemListShape = z.looseObject({
  data: z.array(itemShape),
  has_more: z.boolean().optional(),
  first_id: z.string().nullish(),
  last_id: z.string().nullish(),
});

/** A page of items as the viewer answers it: always with `last_id` when an item has an ID, which the SDKs page by. */
export const itemPageShape = z.object({
  object: z.literal('list'),
  data: z.array(itemShape),
  first_id: z.string().nullable(),
  last_id: z.string().nullable(),
  has_more: z.boolean(),
});
export type ItemPage = z.infer<typeof itemPageShape>;

/** `created_at` is seconds on OpenAI and milliseconds on DashScope; readers normalise it by magnitude. */
export const conversationShape = z.looseObject({
  id: z.string().min(1),
  object: z.string().optional(),
  created_at: z.union([z.number(), z.string()]).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type Conversation = z.infer<typeof conversationShape>;

export const SOURCE_KINDS = ['demo', 'dashscope', 'openai', 'azure', 'compatible'] as const;

/** What the browser may know of a source: never its key or its upstream URL. */
export const publicSourceShape = z.object({ id: z.string(), label: z.string(), kind: z.enum(SOURCE_KINDS) });
export type PublicSource = z.infer<typeof publicSourceShape>;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const demoExampleShape = z.object({ id: z.string(), title: z.string(), description: z.string(), itemCount: z.number() });
export type DemoExample = z.infer<typeof demoExampleShape>;

/** GET /api/sources. */
export const sourcesAnswerShape = z.object({
  sources: z.array(publicSourceShape),
  defaultSource: z.string().nullable(),
  /** `ask`: remote images in conversations load only after a click. Older servers leave it out: `load`. */
  remoteImages: z.enum(['load', 'ask']).optional(),
  /** Who can read snapshots on this viewer; `off` means none can be made. */
  snapshots: z.enum(['public', 'private', 'off']).optional(),
});
export type SourcesAnswer = z.infer<typeof sourcesAnswerShape>;

/** GET /api/demo-examples: the demo conversations the home page offers (none when the demo source is hidden). */
export const demoExamplesAnswerShape = z.object({ examples: z.array(demoExampleShape) });
export type DemoExamplesAnswer = z.infer<typeof demoExamplesAnswerShape>;
