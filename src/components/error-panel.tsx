import type { ReactNode } from 'react';
import type { ErrorDescription } from '../lib/describe-api-error';
import { useErrorDescription, type Describe } from '../lib/use-error-description';
import { useSecondsLeft } from '../lib/use-seconds-left';
import { LOCAL_TIME_IN_TEXT } from '../shared/format';

interface ErrorPanelProps {
  description: ErrorDescription;
  onRetry?: () => void;
  retrying?: boolean;
  compact?: boolean;
  /** What the reader can do instead, e.g. links to other sources. */
  actions?: ReactNode;
  /** The error is all the page has to say (a link that leads nowhere): its title is the page's heading. */
  heading?: boolean;
}

/** A hint with each moment it names on one line: a phone would break "2026-12-04" at its hyphen. */
function hintWithWholeDates(hint: string): ReactNode[] {
  return hint.split(LOCAL_TIME_IN_TEXT).map((part, index) => (index % 2 ? <span key={index} className="whitespace-nowrap">{part}</span> : part));
}

export function ErrorPanel({ description, onRetry, retrying = false, compact = false, actions, heading = false }: ErrorPanelProps) {
  // A rate limit's wait counts down under its hint (a new answer starts it again); Retry stays at hand, as the wait a
  // provider names is its advice for the key, not a rule of this page.
  const waitLeft = useSecondsLeft(description.waitSeconds, retrying);
  const Title = heading ? 'h1' : 'p';
  return (
    <div
      role="alert"
      className={`rounded-xl border border-red-200 bg-red-50 text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-100 ${compact ? 'p-3' : 'p-5'}`}
    >
      {/* A conversation ID or a file name has no spaces to break at: on a phone it breaks where it must. */}
      <Title className="font-semibold [overflow-wrap:anywhere]">{description.title}</Title>
      <p className="mt-1 text-sm [overflow-wrap:anywhere]">{hintWithWholeDates(description.hint)}</p>
      {waitLeft > 0 && !retrying ? (
        <p data-testid="wait-left" className="mt-1 text-sm tabular-nums">
          {waitLeft} s left to wait.
        </p>
      ) : null}
      {description.detail && description.detail !== description.hint ? (
        <p className="mt-2 break-words font-mono text-xs text-red-800/80 dark:text-red-200/70">{description.detail}</p>
      ) : null}
      {/* Actions that render nothing (no other source to offer) leave no empty space at the panel's foot. */}
      {actions ? <div className="mt-3 flex flex-wrap items-center gap-2 text-sm empty:hidden">{actions}</div> : null}
      {/* Retrying cannot help a final error (not found, no key): it offers no Retry, only what the reader can do instead. */}
      {onRetry && !description.final ? (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="mt-3 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60 dark:bg-indigo-600 dark:hover:bg-indigo-500"
        >
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      ) : null}
    </div>
  );
}

type ApiErrorPanelProps = Omit<ErrorPanelProps, 'description'> & {
  error: unknown;
  /** How to say it, when not as `describeApiError(error)` alone: with the conversation and source, or reworded. */
  describe?: Describe;
};

/** A failure said in a panel, once its describer has loaded (the moment that takes, the panel waits to show). */
export function ApiErrorPanel({ error, describe, ...panel }: ApiErrorPanelProps) {
  const description = useErrorDescription(error, describe);
  return description ? <ErrorPanel description={description} {...panel} /> : null;
}
