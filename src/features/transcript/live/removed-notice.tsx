/** Marks an item the upstream no longer has: it stays where it was, so the reader sees what went away. */
export function RemovedNotice() {
  return (
    <p data-testid="removed-notice" className="mb-1 inline-block rounded-md bg-zinc-200 px-2 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
      Removed from the conversation since it loaded
    </p>
  );
}
