import type { ConversationItem } from '../contract/shapes.ts';
import type { SDK_ITEM_TYPES } from './sdk-item-types.ts';

export type ItemKind = 'messages' | 'tools' | 'reasoning' | 'other';
export type ItemTone = 'message' | 'tool' | 'reasoning' | 'generic';
type SdkItemType = (typeof SDK_ITEM_TYPES)[number];

export interface CatalogEntry {
  kind: ItemKind;
  /** What the reader calls an item of this type. */
  label: string;
  /** The badge and card colours (messages take theirs from the role). */
  tone: ItemTone;
  /** How it pairs: the field that holds the key, which half it is, and the type of the other half. */
  pair?: { key: 'call_id' | 'id' | 'approval_request_id'; side: 'call' | 'output'; partner: SdkItemType; ownRow?: true };
  /** The top-level fields that hold its readable text, in reading order. */
  textFields: readonly string[];
  /** Top-level fields that hold opaque blobs nobody searches for. */
  opaqueFields?: readonly string[];
  /**
   * Fields (dotted paths) a snapshot or download can leave out: what a call holds of its result, image data,
   * ciphertext, reasoning text. An output item (the answer half of a pair) is left out whole instead.
   */
  holds?: Partial<Record<HeldContent, readonly string[]>>;
}

/** The kinds of content an item can hold that a reader may want to leave out of what they share. */
export type HeldContent = 'outputs' | 'images' | 'ciphertext' | 'reasoning';

const call = (partner: SdkItemType) => ({ key: 'call_id', side: 'call', partner }) as const;
const output = (partner: SdkItemType) => ({ key: 'call_id', side: 'output', partner }) as const;
const tool = (label: string, textFields: readonly string[], extra: Partial<CatalogEntry> = {}): CatalogEntry => ({ kind: 'tools', label, tone: 'tool', textFields, ...extra });

/** One entry per item type of the SDK's union: everything the views, pairing, filter, search and copy know about a type. */
export const ITEM_CATALOG: Record<SdkItemType, CatalogEntry> = {
  message: { kind: 'messages', label: 'Message', tone: 'message', textFields: ['content'] },
  reasoning: { kind: 'reasoning', label: 'Reasoning', tone: 'reasoning', textFields: ['summary', 'content'], opaqueFields: ['encrypted_content'], holds: { reasoning: ['summary', 'content'], ciphertext: ['encrypted_content'] } },
  compaction: { kind: 'reasoning', label: 'Compaction', tone: 'generic', textFields: [], opaqueFields: ['encrypted_content'], holds: { ciphertext: ['encrypted_content'] } },
  configuration_update: { kind: 'other', label: 'Configuration update', tone: 'generic', textFields: [] },
  function_call: tool('Function call', ['arguments'], { pair: call('function_call_output') }),
  function_call_output: tool('Function output', ['output'], { pair: output('function_call') }),
  custom_tool_call: tool('Custom tool call', ['input'], { pair: call('custom_tool_call_output') }),
  custom_tool_call_output: tool('Custom tool output', ['output'], { pair: output('custom_tool_call') }),
  computer_call: tool('Computer action', ['action', 'actions'], { pair: call('computer_call_output') }),
  computer_call_output: tool('Computer screenshot', [], { pair: output('computer_call'), opaqueFields: ['output'], holds: { images: ['output.image_url'] } }),
  local_shell_call: tool('Local shell', ['action'], { pair: call('local_shell_call_output') }),
  local_shell_call_output: tool('Local shell output', ['output'], { pair: output('local_shell_call') }),
  shell_call: tool('Shell', ['action'], { pair: call('shell_call_output') }),
  shell_call_output: tool('Shell output', ['output'], { pair: output('shell_call') }),
  apply_patch_call: tool('Apply patch', ['operation'], { pair: call('apply_patch_call_output') }),
  apply_patch_call_output: tool('Patch result', ['output'], { pair: output('apply_patch_call') }),
  tool_search_call: tool('Tool search', ['arguments'], { pair: call('tool_search_output') }),
  tool_search_output: tool('Tools found', ['tools'], { pair: output('tool_search_call') }),
  program: tool('Program', ['code'], { pair: call('program_output') }),
  program_output: tool('Program output', ['result'], { pair: output('program') }),
  mcp_approval_request: tool('MCP approval request', ['arguments'], { pair: { key: 'id', side: 'call', partner: 'mcp_approval_response' } }),
  mcp_approval_response: tool('MCP approval', ['reason'], { pair: { key: 'approval_request_id', side: 'output', partner: 'mcp_approval_request', ownRow: true } }),
  web_search_call: tool('Web search', ['action'], { holds: { outputs: ['action.sources', 'results'] } }),
  file_search_call: tool('File search', ['queries', 'results'], { holds: { outputs: ['results'] } }),
  code_interpreter_call: tool('Code interpreter', ['code', 'outputs'], { holds: { outputs: ['outputs'] } }),
  image_generation_call: tool('Image generation', ['revised_prompt'], { opaqueFields: ['result'], holds: { outputs: ['result'], images: ['result'] } }),
  mcp_list_tools: tool('MCP tools', ['tools', 'error'], { holds: { outputs: ['tools', 'error'] } }),
  mcp_call: tool('MCP call', ['arguments', 'output', 'error'], { holds: { outputs: ['output', 'error'] } }),
  additional_tools: tool('Additional tools', ['tools']),
};

