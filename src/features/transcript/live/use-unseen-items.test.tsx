import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addChunk, addLiveChanges, EMPTY_STREAM, type StreamedItems } from '../data/streamed-items';
import { TranscriptIndex } from '../data/transcript-index';
import type { ItemKind } from '../lib/item-filter';
import type { ConversationItem } from '../types';
import { useUnseenItems } from './use-unseen-items';

const message = (id: string): ConversationItem => ({ id, type: 'message', role: 'assistant', status: 'completed', content: 'hi' });
const call = (id: string): ConversationItem => ({ id: `fc_${id}`, type: 'function_call', call_id: id, name: 'lookup', arguments: '{}', status: 'completed' });
const output = (id: string): ConversationItem => ({ id: `fco_${id}`, type: 'function_call_output', call_id: id, output: 'ok' });

function grown(hidden: ReadonlySet<ItemKind>) {
  const index = new TranscriptIndex();
  let state: StreamedItems = addChunk(EMPTY_STREAM, { head: [message('msg_1'), call('call_1'), output('call_1')], tail: [], done: true });
  index.sync(state);
  let version = 0;
  // The reader is away from the newest end.
  const hook = renderHook(({ v }) => useUnseenItems(index, v, false, hidden, null), { initialProps: { v: version } });
  const arrive = (...added: ConversationItem[]) => {
    state = addLiveChanges(state, { added, changed: [], removed: [] });
    index.sync(state);
    version += 1;
    hook.rerender({ v: version });
  };
  return { hook, arrive };
}

describe('useUnseenItems', () => {
  it('counts the new rows the reader would find, a call and its output once', () => {
    const { hook, arrive } = grown(new Set());
    arrive(message('msg_2'), call('call_2'), output('call_2'));
    expect(hook.result.current.unseen).toBe(2);
    act(() => hook.result.current.markSeen());
    expect(hook.result.current.unseen).toBe(0);
  });

  it('does not offer new items the kind filter hides', () => {
    const { hook, arrive } = grown(new Set<ItemKind>(['messages']));
    arrive(message('msg_2'), message('msg_3'));
    expect(hook.result.current.unseen).toBe(0);
    arrive(call('call_2'), output('call_2'));
    expect(hook.result.current.unseen).toBe(1);
  });
});
