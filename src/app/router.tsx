import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { NotFoundPage, RootLayout } from './routes/root-layout';
import { parseTranscriptSearch } from './search-params';
import { parseCompareSearch } from '../features/compare/lib/compare-search';
import { inNextTask } from '../lib/work-in-slices';

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

// The home page is a chunk too, fetched beside the sources it lists, so a link to a transcript does not load it.
const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: lazyRouteComponent(() => import('./routes/home-route'), 'HomeRoute') });

const transcriptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$conversationId',
  validateSearch: parseTranscriptSearch,
  // The transcript (list, search, item views) is a chunk of its own, so the first load stays small; its first render
  // waits a task after the chunk runs, so the two are not one long task.
  component: lazyRouteComponent(() => inNextTask(import('./routes/transcript-route')), 'TranscriptRoute'),
});

const snapshotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/s/$snapshotId',
  validateSearch: parseTranscriptSearch,
  // Snapshot and file pages are the transcript view too: chunks of their own, loaded when opened.
  component: lazyRouteComponent(() => inNextTask(import('./routes/snapshot-route')), 'SnapshotRoute'),
});

const fileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/file',
  validateSearch: parseTranscriptSearch,
  component: lazyRouteComponent(() => inNextTask(import('./routes/file-route')), 'FileRoute'),
});

const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compare',
  validateSearch: parseCompareSearch,
  // The alignment, its worker and the diff views load only when a comparison is opened.
  component: lazyRouteComponent(() => import('./routes/compare-route'), 'CompareRoute'),
});

const snapshotsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/snapshots',
  component: lazyRouteComponent(() => import('../features/snapshots/components/snapshots-page'), 'SnapshotsPage'),
});

export function createAppRouter() {
  return createRouter({ routeTree: rootRoute.addChildren([homeRoute, transcriptRoute, snapshotRoute, snapshotsRoute, fileRoute, compareRoute]) });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
