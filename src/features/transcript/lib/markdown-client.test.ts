import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromMarkdownWorker, ToMarkdownWorker } from './markdown-protocol';
import type { MarkdownTree } from './markdown-tree';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** A stand-in worker that records what the page posts and answers when told to. */
function stubWorker() {
  const posted: ToMarkdownWorker[] = [];
  const instances: { onmessage: ((event: MessageEvent<FromMarkdownWorker>) => void) | null }[] = [];
  vi.stubGlobal(
    'Worker',
    class {
      onmessage: ((event: MessageEvent<FromMarkdownWorker>) => void) | null = null;
      onerror: (() => void) | null = null;
      constructor() {
        instances.push(this);
      }
      postMessage(message: ToMarkdownWorker) {
        posted.push(message);
      }
      terminate() {}
    },
  );
  return { posted, answer: (message: FromMarkdownWorker) => instances.at(-1)?.onmessage?.({ data: message } as MessageEvent<FromMarkdownWorker>) };
}

const tree = (text: string): MarkdownTree => ({ type: 'root', children: [{ type: 'text', value: text }] });

describe('the page’s side of the Markdown worker', () => {
  it('keeps a tree that comes back after its row has gone, so the row shows it at once when it returns', async () => {
    const worker = stubWorker();
    const client = await import('./markdown-client');
    const request = client.requestMarkdownTree('late', 'late', []);
    request.cancel();
    expect(worker.posted.map((message) => message.type)).toEqual(['render', 'cancel']);
    worker.answer({ id: worker.posted[0].id, tree: tree('late') });
    expect(client.cachedMarkdownTree('late')).toEqual(tree('late'));
  });

  it('forgets a text the worker skipped, and answers a row that is still there', async () => {
    const worker = stubWorker();
    const client = await import('./markdown-client');
    const skipped = client.requestMarkdownTree('skipped', 'skipped', []);
    skipped.cancel();
    worker.answer({ id: worker.posted[0].id, dropped: true });
    expect(client.cachedMarkdownTree('skipped')).toBeUndefined();
    const shown = client.requestMarkdownTree('shown', 'shown', []);
    worker.answer({ id: worker.posted.at(-1)!.id, tree: tree('shown') });
    await expect(shown.promise).resolves.toEqual(tree('shown'));
  });
});

describe('markdownKey', () => {
  it('never gives a text without citations the key of one with them', async () => {
    const { markdownKey } = await import('./markdown-client');
    const citations = [{ number: 1, kind: 'url' as const, label: 'A', href: 'https://a.example', at: 4 }];
    const cited = markdownKey('text', citations);
    expect(markdownKey(`${JSON.stringify(citations)}\u0000text`, [])).not.toBe(cited);
    expect(markdownKey('text', [])).not.toBe(cited);
  });
});
