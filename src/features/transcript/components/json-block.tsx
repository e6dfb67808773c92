interface JsonBlockProps {
  text: string;
  label?: string;
}

export function JsonBlock({ text, label }: JsonBlockProps) {
  return (
    <pre
      aria-label={label}
      className="max-h-96 overflow-auto rounded-lg bg-zinc-100 p-3 font-mono text-xs leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200"
    >
      {text}
    </pre>
  );
}
