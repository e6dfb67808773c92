import type { ReactNode } from 'react';
import { ApiErrorPanel } from '../../../components/error-panel';
import type { Describe } from '../../../lib/use-error-description';
import type { TranscriptLoad } from '../data/use-transcript';
import type { TranscriptStatus } from '../data/transcript-status';
import { TranscriptSkeleton } from './transcript-skeleton';
import { OtherSources } from './view-controls';

interface TranscriptBodyProps {
  status: TranscriptStatus;
  load: TranscriptLoad;
  /** How many items have loaded, and whether that is all of them; `shown`: some came (or all, none at all). */
  loaded: { count: number; complete: boolean; shown: boolean };
  /** Names the conversation and its source in what an error says. */
  errorContext: { conversationId: string; sourceLabel: string };
  /** The other configured sources, offered when this one has no key. */
  otherSources: readonly { id: string; label: string }[];
  /** The list of items, shown once there are some (or more may come). */
  list: ReactNode;
}

/**
 * What the transcript shows under its controls: its list once items come, else the skeleton while the first page is
 * on its way, the note of an empty conversation, or what failed, retried or not; and below the list, why loading
 * stopped partway.
 */
export function TranscriptBody({ status, load, loaded, errorContext, otherSources, list }: TranscriptBodyProps) {
  const describe: Describe = (describer, error) => describer.describeApiError(error, errorContext);
  return (
    <>
      {status.kind === 'data' ? (
        loaded.count > 0 || !loaded.complete ? (
          list
        ) : (
          <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">This conversation has no items.</p>
        )
      ) : status.kind === 'error' ? (
        <ApiErrorPanel error={status.error} describe={describe} onRetry={load.resume} retrying={load.state === 'loading'} actions={<OtherSources error={status.error} sources={otherSources} />} />
      ) : status.kind === 'retrying' ? (
        <ApiErrorPanel error={status.error} describe={(describer, error) => describer.retryingError(describe(describer, error), status.attempt)} />
      ) : (
        <TranscriptSkeleton />
      )}

      {loaded.shown && load.error ? (
        <ApiErrorPanel
          compact
          error={load.error}
          describe={(describer, error) =>
            load.retrying ? describer.retryingError(describe(describer, error), 2) : describer.describeStoppedLoading(describe(describer, error), loaded.count, errorContext.sourceLabel)
          }
          onRetry={load.retrying ? undefined : load.resume}
        />
      ) : null}
    </>
  );
}
