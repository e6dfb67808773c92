import { describe, expect, it } from 'vitest';
import type { ConversationItem } from '../types';
import { countKinds, filterItems, itemKind } from './item-filter';

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
    expect(countKinds(items)).toEqual({ messages: 1, tools: 4, reasoning: 1, other: 1 });
  });

  it('returns the same list when nothing is filtered', () => {
    expect(filterItems(items, { hidden: new Set(), query: '  ' })).toBe(items);
  });

  it('hides kinds and finds text in content, arguments, outputs, names and ids, ignoring case', () => {
    const ids = (filter: Parameters<typeof filterItems>[1]) => filterItems(items, filter).map((item) => item.id);
    expect(ids({ hidden: new Set(['tools']), query: '' })).toEqual(['msg_1', 'rs_1', 'x_1']);
    expect(ids({ hidden: new Set(), query: 'PORT' })).toEqual(['fco_1', 'rs_1']);
    expect(ids({ hidden: new Set(), query: 'src/app.ts' })).toEqual(['fc_1']);
    expect(ids({ hidden: new Set(), query: 'github' })).toEqual(['mcp_1']);
    expect(ids({ hidden: new Set(['reasoning']), query: 'port' })).toEqual(['fco_1']);
  });
});
