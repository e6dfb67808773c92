import type { ReactNode } from 'react';
import type { DemoExample, SourcesResponse } from '../../sources/api/get-sources';
import type { RecentConversation } from '../../../lib/recent-conversations';
import { DemoList } from './demo-list';
import { OpenConversationForm, type OpenRequest } from './open-conversation-form';
import { PAGE_HEADING } from './page-heading';
import { RecentList } from './recent-list';

interface HomePageProps {
  sources: SourcesResponse;
  /** What the form opens with: the ID of a page that failed, to be corrected. */
  initialInput?: string;
  /** The demo conversations to offer (they come in an answer of their own, after the sources). */
  demoExamples?: readonly DemoExample[];
  onOpen: (request: OpenRequest) => void;
  recent: readonly RecentConversation[];
  onClearRecent: () => void;
  onForgetRecent: (entry: RecentConversation) => void;
  /** What the last Clear or Forget of the recent list took, and how to put it back. */
  recentUndo?: { message: string; first: RecentConversation; onUndo: () => void } | null;
  /** When the page opened, for "opened 5 minutes ago". */
  now: number;
  /** Opening a conversation from a local file. */
  fileOpener?: ReactNode;
  /** Comparing two runs. */
  comparer?: ReactNode;
}

export function HomePage({ sources, initialInput, demoExamples = [], onOpen, recent, onClearRecent, onForgetRecent, recentUndo = null, now, fileOpener, comparer }: HomePageProps) {
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <div className="space-y-2">
          <h1 id={PAGE_HEADING} tabIndex={-1} className="text-2xl font-semibold tracking-tight outline-none sm:text-3xl">
            Read a conversation
          </h1>
          <p className="max-w-2xl text-zinc-600 dark:text-zinc-400">
            Paste the ID of a conversation kept by an OpenAI-compatible Conversations API (DashScope, OpenAI) and read every
            item as a transcript. Each transcript has a link you can share with your team.
          </p>
        </div>
        <OpenConversationForm initialValue={initialInput} sources={sources.sources} defaultSource={sources.defaultSource} onOpen={onOpen} />
      </section>
      {fileOpener}
      {comparer ? (
        <section aria-labelledby="compare-heading" className="space-y-3">
          <div className="space-y-1">
            <h2 id="compare-heading" className="text-lg font-semibold">
              Compare two runs
            </h2>
            <p className="max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
              Two runs of one task (a retry, a fork, the same prompt on two models): see how long they agree and where they part.
            </p>
          </div>
          {comparer}
        </section>
      ) : null}
      <RecentList recent={recent} sources={sources.sources} onClear={onClearRecent} onForget={onForgetRecent} undo={recentUndo} now={now} />
      <DemoList examples={demoExamples} />
    </div>
  );
}
