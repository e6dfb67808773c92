import { IMAGE_LEFT_OUT } from '../../../../shared/snapshots/image-left-out';
import { LeftOutNote } from '../../lib/left-out';
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { displayText } from '../../../../shared/items/display-text';
import { useRemoteImageState } from '../../lib/remote-images';
import { isSafeImageUrl } from '../../../../shared/markdown/safe-url';
import { RemoteImagePrompt } from './remote-image-prompt';

interface SafeImageProps {
  src: unknown;
  alt: string;
}

/** An image from conversation content: only safe URLs load, without a referrer, lazily, and enlarge on click. */
export function SafeImage({ src, alt }: SafeImageProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [enlarged, setEnlarged] = useState(false);
  const [failed, setFailed] = useState(false);
  const remote = useRemoteImageState(typeof src === 'string' ? src : '');
  if (src === IMAGE_LEFT_OUT) return <LeftOutNote what="Image" />;
  if (!isSafeImageUrl(src) || failed) {
    const shown = typeof src === 'string' && src ? (src.length > 120 ? `${src.slice(0, 120)}…` : src) : src === undefined || src === null || src === '' ? alt : displayText(src);
    return (
      <span data-image-blocked={failed ? undefined : ''} className="block rounded-lg border border-dashed border-amber-400 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950/30 dark:text-amber-100">
        <span className="block font-medium">
          {failed ? 'The image could not be loaded.' : 'Image not shown: only https: and PNG, JPEG, GIF or WebP data: URLs are loaded.'}
        </span>
        <span className="mt-1 block break-all font-mono">{shown}</span>
      </span>
    );
  }
  if (!remote.allowed) return <RemoteImagePrompt src={src} alt={alt} policy={remote.policy} itemId={remote.itemId} />;
  return (
    <>
      <button
        type="button"
        onClick={() => setEnlarged(true)}
        title="Enlarge"
        className="inline-block overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <img
          src={src}
          alt={alt}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setFailed(true)}
          className="max-h-72 max-w-full object-contain"
        />
      </button>
      {enlarged
        ? createPortal(
            <dialog
              ref={(element) => {
                dialog.current = element;
                if (element && !element.open) element.showModal();
              }}
              aria-label={alt}
              onClose={() => setEnlarged(false)}
              className="m-auto max-h-[95dvh] max-w-[95vw] bg-transparent p-0 backdrop:bg-black/80"
            >
              <button type="button" onClick={() => dialog.current?.close()} title="Close (Esc)" className="block cursor-zoom-out">
                <img src={src} alt={alt} referrerPolicy="no-referrer" className="max-h-[95dvh] w-[min(56rem,95vw)] max-w-[95vw] object-contain" />
              </button>
            </dialog>,
            document.body,
          )
        : null}
    </>
  );
}
