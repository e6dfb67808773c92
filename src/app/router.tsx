import { useEffect, useRef, type ComponentType } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Route, Switch } from 'wouter';
import { navigate, useLocationProperty } from 'wouter/use-browser-location';
import { lazyChunk, useChunk, type LazyChunk } from '../lib/lazy-chunk';
import { CODE_NOT_LOADED_HINT } from './load-failure';
import { inNextTask } from '../lib/work-in-slices';
import { canonicalPagePath } from '../lib/page-path';
import { NotFoundPage, RootLayout } from './routes/root-layout';

/** A page's code as a chunk of its own, fetched when the page is first opened, so the first load stays small. */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazyChunk(() => load().then((module) => module[name]));

// The home page is a chunk too, fetched beside the sources it lists, so a link to a transcript does not load it.
const homePage = page(() => import('./routes/home-route'), 'HomeRoute');
// The transcript (list, search, item views) is a chunk of its own; snapshot and file pages are the transcript view too.
// Their first render waits a task after the chunk runs, so that the two are not one long task.
const transcriptPage = page(() => inNextTask(import('./routes/transcript-route')), 'TranscriptRoute');
const snapshotPage = page(() => inNextTask(import('./routes/snapshot-route')), 'SnapshotRoute');
const filePage = page(() => inNextTask(import('./routes/file-route')), 'FileRoute');
// The alignment, its worker and the diff views load only when a comparison is opened.
const comparePage = page(() => import('./routes/compare-route'), 'CompareRoute');
const snapshotsPage = page(() => import('../features/snapshots/components/snapshots-page'), 'SnapshotsPage');

const currentPath = () => window.location.pathname;

/** A page whose code could not be fetched (the viewer was updated since this tab opened, or the network failed). */
function PageLoadFailed({ error, resetErrorBoundary }: { error: unknown; resetErrorBoundary?: () => void }) {
  const notLoaded = error instanceof Error && /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(error.message);
  return (
    <div role="alert" className="space-y-3 py-10 text-center">
      <h1 className="text-xl font-semibold">{notLoaded ? 'This page could not be loaded' : 'This page failed'}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        {notLoaded ? CODE_NOT_LOADED_HINT : error instanceof Error ? error.message.slice(0, 300) : 'An unexpected error.'}
      </p>
      <button type="button" onClick={() => (resetErrorBoundary?.(), window.location.reload())} className="rounded-md bg-zinc-900 px-3 py-1 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
        Reload
      </button>
    </div>
  );
}

/** A page once its code has arrived: nothing before (as a fallback would show), the reason if it could not load. */
function ChunkPage({ chunk }: { chunk: LazyChunk<ComponentType> }) {
  const state = useChunk(chunk);
  if (state.status === 'failed') return <PageLoadFailed error={state.error} />;
  if (state.status === 'pending') return null;
  const Page = state.value;
  return <Page />;
}

/** The app's pages by path. A new page starts at the top, as a page load would; a change of query or fragment does not. */
export function App() {
  const path = useLocationProperty(currentPath);
  const previous = useRef(path);
  // The routes match a path in any case; a page's address is rewritten as the app writes it (`/C/conv_…` opens the
  // transcript at `/c/conv_…`), so what is copied from the address bar is the canonical link.
  useEffect(() => {
    const canonical = canonicalPagePath(path);
    if (canonical !== path) navigate(`${canonical}${window.location.search}${window.location.hash}`, { replace: true, state: window.history.state });
  }, [path]);
  useEffect(() => {
    if (previous.current !== path && !window.location.hash) window.scrollTo(0, 0);
    previous.current = path;
  }, [path]);
  // A file dropped where no page takes it would have the browser open it in this tab, and the page open here would
  // be gone (a file read in this tab with it): such a drop does nothing. The home page takes drops itself.
  useEffect(() => {
    const hold = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', hold);
    window.addEventListener('drop', hold);
    return () => {
      window.removeEventListener('dragover', hold);
      window.removeEventListener('drop', hold);
    };
  }, []);
  return (
    <RootLayout>
      <ErrorBoundary FallbackComponent={PageLoadFailed} resetKeys={[path]}>
        <Switch>
          <Route path="/">{() => <ChunkPage chunk={homePage} />}</Route>
          <Route path="/c/:conversationId">{() => <ChunkPage chunk={transcriptPage} />}</Route>
          <Route path="/s/:snapshotId">{() => <ChunkPage chunk={snapshotPage} />}</Route>
          <Route path="/file">{() => <ChunkPage chunk={filePage} />}</Route>
          <Route path="/compare">{() => <ChunkPage chunk={comparePage} />}</Route>
          <Route path="/snapshots">{() => <ChunkPage chunk={snapshotsPage} />}</Route>
          <Route component={NotFoundPage} />
        </Switch>
      </ErrorBoundary>
    </RootLayout>
  );
}
