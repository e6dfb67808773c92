import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './query-client';
import { App } from './router';

/**
 * Renders the app into #root. Its module (React, React Query, the router) is evaluated in a task of its own, and its
 * first render is a transition, which React breaks into tasks of a few milliseconds: as an ordinary update, a
 * transcript link's whole page rendered in one task (172 ms in a benchmark run) while its items were already arriving.
 */
export function startApp(root: HTMLElement) {
  const app = createRoot(root);
  startTransition(() =>
    app.render(
      <StrictMode>
        <QueryClientProvider client={createQueryClient()}>
          <App />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
}
