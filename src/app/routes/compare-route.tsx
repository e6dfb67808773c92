import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BackHomeLink } from './back-home-link';
import { ApiErrorPanel, ErrorPanel } from '../../components/error-panel';
import { CompareForm } from '../../features/compare/components/compare-form';
import { ComparePage } from '../../features/compare/components/compare-page';
import { parseCompareSearch, sideSpec, type Side } from '../../features/compare/lib/compare-search';
import { navigateTo, useRouteSearch } from '../../lib/navigation';
import { parseSearch } from '../../lib/search-values';
import { useSideOrigin, type SideOrigin } from '../../features/compare/lib/use-side-origin';
import { sourcesQueryOptions } from '../../features/sources/api/get-sources';

function SideProblem({ side, origin }: { side: Side; origin: SideOrigin }) {
  if (origin.state !== 'error') return null;
  return <ErrorPanel description={{ ...origin.description, title: `Run ${side.toUpperCase()}: ${origin.description.title}` }} />;
}

/** /compare?a=…&b=…&source=…: two runs side by side. Everything about the comparison is in the URL. */
export function CompareRoute() {
  const search = useRouteSearch(parseCompareSearch);
  // Two snapshots need no source, and their reader may have no password: the sources only if this tab has them.
  const snapshotsOnly = sideSpec(search, 'a', null).kind === 'snapshot' && sideSpec(search, 'b', null).kind === 'snapshot';
  const sources = useQuery({ ...sourcesQueryOptions(), enabled: !snapshotsOnly });
  const defaultSource = sources.data?.defaultSource ?? null;
  const known = sources.data?.sources ?? null;
  const specA = sideSpec(search, 'a', defaultSource);
  const specB = sideSpec(search, 'b', defaultSource);
  const a = useSideOrigin(specA, known);
  const b = useSideOrigin(specB, known);
  // A source written in another case (`?source=OpenAI`) is read as the source it names, and the address says so too,
  // as a transcript's does: a link copied from it names the source as the viewer does.
  useEffect(() => {
    const written = parseSearch(window.location.search);
    const named = (['source', 'a_source', 'b_source'] as const).filter((key) => search[key] !== undefined && written[key] !== search[key]);
    if (named.length > 0 && known && named.every((key) => known.some((candidate) => candidate.id === search[key]))) {
      navigateTo({ search: (previous) => previous, hash: window.location.hash.slice(1) || undefined, replace: true }, parseCompareSearch);
    }
  }, [search, known]);

  const backLink = <BackHomeLink />;
  // The page's heading, wherever the comparison itself (which heads its own) is not shown.
  const heading = <h1 className="text-xl font-semibold tracking-tight">Compare two runs</h1>;
  // A comparison of two snapshots needs no source; its reader may not even have access to the viewer's sources.
  if (sources.error && (specA.kind === 'api' || specB.kind === 'api')) {
    return (
      <div className="space-y-4">
        {backLink}
        {heading}
        <ApiErrorPanel error={sources.error} onRetry={() => void sources.refetch()} retrying={sources.isFetching} />
      </div>
    );
  }
  // A bare /compare asks for the two runs instead of saying that none were given; a link that names one of them (cut
  // short, or half written) asks for the other, with the one it named filled in.
  if (!search.a || !search.b) {
    const named = search.a ? 'a' : search.b ? 'b' : null;
    return (
      <div className="space-y-4">
        {backLink}
        {heading}
        {named ? (
          <p data-testid="compare-half-link" className="text-sm text-zinc-600 dark:text-zinc-400">
            This link names run {named.toUpperCase()} only. Name run {named === 'a' ? 'B' : 'A'} to compare them.
          </p>
        ) : null}
        {sources.data ? (
          <CompareForm
            sources={sources.data.sources}
            defaultSource={(named && search[`${named}_source`]) ?? search.source ?? sources.data.defaultSource}
            initial={named ? { [named]: search[named] } : undefined}
          />
        ) : sources.error ? (
          <ApiErrorPanel error={sources.error} onRetry={() => void sources.refetch()} retrying={sources.isFetching} />
        ) : (
          <div aria-busy="true" className="h-24 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
        )}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {backLink}
      {/* A side that cannot be read leaves no comparison, but the page is still the one it was asked for. */}
      {a.state === 'error' || b.state === 'error' ? heading : null}
      <SideProblem side="a" origin={a} />
      <SideProblem side="b" origin={b} />
      {a.state === 'ready' && b.state === 'ready' ? (
        <ComparePage key={`${search.a}|${search.b}|${search.source}|${search.a_source}|${search.b_source}`} a={a} b={b} canShare={Boolean(sources.data && sources.data.snapshots !== 'off')} />
      ) : a.state === 'error' || b.state === 'error' ? null : (
        <div aria-busy="true" className="h-40 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
      )}
    </div>
  );
}
