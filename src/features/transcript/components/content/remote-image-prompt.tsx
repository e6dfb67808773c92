import { allowRemoteImages, type RemoteImagePolicy } from '../../lib/remote-images';

interface RemoteImagePromptProps {
  src: string;
  alt: string;
  policy: RemoteImagePolicy;
  itemId: string | null;
}

function hostOf(src: string): string {
  try {
    return new URL(src).host;
  } catch {
    return 'another site';
  }
}

const button =
  'rounded-md border border-zinc-300 bg-white px-2 py-0.5 font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800';

/** A remote image that has not loaded: loading it would tell its host that this conversation is being read. */
export function RemoteImagePrompt({ src, alt, policy, itemId }: RemoteImagePromptProps) {
  if (policy === 'pending') {
    return <span data-image-waiting="" className="block h-16 w-32 rounded-lg border border-dashed border-zinc-300 dark:border-zinc-700" aria-label={alt} />;
  }
  return (
    <span data-image-ask="" className="block space-y-1.5 rounded-lg border border-dashed border-zinc-300 bg-zinc-50 px-3 py-2 text-xs text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
      <span className="block">
        Remote image from <span className="font-mono font-medium">{hostOf(src)}</span> not loaded: loading it tells that site this conversation is being read.
        {alt ? <span className="block text-zinc-600 dark:text-zinc-400">“{alt.slice(0, 200)}”</span> : null}
      </span>
      <span className="flex flex-wrap gap-2">
        <button type="button" className={button} onClick={() => allowRemoteImages(itemId === null ? { kind: 'image', src } : { kind: 'item', itemId })}>
          {itemId === null ? 'Load image' : 'Load images in this item'}
        </button>
        <button type="button" className={button} onClick={() => allowRemoteImages({ kind: 'conversation' })}>
          Load all images in this conversation
        </button>
      </span>
    </span>
  );
}
