import { EXPIRY_CHOICES, type ExpiryChoice } from '../lib/snapshot-request';

/** The style of the share dialogs' text fields and selects. */
export const SHARE_FIELD = 'mt-1 w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-800';

/** When a shared snapshot (or the snapshots of a shared comparison) stops opening. */
export function ExpirySelect({ value, onChange }: { value: ExpiryChoice; onChange: (value: ExpiryChoice) => void }) {
  return (
    <label className="block text-sm font-medium">
      Expires
      <select value={value} onChange={(event) => onChange(event.currentTarget.value as ExpiryChoice)} className={SHARE_FIELD}>
        {EXPIRY_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.value === 'never' ? 'Never' : `After ${choice.label}`}
          </option>
        ))}
      </select>
    </label>
  );
}
