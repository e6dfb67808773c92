import { describe, expect, it } from 'vitest';
import { isConversationId, isItemId } from './ids';

describe('isConversationId', () => {
  it.each(['conv_abc', 'conv_68f2a91c4be08190', 'conv_a-b_C9', `conv_${'a'.repeat(200)}`])('accepts %s', (id) => {
    expect(isConversationId(id)).toBe(true);
  });

  it.each(['', 'conv_', 'abc', 'CONV_abc', ' conv_abc', 'conv_a%2Fb', 'conv_a/b', 'conv_a.b', 'conv_..', 'conv_a b', 'conv_bad!id', `conv_${'a'.repeat(201)}`])(
    'rejects %j',
    (id) => {
      expect(isConversationId(id)).toBe(false);
    },
  );
});

describe('isItemId', () => {
  it.each(['msg_123', 'fc_1', 'a', 'A-b_c', 'a'.repeat(200)])('accepts %s', (id) => {
    expect(isItemId(id)).toBe(true);
  });

  it.each(['', '_msg', '-msg', 'msg.1', '..', 'msg 1', 'msg%2F1', 'msg/1', 'a'.repeat(201)])('rejects %j', (id) => {
    expect(isItemId(id)).toBe(false);
  });
});
