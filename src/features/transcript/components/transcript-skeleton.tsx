export function TranscriptSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <output aria-busy="true" aria-label="Loading conversation" className="block space-y-3">
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="animate-pulse rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
          <div className="mb-3 h-4 w-20 rounded bg-zinc-200 dark:bg-zinc-800" />
          <div className="space-y-2">
            <div className="h-3 w-11/12 rounded bg-zinc-200 dark:bg-zinc-800" />
            <div className="h-3 w-8/12 rounded bg-zinc-200 dark:bg-zinc-800" />
          </div>
        </div>
      ))}
    </output>
  );
}
