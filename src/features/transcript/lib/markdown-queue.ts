import { nextTask } from '../../../lib/work-in-slices';
import { markdownTree } from './markdown-tree';
import type { FromMarkdownWorker, ToMarkdownWorker } from './markdown-protocol';

/**
 * The Markdown worker's loop: renders waiting texts newest request first (the rows the reader just reached), one per
 * task, so a cancel sent meanwhile (a row scrolled away) is read before the next one starts.
 */
export function createMarkdownQueue(send: (message: FromMarkdownWorker) => void) {
  const waiting = new Map<number, Extract<ToMarkdownWorker, { type: 'render' }>>();
  let running = false;

  const pump = async () => {
    running = true;
    while (waiting.size > 0) {
      const request = [...waiting.values()].at(-1)!;
      waiting.delete(request.id);
      try {
        send({ id: request.id, tree: await markdownTree(request.text, request.citations) });
      } catch (error) {
        send({ id: request.id, error: error instanceof Error ? error.message : String(error) });
      }
      await nextTask();
    }
    running = false;
  };

  return {
    receive(message: ToMarkdownWorker) {
      if (message.type !== 'cancel') waiting.set(message.id, message);
      else if (waiting.delete(message.id)) send({ id: message.id, dropped: true });
      if (!running) void pump();
    },
    /** Texts still waiting (for tests). */
    get size() {
      return waiting.size;
    },
  };
}
