import { describe, expect, it } from 'vitest';
import type { ConversationItem } from '../types';
import { CALL_TYPE_OF, catalogEntry, foldsIntoCall, ITEM_CATALOG, itemKind, itemLabel, pairKey } from '../../../shared/items/item-catalog';
import { itemText } from './item-text';

const items: ConversationItem[] = [
  { id: 'msg_1', type: 'message', role: 'user', content: 'Why is CI red?' },
  { id: 'fc_1', type: 'function_call', call_id: 'c1', name: 'read_file', arguments: '{"path":"src/app.ts"}' },
  { id: 'fco_1', type: 'function_call_output', call_id: 'c1', output: 'export const port = 3000' },
  { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Look at the port parsing.' }] },
  { id: 'ws_1', type: 'web_search_call', action: { type: 'search', query: 'node env types' } },
  { id: 'mcp_1', type: 'mcp_list_tools', server_label: 'github', tools: [] },
  { id: 'x_1', type: 'future_thing' },
];

describe('item kinds', () => {
  it('sorts every item into messages, tools, reasoning or other', () => {
    expect(items.map(itemKind)).toEqual(['messages', 'tools', 'tools', 'reasoning', 'tools', 'tools', 'other']);
  });

  it('knows no type by the name of an object property', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(catalogEntry(type)).toBeNull();
      expect(itemKind({ id: 'x', type })).toBe('other');
      expect(itemLabel(type)).toBe(type);
    }
    expect(catalogEntry('function_call')).toBe(ITEM_CATALOG.function_call);
  });
});

describe('item catalog', () => {
  it('pairs every call type with an output type that points back at it', () => {
    for (const [type, entry] of Object.entries(ITEM_CATALOG)) {
      if (!entry.pair) continue;
      const partner = ITEM_CATALOG[entry.pair.partner].pair;
      expect(partner?.partner).toBe(type);
      expect(partner?.side).not.toBe(entry.pair.side);
    }
    expect(CALL_TYPE_OF.function_call_output).toBe('function_call');
  });

  it('pairs an approval response by the request ID, and keeps it in its own row', () => {
    expect(pairKey({ id: 'mcpr_1', type: 'mcp_approval_request' })).toEqual({ key: 'mcpr_1', side: 'call' });
    expect(pairKey({ id: 'mcpa_1', type: 'mcp_approval_response', approval_request_id: 'mcpr_1' })).toEqual({ key: 'mcpr_1', side: 'output' });
    expect(foldsIntoCall('mcp_approval_response')).toBe(false);
    expect(foldsIntoCall('function_call_output')).toBe(true);
    expect(foldsIntoCall('function_call')).toBe(false);
  });

  it('pairs a type it does not know by call_id', () => {
    expect(pairKey({ id: 'x', type: 'future_call_output', call_id: 'c9' })).toEqual({ key: 'c9', side: 'output' });
    expect(itemLabel('future_call_output')).toBe('future_call_output');
  });

  it('copies the text from the fields the catalog names', () => {
    expect(itemText({ id: 'fc', type: 'function_call', name: 'f', arguments: '{"a":1}' })).toBe('{"a":1}');
    expect(itemText({ id: 'sh', type: 'shell_call', action: { commands: ['ls -la', 'pwd'] } })).toBe('ls -la\n\npwd');
    expect(itemText({ id: 'm', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] })).toBe('Hi');
  });
});
