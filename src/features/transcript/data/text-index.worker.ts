import { inTask } from '../../../lib/work-in-slices';
import { TextIndexCore, type ToTextIndex } from './text-index-core';
import { loadTokenizer } from './token-counts';

/** Items counted per turn of the worker's loop, so a query that arrives meanwhile waits at most one batch. */
const BATCH = 200;

const core = new TextIndexCore((message) => self.postMessage(message));
let scheduled = false;
let tokenizer: Promise<void> | null = null;

function pump() {
  scheduled = false;
  // The tokenizer (a megabyte) loads once there is something to count: not while a run's pages still pour in.
  if (core.needsTokenizer) {
    // Not tried again: the page says it could not be loaded, and a reload tries again.
    tokenizer ??= loadTokenizer().then(
      (count) => {
        core.setTokenizer(count);
        schedule();
      },
      (error: unknown) => core.tokenizerFailed(error),
    );
  }
  if (core.countSome(BATCH)) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  inTask(pump);
}

self.onmessage = (event: MessageEvent<ToTextIndex>) => {
  core.receive(event.data);
  schedule();
};

