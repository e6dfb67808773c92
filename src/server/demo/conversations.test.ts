import { describe, expect, it, vi } from 'vitest';

const drawn = vi.hoisted(() => ({ images: 0 }));
vi.mock('./noise-png.ts', async (original) => {
  const actual = await original<typeof import('./noise-png.ts')>();
  return {
    ...actual,
    noisePng: (width: number, height: number) => {
      drawn.images += 1;
      return actual.noisePng(width, height);
    },
  };
});

describe('the demo conversations', () => {
  it('are listed without drawing their large values, which are drawn once, on first use', async () => {
    const { demoConversations, demoExamples } = await import('./conversations.ts');
    // A viewer without the demo source lists nothing of it, and one that lists the examples draws nothing either.
    expect(demoExamples.length).toBeGreaterThan(3);
    expect(drawn.images).toBe(0);

    const conversations = demoConversations();
    expect(drawn.images).toBeGreaterThan(0);
    const images = drawn.images;
    expect(demoConversations()).toBe(conversations);
    expect(drawn.images).toBe(images);
    // Each example counts the items its conversation has once drawn.
    expect(demoExamples.map((example) => example.itemCount)).toEqual(conversations.map((demo) => demo.items.length));
  });
});
