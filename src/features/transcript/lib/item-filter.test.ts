import { describe, expect, it } from 'vitest';
import type { ConversationItem } from '../types';
import { itemKind } from './item-filter';

const items: ConversationItem[] = [
  { id: 'msg_1', type: 'message', role: 'user', content: 'Why is CI red?' },
  { id: 'fc_1', type: 'function_call', call_id: 'c1', name: 'read_file', arguments: '{"path":"src/app.ts"}' },
  { id: 'fco_1', type: 'function_call_output', call_id: 'c1', output: 'export const port = 3000' },
  { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Look at the port parsing.' }] },
  { id: 'ws_1', type: 'web_search_call', action: { type: 'search', query: 'node env types' } },
  { id: 'mcp_1', type: 'mcp_list_tools', server_label: 'github', tools: [] },
  { id: 'x_1', type: 'future_thing' },
];

describe('item filter', () => {
  it('sorts every item into messages, tools, reasoning or other', () => {
    expect(items.map(itemKind)).toEqual(['messages', 'tools', 'tools', 'reasoning', 'tools', 'tools', 'other']);
  });
});
