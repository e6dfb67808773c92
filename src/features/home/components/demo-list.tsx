import { Link } from 'wouter';
import { stringifySearch, transcriptPath } from '../../../lib/navigation';
import type { DemoExample } from '../../sources/api/get-sources';

export function DemoList({ examples }: { examples: readonly DemoExample[] }) {
  if (examples.length === 0) return null;
  return (
    <section aria-labelledby="demo-heading" className="space-y-3">
      <h2 id="demo-heading" className="text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
        Demo conversations
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {examples.map((example) => (
          <li key={example.id}>
            <Link
              href={`${transcriptPath(example.id)}${stringifySearch({ source: 'demo' })}`}
              className="flex h-full flex-col rounded-xl border border-zinc-200 bg-white p-4 shadow-sm transition hover:border-indigo-400 hover:shadow dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-indigo-500"
            >
              <span className="font-medium">{example.title}</span>
              <span className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{example.description}</span>
              {/* At the card's foot, level with its neighbour's; on a phone the ID takes a line of its own when it must. */}
              <span className="mt-auto flex flex-wrap gap-x-3 pt-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">
                <span>{example.itemCount} items</span>
                <span className="break-all">{example.id}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