const UNKNOWN_TOOL_TYPE = /(_call|_output|^mcp_|^tool_search)/;

/** The same entries in a Map: a long run asks for them several times per item as it loads and lays out. */
const ENTRIES = new Map<string, CatalogEntry>(Object.entries(ITEM_CATALOG));

/** The entry for a type, or null for a type this viewer does not know. */
export function catalogEntry(type: string): CatalogEntry | null {
  return ENTRIES.get(type) ?? null;
}

/** The types that answer a call, each with the call type it answers. */
export const CALL_TYPE_OF: Record<string, SdkItemType> = Object.fromEntries(
  Object.entries(ITEM_CATALOG).flatMap(([type, entry]) => (entry.pair?.side === 'output' ? [[type, entry.pair.partner]] : [])),
);

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A type this viewer does not know still pairs by call_id, an `_output` suffix making it the answer. */
export function pairKey(item: ConversationItem): { key: string; side: 'call' | 'output' } | null {
  const pair = catalogEntry(item.type)?.pair;
  if (pair) {
    const key = text(item[pair.key]);
    return key ? { key, side: pair.side } : null;
  }
  const key = text(item.call_id);
  return key ? { key, side: item.type.endsWith('_output') ? 'output' : 'call' } : null;
}

export function itemKind(item: ConversationItem): ItemKind {
  const entry = catalogEntry(item.type);
  if (entry) return entry.kind;
  return UNKNOWN_TOOL_TYPE.test(item.type) || pairKey(item) ? 'tools' : 'other';
}

export function itemLabel(type: string): string {
  return catalogEntry(type)?.label ?? (type.slice(0, 60) || 'Item');
}

/** The fields whose text Copy copies; an unknown type offers the usual suspects. */
export function textFieldsOf(type: string): readonly string[] {
  return catalogEntry(type)?.textFields ?? ['content', 'text', 'arguments', 'input', 'output', 'result', 'error'];
}

/** An answer shown inside its call's row (when the call is loaded); an approval keeps its own place in the conversation. */
export function foldsIntoCall(type: string): boolean {
  const pair = catalogEntry(type)?.pair;
  return pair?.side === 'output' && !pair.ownRow;
}

/** An answer to a call, left out whole with the tool outputs; an approval is the reader's decision, not an output. */
export function isToolOutput(type: string): boolean {
  const pair = catalogEntry(type)?.pair;
  return pair ? pair.side === 'output' && !pair.ownRow : !Object.hasOwn(ITEM_CATALOG, type) && type.endsWith('_output');
}

/** Tool rows start as one line; messages and reasoning start open. */
export function collapsedByDefault(type: string): boolean {
  const entry = catalogEntry(type);
  return entry ? entry.kind === 'tools' : UNKNOWN_TOOL_TYPE.test(type);
}
