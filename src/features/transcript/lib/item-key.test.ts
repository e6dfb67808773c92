import { describe, expect, it } from 'vitest';
import { ITEM_ID_PATTERN } from '../../../lib/ids';
import { itemKey } from './item-key';

describe('itemKey', () => {
  it('is the id of an item that has one', () => {
    expect(itemKey({ id: 'ctc_1', type: 'custom_tool_call' }, 4)).toBe('ctc_1');
  });

  it('is the position of an item without one, never a possible id', () => {
    const keys = [0, 1, 2].map((index) => itemKey({ type: 'custom_tool_call_output', call_id: 'c1' }, index));
    expect(new Set(keys).size).toBe(3);
    expect(keys[1]).toBe(itemKey({ type: 'custom_tool_call', id: '' }, 1));
    for (const key of keys) expect(ITEM_ID_PATTERN.test(key)).toBe(false);
  });
});
