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
    // The cancelled one is answered at once as skipped, so the page forgets it.
    expect(sent.map((message) => [message.id, 'tree' in message ? 'tree' : 'dropped' in message ? 'dropped' : 'error'])).toEqual([
      [3, 'dropped'],
      [1, 'tree'],
      [4, 'tree'],
      [2, 'tree'],
    ]);
  });
});
