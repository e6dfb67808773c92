import { useMemo, useState } from 'react';
import { inlineJson } from '../../../../shared/items/inline-json';
import { JSON_CHILD_LIMIT as CHILD_LIMIT, JSON_LEAF_LIMIT as LEAF_LIMIT, JSON_ONE_LINE as ONE_LINE, jsonInlineText, jsonKeyText, jsonLeafText, jsonShowsText } from '../../lib/json-shown-text';
import { useCurrentMatchNeedle } from '../../search/search-query-context';
import { revealBidi } from '../../../../shared/markdown/link-spoofing';
import { LongText } from './long-text';
import { isJsonNode, WrittenNumber } from '../../../../shared/items/written-number';

const STRING = 'text-emerald-800 dark:text-emerald-300';

/** A plain value; its text is `jsonLeafText`'s, which the search reads. */
function Leaf({ value }: { value: unknown }) {
  if (typeof value === 'string' && value.length > LEAF_LIMIT) return <LongLeaf value={value} />;
  const text = jsonLeafText(value);
  if (typeof value === 'string') return <span className={`whitespace-pre-wrap ${STRING}`}>{text}</span>;
  if (typeof value === 'number' || value instanceof WrittenNumber) return <span className="text-sky-800 dark:text-sky-300">{text}</span>;
  if (typeof value === 'boolean') return <span className="text-violet-800 dark:text-violet-300">{text}</span>;
  return <span className="text-zinc-600 dark:text-zinc-400">{text}</span>;
}

/**
 * A long string, quoted as any other, shown as a long text is: its start, then Show more a step at a time (each step
 * sized to a frame), the current search match past the cut opening it, and a download when very long. It is a block
 * of its own below its key: the search reads the two apart (see `jsonShownLines`).
 */
function LongLeaf({ value }: { value: string }) {
  const text = useMemo(() => JSON.stringify(value), [value]);
  return (
    <div className={`indent-0 ${STRING}`}>
      <LongText text={text} filename="value.json" currentMatchOnly />
    </div>
  );
}

interface NodeProps {
  name: string | number | null;
  value: unknown;
  depth: number;
  openDepth: number;
  /** The search reads this tree as shown, keys too (see `jsonShownLines`). */
  keysSearched: boolean;
}

function Key({ name }: { name: string | number | null }) {
  if (name === null) return null;
  return <span className="text-zinc-600 dark:text-zinc-400">{jsonKeyText(name)}</span>;
}

/** One node; children render only while it is open, so deep or huge values cost nothing until asked for. */
function JsonNode({ name, value, depth, openDepth, keysSearched }: NodeProps) {
  const [open, setOpen] = useState(depth < openDepth);
  // A list of plain values (IDs, numbers) wraps as one line; an object of plain values only when it is short.
  const inline = isJsonNode(value) ? jsonInlineText(value) : null;
  // A folded node that holds the current search match opens, once for each search: the reader may fold it again.
  const needle = useCurrentMatchNeedle();
  const [openedFor, setOpenedFor] = useState('');
  const holdsMatch = useMemo(() => !open && inline === null && needle !== '' && jsonShowsText(value, needle, keysSearched), [open, inline, needle, value, keysSearched]);
  if (holdsMatch && openedFor !== needle) {
    setOpenedFor(needle);
    setOpen(true);
  }
  if (!isJsonNode(value) || inline !== null) {
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
            <JsonNode key={key} name={key} value={child} depth={depth + 1} openDepth={openDepth} keysSearched={keysSearched} />
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
  /** The search reads this JSON as shown, keys and quotes too: a tool's arguments or output given as JSON text. */
  keysSearched?: boolean;
}

const BOX = 'rounded-lg bg-zinc-100 font-mono text-xs leading-relaxed text-zinc-800 break-words dark:bg-zinc-950 dark:text-zinc-200';

/** The one way JSON is shown: a short value on one line, a longer one as a collapsible tree; long strings wrap. */
export function JsonView({ value, openDepth = 2, label, keysSearched = false }: JsonViewProps) {
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
      <JsonNode name={null} value={value} depth={0} openDepth={openDepth} keysSearched={keysSearched} />
    </section>
  );
}
