import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiErrorPanel } from '../../components/error-panel';
import { CompareForm } from '../../features/compare/components/compare-form';
import { HomePage } from '../../features/home/components/home-page';
import { OpenFilePanel } from '../../features/open-file/components/open-file-panel';
import { sourcesQueryOptions } from '../../features/sources/api/get-sources';
import { demoExamplesQueryOptions } from '../../features/home/api/get-demo-examples';
import { forgetConversation, forgetRecent, readRecent, restoreRecent, type RecentConversation } from '../../lib/recent-conversations';
import { navigateTo, parseSearch, snapshotPath, transcriptPath } from '../../lib/navigation';

/** What the home form held when it opened a page, kept with this history entry (see `OpenConversationForm`). */
function typedBefore(): string {
  const state = window.history.state as { typed?: unknown } | null;
  return typeof state?.typed === 'string' ? state.typed : '';
}

export function HomeRoute() {
  const sources = useQuery(sourcesQueryOptions());
  const demoExamples = useQuery(demoExamplesQueryOptions());
  const [recent, setRecent] = useState(() => readRecent());
  const [now] = useState(() => Date.now());
  // The ID a failed page sent back (`/?id=…`, its "Open another conversation"), read once: the address is the home page's again.
  const [carried] = useState(() => parseSearch(window.location.search).id ?? '');
  useEffect(() => {
    if (carried) navigateTo({ to: '/', replace: true });
  }, [carried]);
  // Back from a page the form opened: the field holds what was typed, as a browser keeps a form's fields.
  const [typed] = useState(() => typedBefore());
  // What the last Clear or Forget took off the list, until it is put back or the list is changed again.
  const [taken, setTaken] = useState<{ message: string; entries: readonly RecentConversation[] } | null>(null);

  if (sources.data) {
    return (
      <HomePage
        sources={sources.data}
        initialInput={carried || typed}
        demoExamples={demoExamples.data?.examples}
        fileOpener={<OpenFilePanel onOpened={() => navigateTo({ to: '/file' })} />}
        comparer={<CompareForm sources={sources.data.sources} defaultSource={sources.data.defaultSource} />}
        recent={recent}
        now={now}
        onClearRecent={() => {
          forgetRecent();
          setTaken({ message: `Cleared ${recent.length === 1 ? 'one conversation' : `${recent.length} conversations`}.`, entries: recent });
          setRecent([]);
        }}
        onForgetRecent={(entry) => {
          setTaken({ message: `Forgot “${entry.title ?? entry.conversationId}”.`, entries: [entry] });
          setRecent(forgetConversation(entry));
        }}
        recentUndo={
          taken
            ? {
                message: taken.message,
                first: taken.entries[0],
                onUndo: () => {
                  setRecent(restoreRecent(taken.entries));
                  setTaken(null);
                },
              }
            : null
        }
        onOpen={(request) => {
          if ('snapshotId' in request) return navigateTo({ to: snapshotPath(request.snapshotId) });
          if ('compare' in request) return navigateTo({ to: '/compare', search: request.compare });
          const { conversationId, source, order, itemId, view } = request;
          // A pasted share link opens the view it shared: its search, kind filter and tool come along.
          navigateTo({ to: transcriptPath(conversationId), search: { source, ...(order ? { order } : {}), ...view }, hash: itemId });
        }}
      />
    );
  }
  if (sources.error) {
    return <ApiErrorPanel heading error={sources.error} onRetry={() => void sources.refetch()} retrying={sources.isFetching} />;
  }
  return <div aria-busy="true" className="h-40 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />;
}
