import { createApiApp } from '../src/server/routes/api-routes.ts';
import { demoConversations, demoExamples } from '../src/server/demo/conversations.ts';
import { startDemoUpstream } from '../src/server/demo/start-demo-upstream.ts';
import { listen } from '../src/server/http/listen.ts';
import { createServerStack } from '../src/server/http/server-stack.ts';
import { sourcesFromEnv } from '../src/server/sources/sources.ts';
import { runLoad, type LoadResult } from './load.ts';

/** Conversations of ordinary size; a multi-megabyte stress fixture would measure JSON copying, not the proxy. */
const MAX_CONVERSATION_BYTES = 1024 * 1024;

/** What the browser asks for when it opens each demo conversation: the conversation, then page after page. */
function browsingPaths(): string[] {
  const paths: string[] = [];
  const ordinary = demoConversations().filter(({ items }) => JSON.stringify(items).length <= MAX_CONVERSATION_BYTES);
  for (const { conversation, items } of ordinary) {
    const base = `/api/sources/demo/conversations/${conversation.id}`;
    paths.push(base, `${base}/items?limit=100&order=asc`);
    for (let page = 100; page < items.length; page += 100) paths.push(`${base}/items?limit=100&order=asc&after=${items[page - 1].id}`);
    paths.push(`${base}/items/${items[0].id}`);
  }
  return paths;
}

/**
 * Starts the production server stack (access log off) over the demo upstream on loopback, puts it under
 * load through the proxy, and stops everything again.
 */
export async function loadDemoViewer(requests: number, concurrency: number): Promise<LoadResult> {
  const demo = await startDemoUpstream();
  const api = createApiApp({ sources: sourcesFromEnv({}, demo), demoExamples });
  const viewer = await listen(createServerStack({ api, access: null }), '127.0.0.1', 0);
  try {
    return await runLoad({ baseUrl: viewer.url, paths: browsingPaths(), requests, concurrency });
  } finally {
    await viewer.close();
    await demo.close();
  }
}
