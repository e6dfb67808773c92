import { createApiApp, DEFAULT_TIMEOUT_MS } from './app.ts';
import { demoExamples } from './demo/conversations.ts';
import { startDemoUpstream } from './demo/start-demo-upstream.ts';
import { isDemoEnabled, sourcesFromEnv, type Env } from './sources.ts';

function timeoutFromEnv(env: Env): number {
  const seconds = Number(env.UPSTREAM_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_TIMEOUT_MS;
}

/** Builds the API app from the environment, starting the demo upstream when it is enabled. */
export async function createViewer(env: Env) {
  const demo = isDemoEnabled(env) ? await startDemoUpstream() : null;
  const sources = sourcesFromEnv(env, demo?.baseUrl ?? null);
  const app = createApiApp({ sources, demoExamples, timeoutMs: timeoutFromEnv(env) });
  return { app, sources, close: async () => demo?.close() };
}
