import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { HomeRoute } from './routes/home-route';
import { NotFoundPage, RootLayout } from './routes/root-layout';
import { FileRoute } from './routes/file-route';
import { SnapshotRoute } from './routes/snapshot-route';
import { TranscriptRoute } from './routes/transcript-route';
import { SnapshotsPage } from '../features/snapshots/components/snapshots-page';
import { parseTranscriptSearch } from './search-params';

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomeRoute });

const transcriptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$conversationId',
  validateSearch: parseTranscriptSearch,
  component: TranscriptRoute,
});

const snapshotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/s/$snapshotId',
  validateSearch: parseTranscriptSearch,
  component: SnapshotRoute,
});

const fileRoute = createRoute({ getParentRoute: () => rootRoute, path: '/file', validateSearch: parseTranscriptSearch, component: FileRoute });

const snapshotsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/snapshots', component: SnapshotsPage });

export function createAppRouter() {
  return createRouter({ routeTree: rootRoute.addChildren([homeRoute, transcriptRoute, snapshotRoute, snapshotsRoute, fileRoute]) });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
