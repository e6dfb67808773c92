import { describe, expect, it } from 'vitest';
import { conversationExportPath, itemPath, itemStreamPath, snapshotItemsPath, withQuery } from './api-paths';

describe('API paths', () => {
  it('encode every segment, so an ID cannot step into another path', () => {
    expect(itemPath('demo', 'conv_1', '../x?y')).toBe('/api/sources/demo/conversations/conv_1/items/..%2Fx%3Fy');
    expect(conversationExportPath('a/b', 'conv_1')).toBe('/api/sources/a%2Fb/conversations/conv_1/export');
    expect(snapshotItemsPath('s#1')).toBe('/api/snapshots/s%231/items');
  });

  it('leave out an empty query', () => {
    expect(withQuery(itemStreamPath('demo', 'conv_1'), new URLSearchParams())).toBe('/api/sources/demo/conversations/conv_1/stream');
    expect(withQuery(itemStreamPath('demo', 'conv_1'), new URLSearchParams({ head_after: 'msg_1' }))).toBe('/api/sources/demo/conversations/conv_1/stream?head_after=msg_1');
  });

  it('keep the query where URLSearchParams has no size (Safari before 17, Chrome before 113)', () => {
    const query = new URLSearchParams({ head_after: 'msg_1', tail_after: 'msg_9' });
    Object.defineProperty(query, 'size', { value: undefined });
    expect(withQuery('/api/x/stream', query)).toBe('/api/x/stream?head_after=msg_1&tail_after=msg_9');
  });
});
