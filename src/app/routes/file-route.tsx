import { Link } from 'wouter';
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { ArrivingItems } from '../../features/open-file/lib/arriving-items';
import { getOpenedFile } from '../../features/open-file/lib/opened-file';
import { sharedLeftOut, sharedText } from '../../features/open-file/lib/export-shared';
import { useQuery } from '@tanstack/react-query';
import { CompareWithButton } from '../../features/compare/components/compare-with-button';
import { sourcesQueryOptions } from '../../features/sources/api/get-sources';
import { ShareSnapshotButton } from '../../features/snapshots/components/share-snapshot-button';
import { TranscriptPage } from '../../features/transcript/components/transcript-page';
import { LeftOutContext } from '../../features/transcript/lib/left-out';
import { useHash, useRouteSearch } from '../../lib/navigation';
import { parseTranscriptSearch } from '../search-params';
import { useViewChange, viewFromSearch } from '../transcript-view';
import { anchorFrom } from './transcript-route';
import { BackHomeLink } from './back-home-link';

/** Says so when the file's reading failed part way, so a part is never taken for the whole. */
function ReadFailure({ arriving }: { arriving: ArrivingItems }) {
  const failure = useSyncExternalStore(arriving.subscribe, () => arriving.failure);
  return failure ? (
    <p role="alert" className="mt-2 font-medium text-red-800 dark:text-red-300">
      {failure}
    </p>
  ) : null;
}

/** /file: the conversation of a local file, in the same transcript view; it lives in this tab only. */
export function FileRoute() {
  const [file] = useState(getOpenedFile);
  const sources = useQuery(sourcesQueryOptions());
  const search = useRouteSearch(parseTranscriptSearch);
  const hash = useHash();
  const view = useMemo(() => viewFromSearch(search), [search]);
  const onViewChange = useViewChange();
  // An export of a snapshot (or a download with rules) marks what it left out, as the snapshot's page does.
  const leftOut = useMemo(() => sharedLeftOut(file?.shared), [file]);

  if (!file) {
    return (
      <div className="space-y-3 py-10 text-center">
        <h1 className="text-xl font-semibold">No file is open</h1>
        <p className="text-zinc-600 dark:text-zinc-400">A file is read in the tab that opened it and is gone after a reload. Open it again from the home page.</p>
        <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
          Open a file
        </Link>
      </div>
    );
  }
  const conversationId = file.conversation.id ?? file.name;
  return (
    <div className="space-y-4">
      <section aria-label="Local file" className="rounded-xl border border-zinc-200 bg-zinc-50 p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
        <p>
          <span className="font-semibold">{file.name}</span>, read in this browser: nothing was uploaded. A file has no link to share; “Share snapshot…” uploads it as a snapshot.
        </p>
        {file.shared ? (
          <p data-testid="file-shared" className="mt-2 text-zinc-700 dark:text-zinc-300">
            {sharedText(file.shared)}
          </p>
        ) : null}
        {file.note ? <p className="mt-2 text-zinc-700 dark:text-zinc-300">{file.note}</p> : null}
        <ReadFailure arriving={file.arriving} />
      </section>
      <LeftOutContext.Provider value={leftOut}>
      <TranscriptPage
        origin={{ kind: 'file', name: file.name, conversationId, conversation: { ...file.conversation, id: conversationId }, items: file.arriving }}
        sourceLabel={file.source?.label ?? 'a file'}
        pageTitle={file.shared?.snapshot?.title ?? undefined}
        sourceKind={file.source?.kind ?? null}
        view={view}
        onViewChange={onViewChange}
        anchorItemId={anchorFrom(hash)}
        hasConversationId={typeof file.conversation.id === 'string' && file.conversation.id !== ''}
        lead={<BackHomeLink />}
        toolbarExtras={
          <>
            <CompareWithButton current={{ value: 'file' }} sources={sources.data?.sources ?? []} defaultSource={sources.data?.defaultSource ?? null} />
            <ShareSnapshotButton target={{ kind: 'file', conversation: file.conversation, items: file.items, source: file.source }} name={file.name} />
          </>
        }
      />
      </LeftOutContext.Provider>
    </div>
  );
}
