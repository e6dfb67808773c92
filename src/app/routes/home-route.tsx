import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorPanel } from '../../components/error-panel';
import { CompareForm } from '../../features/compare/components/compare-form';
import { HomePage } from '../../features/home/components/home-page';
import { OpenFilePanel } from '../../features/open-file/components/open-file-panel';
import { sourcesQueryOptions } from '../../features/sources/api/get-sources';
import { describeApiError } from '../../lib/describe-api-error';
import { forgetConversation, forgetRecent, readRecent } from '../../lib/recent-conversations';
import { navigateTo, snapshotPath, transcriptPath } from '../../lib/navigation';

export function HomeRoute() {
  const sources = useQuery(sourcesQueryOptions());
  const [recent, setRecent] = useState(() => readRecent());
  const [now] = useState(() => Date.now());

  if (sources.data) {
    return (
      <HomePage
        sources={sources.data}
        fileOpener={<OpenFilePanel onOpened={() => navigateTo({ to: '/file' })} />}
        comparer={<CompareForm sources={sources.data.sources} defaultSource={sources.data.defaultSource} />}
        recent={recent}
        now={now}
        onClearRecent={() => {
          forgetRecent();
          setRecent([]);
        }}
        onForgetRecent={(entry) => setRecent(forgetConversation(entry))}
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
    return <ErrorPanel description={describeApiError(sources.error)} onRetry={() => void sources.refetch()} retrying={sources.isFetching} />;
  }
  return <div aria-busy="true" className="h-40 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />;
}
