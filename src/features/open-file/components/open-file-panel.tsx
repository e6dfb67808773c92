import { useEffect, useRef, useState } from 'react';
import { openLocalFile, openText, setOpenedFile, type OpenedFile } from '../lib/opened-file';

/** Open a conversation from a file (button or drop anywhere on the page) or from pasted JSON, read in the browser only. */
export function OpenFilePanel({ onOpened }: { onOpened: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  /** The name of the file being read, while it is. */
  const [reading, setReading] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Each read takes a number; only the latest one's answer counts, so a large file chosen first and still being
  // read cannot take the place of a small one chosen after it.
  const latest = useRef(0);

  const finish = (result: { ok: true; file: OpenedFile } | { ok: false; message: string }) => {
    if (!result.ok) return setError(result.message);
    setError(null);
    setOpenedFile(result.file);
    onOpened();
  };
  const read = (name: string, opening: Promise<{ ok: true; file: OpenedFile } | { ok: false; message: string }>) => {
    const ticket = ++latest.current;
    setError(null);
    setReading(name);
    void opening.then((result) => {
      if (ticket !== latest.current) return;
      setReading(null);
      finish(result);
    });
  };
  // The drop listener lives as long as the page; it reaches the latest handler through this.
  const readRef = useRef(read);
  useEffect(() => {
    readRef.current = read;
  });

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      const files = event.dataTransfer?.files;
      const file = files?.[0];
      if (!file) return;
      event.preventDefault();
      setDragging(false);
      if (files.length > 1) return setError(`Drop one file at a time: ${files.length} files were dropped.`);
      readRef.current(`“${file.name}”`, openLocalFile(file));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <section aria-labelledby="open-file-title" className={`space-y-3 rounded-xl border border-dashed p-4 ${dragging ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950/30' : 'border-zinc-300 dark:border-zinc-700'}`}>
      <h2 id="open-file-title" className="font-semibold">
        Open a file
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A page of items as the API returns it, an array of items, JSON Lines, or a JSON export of this viewer. Drop it anywhere on this page. It is read in
        this browser; nothing is uploaded.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => input.current?.click()} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
          Choose a file…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,.jsonl,.ndjson,application/json"
          aria-label="Conversation file"
          className="sr-only"
          // The "Choose a file…" button opens it; a second stop for the same thing would only confuse.
          tabIndex={-1}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) read(`“${file.name}”`, openLocalFile(file));
          }}
        />
      </div>
      <label className="block text-sm font-medium">
        Or paste JSON
        <textarea
          value={pasted}
          onChange={(event) => setPasted(event.currentTarget.value)}
          rows={3}
          className="mt-1 w-full rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-900"
          placeholder='{"object": "list", "data": [...]}'
        />
      </label>
      <button
        type="button"
        disabled={!pasted.trim()}
        onClick={() =>
          read(
            'the pasted JSON',
            // The reader speaks of a file; what was pasted is text.
            openText(pasted, 'Pasted JSON').then((result) => (result.ok ? result : { ok: false as const, message: result.message.replace(/^This file\b/, 'The pasted text') })),
          )
        }
        className="rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium disabled:opacity-50 dark:border-zinc-700"
      >
        Read pasted JSON
      </button>
      {reading ? (
        <output className="block text-sm text-zinc-600 [overflow-wrap:anywhere] dark:text-zinc-400">Reading {reading}…</output>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900 [overflow-wrap:anywhere] dark:bg-red-950/40 dark:text-red-100">
          {error}
        </p>
      ) : null}
    </section>
  );
}
