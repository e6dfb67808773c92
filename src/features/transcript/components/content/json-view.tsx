import { useMemo, useState } from 'react';
import { inlineJson, isFlat } from '../../../../shared/items/inline-json';
import { formatCount } from '../../../../shared/format';
import { JSON_CHILD_LIMIT as CHILD_LIMIT, JSON_LEAF_LIMIT as LEAF_LIMIT, jsonShowsText } from '../../lib/json-shown-text';
import { useCurrentMatchNeedle } from '../../search/search-query-context';
import { revealBidi } from '../../../../shared/markdown/link-spoofing';
/** A whole value this short stays on one line. */
const ONE_LINE = 80;
/** A list of plain values (such as IDs) stays on one wrapped line up to this length. */
const FLAT_LINE = 600;

const STRING = 'text-emerald-800 dark:text-emerald-300';

function Leaf({ value }: { value: unknown }) {
  if (typeof value === 'string') {
    const shown = value.length > LEAF_LIMIT ? `${value.slice(0, LEAF_LIMIT)}… (${formatCount(value.length - LEAF_LIMIT)} more characters)` : value;
    return <span className={`whitespace-pre-wrap ${STRING}`}>{revealBidi(JSON.stringify(shown))}</span>;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return <span className="text-sky-800 dark:text-sky-300">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="text-violet-800 dark:text-violet-300">{String(value)}</span>;
  return <span className="text-zinc-600 dark:text-zinc-400">{value === null ? 'null' : String(value)}</span>;
}

interface NodeProps {
  name: string | number | null;
  value: unknown;
  depth: number;
  openDepth: number;
}

function Key({ name }: { name: string | number | null }) {
  if (name === null) return null;
  return <span className="text-zinc-600 dark:text-zinc-400">{typeof name === 'number' ? name : revealBidi(JSON.stringify(name))}: </span>;
}

/** One node; children render only while it is open, so deep or huge values cost nothing until asked for. */
function JsonNode({ name, value, depth, openDepth }: NodeProps) {
  const [open, setOpen] = useState(depth < openDepth);
  // A list of plain values (IDs, numbers) wraps as one line; an object of plain values only when it is short.
  const inline = value !== null && typeof value === 'object' && isFlat(value) ? inlineJson(value, Array.isArray(value) ? FLAT_LINE : ONE_LINE) : null;
  // A folded node that holds the current search match opens, once for each search: the reader may fold it again.
  const needle = useCurrentMatchNeedle();
  const [openedFor, setOpenedFor] = useState('');
  const holdsMatch = useMemo(() => !open && inline === null && needle !== '' && jsonShowsText(value, needle), [open, inline, needle, value]);
  if (holdsMatch && openedFor !== needle) {
    setOpenedFor(needle);
    setOpen(true);
  }
  if (value === null || typeof value !== 'object' || inline !== null) {
    return (
      <div className="pl-4 -indent-4">
        <Key name={name} />
        {inline !== null ? <span>{revealBidi(inline)}</span> : <Leaf value={value} />}
      </div>
    );
  }
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((child, index) => [index, child]) : Object.entries(value);
  const brackets = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <details
      open={open}
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
        setOpenedFor(needle);
      }}
    >
      {/* 24 px tall where the pointer is a finger: folds stacked line on line are hard to tell apart at 20. */}
      <summary className="cursor-pointer select-none hover:bg-zinc-200/60 pointer-coarse:min-h-6 pointer-coarse:py-0.5 dark:hover:bg-zinc-800">
        <Key name={name} />
        {brackets[0]}
        {open ? null : `… ${entries.length} ${Array.isArray(value) ? 'items' : 'keys'} ${brackets[1]}`}
      </summary>
      {open ? (
        <div className="border-l border-zinc-300 pl-3 dark:border-zinc-700">
          {entries.slice(0, CHILD_LIMIT).map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} depth={depth + 1} openDepth={openDepth} />
          ))}
          {entries.length > CHILD_LIMIT ? <div className="text-zinc-600 dark:text-zinc-400">… {entries.length - CHILD_LIMIT} more (copy the JSON to see all)</div> : null}
        </div>
      ) : null}
      {open ? <div>{brackets[1]}</div> : null}
    </details>
  );
}

interface JsonViewProps {
  value: unknown;
  /** Levels open at first. */
  openDepth?: number;
  label?: string;
}

const BOX = 'rounded-lg bg-zinc-100 font-mono text-xs leading-relaxed text-zinc-800 break-words dark:bg-zinc-950 dark:text-zinc-200';

/** The one way JSON is shown: a short value on one line, a longer one as a collapsible tree; long strings wrap. */
export function JsonView({ value, openDepth = 2, label }: JsonViewProps) {
  const line = inlineJson(value, ONE_LINE);
  if (line !== null) {
    return (
      <code aria-label={label} data-json-inline="" className={`block px-2 py-1 ${BOX}`}>
        {revealBidi(line)}
      </code>
    );
  }
  return (
    <section aria-label={label} className={`max-h-[32rem] overflow-auto p-3 ${BOX}`}>
      <JsonNode name={null} value={value} depth={0} openDepth={openDepth} />
    </section>
  );
}
