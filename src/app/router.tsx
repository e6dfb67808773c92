import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { HomeRoute } from './routes/home-route';
import { NotFoundPage, RootLayout } from './routes/root-layout';
import { TranscriptRoute } from './routes/transcript-route';
import { parseTranscriptSearch } from './search-params';

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomeRoute });

const transcriptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/c/$conversationId',
  validateSearch: parseTranscriptSearch,
  component: TranscriptRoute,
});

export function createAppRouter() {
  return createRouter({ routeTree: rootRoute.addChildren([homeRoute, transcriptRoute]) });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
