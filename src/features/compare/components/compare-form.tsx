import { navigateTo } from '../../../lib/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { SourceSummary } from '../../sources/api/get-sources';
import { getOpenedFile } from '../../open-file/lib/opened-file';
import { compareSearch, comparisonIn, sideFromInput, withSource, type SideRef, type SideInput } from '../lib/compare-search';

interface CompareFormProps {
  sources: readonly SourceSummary[];
  defaultSource: string | null;
  /** Side A when the form is opened from a transcript: only B is asked for. */
  fixedA?: SideRef;
  /** What the fields start with: the side a half-filled comparison link named. The first empty field takes the focus. */
  initial?: Partial<Record<'a' | 'b', string>>;
  onCancel?: () => void;
}

const NO_FILE = 'No file is open in this tab. Open one on the home page first (a file is read in the tab that opened it, and is gone after a reload).';

const field =
  'mt-1 w-full min-w-0 rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono text-sm shadow-sm outline-none placeholder:text-zinc-500 dark:placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/70 dark:focus:ring-indigo-400/80 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900';

/** Asks for the runs to compare (or the other one), then opens the comparison; every choice ends up in its URL. */
export function CompareForm({ sources, defaultSource, fixedA, initial, onCancel }: CompareFormProps) {
  const [values, setValues] = useState({ a: initial?.a ?? '', b: initial?.b ?? '' });
  const firstEmpty = initial ? (!initial.a && !fixedA ? 'a' : !initial.b ? 'b' : null) : null;
  const [source, setSource] = useState(defaultSource ?? sources[0]?.id ?? '');
  const [error, setError] = useState<{ side: 'a' | 'b'; message: string } | null>(null);
  const ids = { a: useId(), b: useId(), error: useId() };

  /** A side as typed; `file` with no file open in this tab is refused here, not on the page it would open. */
  const read = (raw: string): SideInput => {
    const side = sideFromInput(raw, sources, source);
    return side.ok && side.ref.value === 'file' && !getOpenedFile() ? { ok: false, message: NO_FILE } : side;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A comparison link pasted in either field (the other left empty) opens that comparison, as the home page's box does.
    if (!fixedA) {
      const [pasted, other] = comparisonIn(values.a) ? [values.a, values.b] : [values.b, values.a];
      const link = comparisonIn(pasted);
      if (link && (!other.trim() || other.trim() === pasted.trim())) {
        setError(null);
        return navigateTo({ to: '/compare', search: link });
      }
    }
    const a = fixedA ? ({ ok: true, ref: withSource(fixedA, source) } as const) : read(values.a);
    // The field to put right takes the focus, with its message read out beside it.
    const refuse = (side: 'a' | 'b', message: string) => {
      setError({ side, message });
      document.getElementById(ids[side])?.focus();
    };
    if (!a.ok) return refuse('a', a.message);
    const b = read(values.b);
    if (!b.ok) return refuse('b', b.message);
    setError(null);
    navigateTo({ to: '/compare', search: compareSearch(a.ref, b.ref) });
  };

  const input = (side: 'a' | 'b', label: string) => (
    <label htmlFor={ids[side]} className="block min-w-0 flex-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">
      {label}
      <input
        id={ids[side]}
        value={values[side]}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setValues((previous) => ({ ...previous, [side]: value }));
          setError(null);
        }}
        placeholder="conv_…, s:<id>, a link, or file"
        autoComplete="off"
        spellCheck={false}
        autoFocus={firstEmpty === side}
        aria-invalid={error?.side === side ? true : undefined}
        aria-describedby={error?.side === side ? ids.error : undefined}
        className={field}
      />
    </label>
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row">
        {fixedA ? null : input('a', 'Run A')}
        {input('b', fixedA ? 'Compare this run with' : 'Run B')}
      </div>
      {error ? (
        <p id={ids.error} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {/* With one field, its label says which run; with two, the message does. */}
          {fixedA ? error.message : `Run ${error.side.toUpperCase()}: ${error.message}`}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-2">
        {sources.length > 1 ? (
          <select aria-label="Source of conversation IDs" value={source} onChange={(event) => setSource(event.currentTarget.value)} className="rounded-lg border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
            {sources.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
          </select>
        ) : null}
        {onCancel ? (
          <button type="button" onClick={onCancel} className="rounded-lg border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700">
            Cancel
          </button>
        ) : null}
        <button type="submit" className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700">
          Compare
        </button>
      </div>
    </form>
  );
}
