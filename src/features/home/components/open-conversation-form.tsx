import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SourceSummary } from '../../sources/api/get-sources';
import { parseConversationInput, type CompareLink } from '../lib/parse-conversation-input';
import { sourceForUrl } from '../lib/url-source';
import type { SearchValues } from '../../../lib/search-values';

export type OpenRequest =
  | { conversationId: string; source: string; order?: 'asc' | 'desc'; itemId?: string; view?: SearchValues }
  /** A pasted snapshot link opens the snapshot. */
  | { snapshotId: string }
  /** A pasted comparison link opens the comparison. */
  | { compare: CompareLink };

interface OpenConversationFormProps {
  /** Text the input opens with, selected, so that typing replaces it and the arrow keys edit it. */
  initialValue?: string;
  sources: readonly SourceSummary[];
  defaultSource: string | null;
  onOpen: (request: OpenRequest) => void;
}

/** What was typed stays with the home page's entry in the history, so Back finds it in the field. */
function keepForBack(typed: string) {
  window.history.replaceState({ ...(window.history.state as object | null), typed }, '');
}

export function OpenConversationForm({ initialValue = '', sources, defaultSource, onOpen }: OpenConversationFormProps) {
  const [value, setValue] = useState(initialValue);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (initialValue) input.current?.select();
  }, [initialValue]);
  const [source, setSource] = useState(defaultSource ?? sources[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseConversationInput(value);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    if ('snapshotId' in parsed || 'compare' in parsed) {
      setError(null);
      keepForBack(value);
      onOpen('compare' in parsed ? { compare: parsed.compare } : { snapshotId: parsed.snapshotId });
      return;
    }
    // An API URL says which provider holds the conversation: open it there, or say that provider is not set up here.
    const fromUrl = parsed.provider ? sourceForUrl(parsed.provider, sources) : null;
    if (fromUrl && !fromUrl.ok) {
      setError(fromUrl.message);
      return;
    }
    setError(null);
    setValue(parsed.conversationId);
    keepForBack(value);
    // A link's own source, even one this viewer does not have: the transcript then says so and offers the sources it
    // has, rather than reading the conversation from another source without a word.
    onOpen({ conversationId: parsed.conversationId, source: parsed.source ?? fromUrl?.source.id ?? source, order: parsed.order, itemId: parsed.itemId, view: parsed.view });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <label htmlFor={inputId} className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
        Conversation ID, API URL or share link
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={inputId}
          name="conversation"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            if (error) setError(null);
          }}
          placeholder="conv_68f2a91c4be08190…"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2.5 font-mono text-sm shadow-sm outline-none placeholder:text-zinc-500 dark:placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/70 dark:focus:ring-indigo-400/80 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <div className="flex gap-2">
          <select
            aria-label="Source"
            value={source}
            onChange={(event) => setSource(event.target.value)}
            className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-2 py-2.5 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900 sm:flex-none"
          >
            {sources.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="rounded-lg bg-indigo-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700"
          >
            Open
          </button>
        </div>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700 [overflow-wrap:anywhere] dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
