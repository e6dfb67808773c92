import type { SourcesResponse } from '../../sources/api/get-sources';
import { DemoList } from './demo-list';
import { OpenConversationForm, type OpenRequest } from './open-conversation-form';

interface HomePageProps {
  sources: SourcesResponse;
  onOpen: (request: OpenRequest) => void;
}

export function HomePage({ sources, onOpen }: HomePageProps) {
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Read a conversation</h1>
          <p className="max-w-2xl text-zinc-600 dark:text-zinc-400">
            Paste the ID of a conversation kept by an OpenAI-compatible Conversations API (DashScope, OpenAI) and read every
            item as a transcript. Each transcript has a link you can share with your team.
          </p>
        </div>
        <OpenConversationForm sources={sources.sources} defaultSource={sources.defaultSource} onOpen={onOpen} />
      </section>
      <DemoList examples={sources.demoExamples} />
    </div>
  );
}
