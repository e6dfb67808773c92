import { describe, expect, it } from 'vitest';
import { conversationTitle } from './conversation-title';

describe('conversationTitle', () => {
  it('prefers a metadata title, name or topic', () => {
    expect(conversationTitle({ metadata: { topic: 'Refund for order 1234' } }, 'hello')).toBe('Refund for order 1234');
    expect(conversationTitle({ metadata: { title: '  ', name: 'Nightly eval' } }, 'hello')).toBe('Nightly eval');
  });

  it('else takes the first sentence of the first user message, on one line, when it is short; else its first ten words', () => {
    expect(conversationTitle({ metadata: {} }, 'Why is CI\nred on main since this morning, can you look at it please?')).toBe('Why is CI red on main since this morning, can you look at it please?');
    expect(conversationTitle(undefined, 'CI on main has been red since this morning (run #4182). Can you find out why?')).toBe('CI on main has been red since this morning (run #4182)');
    expect(conversationTitle(undefined, 'Short question')).toBe('Short question');
    expect(conversationTitle(undefined, 'Please read every file in the repository and tell me which of them still import the old client and why')).toBe('Please read every file in the repository and tell me…');
    // A greeting is not a title: the sentences after it come with it, or the first ten words.
    expect(conversationTitle(undefined, "Hi! I'm off to Penang in December. Where should we stay?")).toBe("Hi! I'm off to Penang in December");
    expect(conversationTitle(undefined, 'Hi! Could you read every file in the repository and list the ones that still import the old client?')).toBe('Hi! Could you read every file in the repository and…');
    // A full stop inside a word (a version, a file name) does not end the sentence.
    expect(conversationTitle(undefined, 'Bump node to 22.1 in app.ts and rerun all of the failing tests on the branch please')).toBe('Bump node to 22.1 in app.ts and rerun all of…');
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
