import { describe, expect, it } from 'vitest';
import { demoConversations } from './conversations.ts';
import { longLine, loremText } from './filler-text.ts';

describe('filler text drawn at start', () => {
  it('is the same on every start, and as long as asked', () => {
    expect(loremText(1_000_000)).toBe(loremText(1_000_000));
    expect(loremText(1_000_000).length).toBeGreaterThanOrEqual(1_000_000);
    expect(loremText(1_000_000)).toMatch(/^\(Paragraph 1\) [A-Z]/);
    expect(loremText(1_000_000).endsWith('(End of the 1 MB message.)')).toBe(true);
    expect(longLine(200_000)).toHaveLength(200_000);
    expect(longLine(200_000)).not.toMatch(/\s/);
  });

  it('fills the hostile demo, whose file holds only where and how long', () => {
    const hostile = demoConversations().find((demo) => demo.conversation.id.includes('hostile'))!;
    const texts = hostile.items.flatMap((item) => ('content' in item && Array.isArray(item.content) ? item.content : [])).map((part: { text?: unknown }) => part.text);
    expect(texts.some((text) => typeof text === 'string' && text.length >= 1_000_000 && text.startsWith('(Paragraph 1)'))).toBe(true);
    expect(texts.some((text) => typeof text === 'string' && text.length === 200_000 && text.startsWith('LONGLINE-'))).toBe(true);
    expect(texts.every((text) => text === undefined || typeof text === 'string')).toBe(true);
  });
});
