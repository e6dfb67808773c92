import { describe, expect, it } from 'vitest';
import { createMarkdownQueue } from './markdown-queue';
import type { FromMarkdownWorker } from './markdown-protocol';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the Markdown worker loop', () => {
  it('renders the newest request first, and skips one cancelled before its turn', async () => {
    const sent: FromMarkdownWorker[] = [];
    const queue = createMarkdownQueue((message) => sent.push(message));
    queue.receive({ type: 'render', id: 1, text: 'one', citations: [] });
    // The first starts at once; the rest wait, and the newest of them goes next.
    queue.receive({ type: 'render', id: 2, text: 'two', citations: [] });
    queue.receive({ type: 'render', id: 3, text: 'three', citations: [] });
    queue.receive({ type: 'render', id: 4, text: 'four', citations: [] });
    queue.receive({ type: 'cancel', id: 3 });
    for (let i = 0; i < 10 && queue.size > 0; i += 1) await settle();
    await settle();
    expect(sent.map((message) => message.id)).toEqual([1, 4, 2]);
    expect(sent.every((message) => 'tree' in message)).toBe(true);
  });
});
