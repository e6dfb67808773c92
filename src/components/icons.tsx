/** Small inline icons: emoji glyphs are missing from many system fonts. */
const PATHS = {
  file: 'M6 2h8l4 4v16H6zM14 2v4h4',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15 9.5a1 1 0 1 0 0-.01',
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z',
  warning: 'M12 3l10 18H2zM12 10v5M12 18v.01',
} as const;

export function Icon({ name, className = 'size-4' }: { name: keyof typeof PATHS; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className={`inline-block shrink-0 ${className}`}>
      <path d={PATHS[name]} />
    </svg>
  );
}
