/**
 * Every item type of the `openai` SDK's ConversationItem union: each has a dedicated view. The SDK the project
 * installs (6.x, the newest that supports Node 20) is checked at compile time; `configuration_update` joined the
 * union in 7.x.
 */
export const SDK_ITEM_TYPES = [
  'message',
  'function_call',
  'function_call_output',
  'custom_tool_call',
  'custom_tool_call_output',
  'reasoning',
  'web_search_call',
  'file_search_call',
  'code_interpreter_call',
  'image_generation_call',
  'computer_call',
  'computer_call_output',
  'local_shell_call',
  'local_shell_call_output',
  'shell_call',
  'shell_call_output',
  'apply_patch_call',
  'apply_patch_call_output',
  'mcp_list_tools',
  'mcp_approval_request',
  'mcp_approval_response',
  'mcp_call',
  'tool_search_call',
  'tool_search_output',
  'additional_tools',
  'program',
  'program_output',
  'compaction',
  'configuration_update',
] as const;
