import { afterEach, describe, expect, it, vi } from 'vitest';
import { countTokensOffThread } from './count-tokens-off-thread';
import { itemTokens, loadTokenizer } from '../shared/items/token-counts';
import type { FromTokenCounter, ToTokenCounter } from './token-count-protocol';

const message = (id: string, text: string) => ({ id, type: 'message', role: 'user', content: [{ type: 'input_text', text }] });

/** A stand-in Worker: answers each batch with a count per text (its words), or fails as a broken script would. */
function fakeWorker(behaviour: 'count' | 'fail-to-start' | 'tokenizer-missing') {
  const sent: ToTokenCounter[] = [];
  let terminated = 0;
  class FakeWorker {
    onmessage: ((event: MessageEvent<FromTokenCounter>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    onmessageerror: (() => void) | null = null;
    postMessage(data: ToTokenCounter) {
      sent.push(data);
      setTimeout(() => {
        if (behaviour === 'fail-to-start') this.onerror?.({ message: 'script not found', preventDefault: () => {} } as ErrorEvent);
        else if (behaviour === 'tokenizer-missing') this.onmessage?.({ data: { id: data.id, error: 'chunk gone' } } as MessageEvent<FromTokenCounter>);
        else this.onmessage?.({ data: { id: data.id, counts: data.texts.map((text) => text.split(/\s+/).filter(Boolean).length) } } as MessageEvent<FromTokenCounter>);
      }, 0);
    }
    terminate() {
      terminated += 1;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return { sent, terminated: () => terminated };
}

afterEach(() => vi.unstubAllGlobals());

describe('counting an export\'s tokens off the page\'s thread', () => {
  it('sends only the items the page has not counted, in batches, and gives every item its count', async () => {
    const worker = fakeWorker('count');
    const known = message('msg_known', 'already counted');
    const long = Array.from({ length: 30 }, (_, n) => message(`msg_${n}`, `${'word '.repeat(5_000)}end`));
    const tokensOf = await countTokensOffThread([known, ...long], (item) => (item === known ? 7 : undefined));
    expect(tokensOf(known)).toBe(7);
    expect(long.map(tokensOf)).toEqual(long.map(() => 5_001));
    // The known item's text never went to the worker; the rest went in several messages, none of them huge.
    const texts = worker.sent.flatMap((batch) => batch.texts);
    expect(texts).toHaveLength(30);
    expect(worker.sent.length).toBeGreaterThan(1);
    expect(worker.terminated()).toBe(1);
  });

  it('starts no worker when the page has counted every item', async () => {
    const worker = fakeWorker('count');
    const items = [message('msg_a', 'a'), message('msg_b', 'b')];
    const tokensOf = await countTokensOffThread(items, () => 3);
    expect(items.map(tokensOf)).toEqual([3, 3]);
    expect(worker.sent).toEqual([]);
  });

  it('fails, so the export falls back to a size from length, when the worker cannot start or load the tokenizer', async () => {
    fakeWorker('fail-to-start');
    await expect(countTokensOffThread([message('msg_a', 'a b')])).rejects.toThrow('script not found');
    fakeWorker('tokenizer-missing');
    await expect(countTokensOffThread([message('msg_a', 'a b')])).rejects.toThrow('chunk gone');
  });

  it('counts with the tokenizer on this thread where there are no workers, as the page counts an item', async () => {
    const item = message('msg_a', 'The quick brown fox jumps over the lazy dog.');
    const tokensOf = await countTokensOffThread([item]);
    expect(tokensOf(item)).toBe(itemTokens(item, await loadTokenizer()));
  });
});
