import { inTask } from '../../../lib/work-in-slices';
import { TextIndexCore, type ToTextIndex } from './text-index-core';
import { loadTokenizer } from './token-counts';

/** Items counted per turn of the worker's loop, so a query that arrives meanwhile waits at most one batch. */
const BATCH = 200;

const core = new TextIndexCore((message) => self.postMessage(message));
let scheduled = false;

function pump() {
  scheduled = false;
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

void loadTokenizer().then((count) => {
  core.setTokenizer(count);
  schedule();
});
