import type { NewSnapshot } from '../api/snapshots';

export const EXPIRY_CHOICES = [
  { value: 'never', label: 'Never', days: null },
  { value: '1d', label: '1 day', days: 1 },
  { value: '7d', label: '7 days', days: 7 },
  { value: '30d', label: '30 days', days: 30 },
] as const;

export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]['value'];

/** Output items by type: what "leave out tool outputs" drops. */
export const TOOL_OUTPUT_TYPES = [
  'function_call_output',
  'custom_tool_call_output',
  'computer_call_output',
  'local_shell_call_output',
  'shell_call_output',
  'apply_patch_call_output',
  'tool_search_output',
  'program_output',
  'mcp_approval_response',
];

export interface ShareChoices {
  title: string;
  expiry: ExpiryChoice;
  leaveOutSystem: boolean;
  leaveOutReasoning: boolean;
  leaveOutToolOutputs: boolean;
  /** Item IDs typed or pasted, separated by commas, spaces or lines. */
  itemIds: string;
}

/** What to take a snapshot of: a conversation of a source, or a file this page opened. */
export type SnapshotTarget =
  | { kind: 'source'; source: string; conversationId: string }
  | { kind: 'file'; conversation: { id?: string }; items: readonly { id?: string; type: string }[] };

/** The dialog's choices as the request the server takes. */
export function snapshotRequest(target: SnapshotTarget, choices: ShareChoices, now = Date.now()): NewSnapshot {
  const days = EXPIRY_CHOICES.find((choice) => choice.value === choices.expiry)?.days ?? null;
  const roles = choices.leaveOutSystem ? ['system', 'developer'] : [];
  const types = [...(choices.leaveOutReasoning ? ['reasoning'] : []), ...(choices.leaveOutToolOutputs ? TOOL_OUTPUT_TYPES : [])];
  const itemIds = [...new Set(choices.itemIds.split(/[\s,]+/).filter(Boolean))];
  return {
    ...(target.kind === 'source' ? { source: target.source, conversation_id: target.conversationId } : { file: { conversation: target.conversation, items: target.items } }),
    ...(choices.title.trim() ? { title: choices.title.trim() } : {}),
    ...(days ? { expires_at: new Date(now + days * 86_400_000).toISOString() } : {}),
    exclude: { roles, types, item_ids: itemIds },
  };
}
