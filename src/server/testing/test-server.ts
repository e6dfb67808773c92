import { createApiApp } from '../routes/api-routes.ts';
import { demoExamples } from '../demo/conversations.ts';
import { startDemoUpstream } from '../demo/start-demo-upstream.ts';
import { listen } from '../http/listen.ts';
import { createServerStack } from '../http/server-stack.ts';
import { sourcesFromEnv } from '../sources/sources.ts';

/** The viewer's server stack with only the demo source, on a free loopback port, for tests that drive it over HTTP. */
export async function startTestViewer() {
  const demo = await startDemoUpstream();
  const api = createApiApp({ sources: sourcesFromEnv({}, demo), demoExamples });
  const stack = createServerStack({ api, access: null });
  const viewer = await listen(stack, '127.0.0.1', 0);
  return {
    url: viewer.url,
    /** The server's app, for requests that do not come over a socket (whose client's address is unknown). */
    app: stack.app,
    demoBaseUrl: demo.baseUrl,
    demoApiKey: demo.apiKey,
    close: async () => {
      await viewer.close();
      await demo.close();
    },
  };
}
