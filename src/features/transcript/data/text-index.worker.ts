import { countingLoop, TextIndexCore } from './text-index-core';
import type { ToTextIndex } from './text-index-protocol';

/** Items counted per turn of the worker's loop, so a query that arrives meanwhile waits at most one batch. */
const BATCH = 200;

const core = new TextIndexCore((message) => self.postMessage(message));
const counting = countingLoop(core, BATCH);

self.onmessage = (event: MessageEvent<ToTextIndex>) => {
  core.receive(event.data);
  counting.schedule();
};
