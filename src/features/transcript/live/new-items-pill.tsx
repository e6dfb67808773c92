import { formatCount } from '../../../shared/format';
/** Shown to a reader away from the newest end while items arrive; takes them there. */
export function NewItemsPill({ count, newestOnTop, onClick }: { count: number; newestOnTop: boolean; onClick: () => void }) {
  if (count <= 0) return null;
  return (
    <button
      type="button"
      data-testid="new-items-pill"
      onClick={onClick}
      className="rounded-full bg-indigo-600 px-3 py-1 text-xs font-medium text-white shadow-md hover:bg-indigo-700"
    >
      {formatCount(count)} new {count === 1 ? 'item' : 'items'} {newestOnTop ? '↑' : '↓'}
    </button>
  );
}
