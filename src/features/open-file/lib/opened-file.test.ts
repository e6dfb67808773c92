import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PostedMessage } from './file-messages';
import { openLocalFile } from './opened-file';

/** A reading worker that answers with `answers`, then with a message the page cannot rebuild. */
function workerThatLoses(answers: PostedMessage[]) {
  class FakeWorker {
    onmessage: ((event: { data: PostedMessage }) => void) | null = null;
    onmessageerror: (() => void) | null = null;
    onerror: (() => void) | null = null;
    postMessage() {
      queueMicrotask(() => {
        for (const data of answers) this.onmessage?.({ data });
        this.onmessageerror?.();
      });
    }
    terminate() {}
  }
  vi.stubGlobal('Worker', FakeWorker);
}

afterEach(() => vi.unstubAllGlobals());

const file = () => new File(['[]'], 'run.json', { type: 'application/json' });

describe('opening a file read in a worker', () => {
  it('says it could not be read when the worker’s answer cannot be rebuilt on the page, instead of reading for ever', async () => {
    workerThatLoses([]);
    expect(await openLocalFile(file())).toEqual({ ok: false, message: '“run.json” could not be read.' });
  });

  it('keeps the rows already shown, and says the rest stopped, when a later answer cannot be rebuilt', async () => {
    const item = { id: 'msg_1', type: 'message', role: 'user', content: 'hi' };
    workerThatLoses([{ type: 'first', conversation: { id: 'conv_1' }, source: null, total: 2, items: [item] }]);
    const opened = await openLocalFile(file());
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.file.items).toEqual([item]);
    expect(opened.file.arriving.failure).toBe("The browser stopped reading the file after 1 item; what came before is shown.");
  });
});
