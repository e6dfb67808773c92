import { createApiApp } from './app.ts';
import type { ViewerConfig } from './config.ts';
import { demoExamples } from './demo/conversations.ts';
import { startDemoUpstream } from './demo/start-demo-upstream.ts';
import { createLazyStore } from './store/open-store.ts';

/** Builds the API app from the checked configuration, starting the demo upstream when it is enabled. */
export async function createViewer(config: ViewerConfig) {
  const store = createLazyStore(config.snapshots.location);
  const demo = config.demo ? await startDemoUpstream() : null;
  const sources = config.sources(demo);
  const app = createApiApp({
    sources,
    demoExamples,
    ...config.upstream,
    remoteImages: config.remoteImages,
    snapshots: { config: config.snapshots, store },
  });
  return {
    app,
    sources,
    access: config.access,
    publicSnapshots: config.snapshots.mode === 'public',
    close: async () => {
      await demo?.close();
      await store.close();
    },
  };
}
