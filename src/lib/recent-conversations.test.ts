import { describe, expect, it } from 'vitest';
import { forgetConversation, forgetRecent, readRecent, rememberConversation, restoreRecent } from './recent-conversations';

function memoryStore(initial?: string) {
  const data = new Map<string, string>(initial ? [['conversation-viewer:recent', initial]] : []);
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('recent conversations', () => {
  it('keeps the last ten opened, newest first, each once per source', () => {
    const store = memoryStore();
    for (let index = 0; index < 12; index += 1) rememberConversation({ conversationId: `conv_${index}`, source: 'demo', openedAt: index }, store);
    rememberConversation({ conversationId: 'conv_5', source: 'demo', openedAt: 99 }, store);
    rememberConversation({ conversationId: 'conv_5', source: 'openai', openedAt: 100 }, store);
    const recent = readRecent(store);
    expect(recent).toHaveLength(10);
    expect(recent.slice(0, 3).map((entry) => `${entry.source}/${entry.conversationId}`)).toEqual(['openai/conv_5', 'demo/conv_5', 'demo/conv_11']);
    forgetRecent(store);
    expect(readRecent(store)).toEqual([]);
  });

  it('puts back what a Clear took, beside what was opened since, newest first', () => {
    const store = memoryStore();
    for (let index = 0; index < 3; index += 1) rememberConversation({ conversationId: `conv_${index}`, source: 'demo', openedAt: index }, store);
    const cleared = readRecent(store);
    forgetRecent(store);
    rememberConversation({ conversationId: 'conv_1', source: 'demo', openedAt: 50 }, store);
    expect(restoreRecent(cleared, store).map((entry) => `${entry.conversationId}@${entry.openedAt}`)).toEqual(['conv_1@50', 'conv_2@2', 'conv_0@0']);
    expect(readRecent(store)).toHaveLength(3);
  });

  it('ignores corrupt or tampered storage', () => {
    expect(readRecent(memoryStore('not json'))).toEqual([]);
    expect(readRecent(memoryStore(JSON.stringify([{ conversationId: '<script>', source: 'demo', openedAt: 1 }, { conversationId: 'conv_ok', source: 'demo', openedAt: 2 }])))).toEqual([
      { conversationId: 'conv_ok', source: 'demo', openedAt: 2 },
    ]);
    expect(readRecent(null)).toEqual([]);
  });

  it('forgets one conversation of one source, and keeps the others in their order', () => {
    const store = memoryStore();
    for (const [conversationId, source] of [['conv_1', 'demo'], ['conv_2', 'demo'], ['conv_1', 'openai']]) rememberConversation({ conversationId, source, openedAt: 1 }, store);
    expect(forgetConversation({ conversationId: 'conv_1', source: 'demo' }, store).map((entry) => `${entry.source}/${entry.conversationId}`)).toEqual(['openai/conv_1', 'demo/conv_2']);
    expect(readRecent(store)).toHaveLength(2);
    forgetConversation({ conversationId: 'conv_1', source: 'openai' }, store);
    forgetConversation({ conversationId: 'conv_2', source: 'demo' }, store);
    expect(readRecent(store)).toEqual([]);
  });
});
