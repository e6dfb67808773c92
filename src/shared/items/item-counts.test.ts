import { describe, expect, it } from 'vitest';
import { countItem, countedKind, emptyCounts, turnNumbers } from './item-counts.ts';

const user = { type: 'message', role: 'user' };
const system = { type: 'message', role: 'system' };
const assistant = { type: 'message', role: 'assistant' };

describe('item counts', () => {
  it('counts a call and its output once, as a tool call, and a compaction by its own name', () => {
    const counts = emptyCounts();
    const items = [
      user,
      { type: 'function_call', name: 'read_file', call_id: 'a' },
      { type: 'function_call_output', call_id: 'a' },
      { type: 'mcp_approval_request', id: 'r' },
      { type: 'mcp_approval_response', approval_request_id: 'r', approve: true },
      { type: 'reasoning' },
      { type: 'compaction' },
    ];
    for (const item of items) countItem(counts, item, item.type === 'function_call_output');
    expect(counts.byKind).toEqual({ messages: 1, tools: 3, reasoning: 2, other: 0 });
    expect(Object.fromEntries(counts.byName.tools)).toEqual({ read_file: 1, 'MCP approval request': 1, 'MCP approval': 1 });
    expect(Object.fromEntries(counts.byName.reasoning)).toEqual({ Reasoning: 1, Compaction: 1 });
    expect(countedKind({ type: 'function_call_output', call_id: 'a' }, true)).toBeNull();
    countItem(counts, { type: 'reasoning' }, false, -1);
    expect(Object.fromEntries(counts.byName.reasoning)).toEqual({ Compaction: 1 });
  });

  it('counts an output whose call is not there as the tool call it stands for, and an approval on its own row', () => {
    expect(countedKind({ type: 'function_call_output', call_id: 'a' }, false)).toBe('tools');
    expect(countedKind({ type: 'mcp_approval_response', approval_request_id: 'r' }, true)).toBe('tools');
  });

  it('numbers turns from the first user message; what comes before it is turn 0', () => {
    expect(turnNumbers([system, user, assistant, user, assistant])).toEqual([0, 1, 1, 2, 2]);
  });
});
