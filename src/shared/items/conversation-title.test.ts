import { describe, expect, it } from 'vitest';
import { conversationTitle } from './conversation-title';

describe('conversationTitle', () => {
  it('prefers a metadata title, name or topic', () => {
    expect(conversationTitle({ metadata: { topic: 'Refund for order 1234' } }, 'hello')).toBe('Refund for order 1234');
    expect(conversationTitle({ metadata: { title: '  ', name: 'Nightly eval' } }, 'hello')).toBe('Nightly eval');
  });

  it('else takes the first ten words of the first user message, on one line', () => {
    expect(conversationTitle({ metadata: {} }, 'Why is CI\nred on main since this morning, can you look at it please?')).toBe('Why is CI red on main since this morning, can…');
    expect(conversationTitle(undefined, 'Short question')).toBe('Short question');
  });

  it('leaves out control and direction characters, and holds a title to 200 characters', () => {
    expect(conversationTitle(undefined, 'hi\u0000there \u202Egnp.exe')).toBe('hi there gnp.exe');
    const long = conversationTitle({ metadata: { title: `${'𝒜'.repeat(300)}` } }, null)!;
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('𝒜…')).toBe(true);
  });

  it('is null when there is neither', () => {
    expect(conversationTitle({ metadata: null }, null)).toBeNull();
    expect(conversationTitle(undefined, '   ')).toBeNull();
    expect(conversationTitle({ metadata: { title: '\u0000' } }, null)).toBeNull();
  });
});
