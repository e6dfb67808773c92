import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { HomeRoute } from './routes/home-route';
import { NotFoundPage, RootLayout } from './routes/root-layout';
import { parseTranscriptSearch } from './search-params';

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomeRoute });

const transcriptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$conversationId',
  validateSearch: parseTranscriptSearch,
  // The transcript (list, search, item views) is a chunk of its own, so the first load stays small.
  component: lazyRouteComponent(() => import('./routes/transcript-route'), 'TranscriptRoute'),
});

export function createAppRouter() {
  return createRouter({ routeTree: rootRoute.addChildren([homeRoute, transcriptRoute]) });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
