import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { readsWithoutPassword } from '../../lib/page-path';
import { Announcer } from '../../components/announcer';
import { TOUCH_TARGET } from '../../components/touch-target';
import { sourcesQueryOptions } from '../../features/sources/api/get-sources';
import { RemoteImagePolicyContext } from '../../features/transcript/lib/remote-images';

export function RootLayout({ children }: { children: ReactNode }) {
  const [path] = useLocation();
  const search = useSearch();
  // A shared snapshot's reader may have no password: its page uses the sources only if this tab already has them.
  const shared = readsWithoutPassword(path, search);
  const sources = useQuery({ ...sourcesQueryOptions(), enabled: !shared });
  // Until the server has said, remote images wait (and ask, if it cannot say); a server without the setting loads them.
  const imagePolicy = sources.data ? (sources.data.remoteImages ?? 'load') : sources.isError || shared ? 'ask' : 'pending';
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only rounded-md bg-indigo-700 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
        <div className="mx-auto flex max-w-4xl items-center gap-3 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
            {/* The tab's icon, drawn here rather than fetched: an image of it would be a second request on every page. */}
            <svg viewBox="0 0 32 32" aria-hidden="true" className="size-6">
              <rect width="32" height="32" rx="7" fill="#4f46e5" />
              <path d="M8 10h16v9H14l-5 4v-4H8z" fill="#fff" />
            </svg>
            Conversation Viewer
          </Link>
          {/* Where snapshots are turned off, their page could only say so: not offered. */}
          {sources.data?.snapshots === 'off' ? null : (
            <nav aria-label="Pages" className="ml-auto">
              {/* Marked while its page is open, so the reader knows where they are; a finger's size on a phone. */}
              <Link
                href="/snapshots"
                aria-current={path === '/snapshots' ? 'page' : undefined}
                className={`inline-flex items-center text-sm text-zinc-600 hover:underline aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:aria-[current=page]:text-zinc-100 ${TOUCH_TARGET}`}
              >
                Snapshots
              </Link>
            </nav>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-6 outline-none sm:py-8">
        <RemoteImagePolicyContext value={imagePolicy}>
          {children}
        </RemoteImagePolicyContext>
      </main>
      <Announcer />
    </div>
  );
}

export function NotFoundPage() {
  return (
    <div className="space-y-3 py-10 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">Transcript links look like /c/conv_…</p>
      <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
        Open a conversation
      </Link>
    </div>
  );
}
