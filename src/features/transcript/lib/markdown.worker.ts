import { createMarkdownQueue } from './markdown-queue';
import type { ToMarkdownWorker } from './markdown-protocol';

/** Parses, sanitises and highlights Markdown off the page's thread; the page renders the trees it sends back. */
const queue = createMarkdownQueue((message) => self.postMessage(message));
self.onmessage = (event: MessageEvent<ToMarkdownWorker>) => queue.receive(event.data);
