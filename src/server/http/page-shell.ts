import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The client's routes whose page is a chunk of its own (see `src/app/router.tsx`), by the module the chunk starts at.
 * The shell for such a path names the page's code, so the browser fetches it beside the entry script instead of
 * after the entry has run and asked for it: a transcript link shows its first rows about 100 ms sooner. A page whose
 * path holds an ID is matched in any case, as the router matches it (`/C/conv_…` is the transcript page).
 */
export const PAGE_MODULES: readonly (readonly [pattern: RegExp, module: string])[] = [
  [/^\/$/, 'src/app/routes/home-route.tsx'],
  [/^\/c\/[^/]+$/i, 'src/app/routes/transcript-route.tsx'],
  [/^\/s\/[^/]+$/i, 'src/app/routes/snapshot-route.tsx'],
  [/^\/file$/, 'src/app/routes/file-route.tsx'],
  [/^\/compare$/, 'src/app/routes/compare-route.tsx'],
  [/^\/snapshots$/, 'src/features/snapshots/components/snapshots-page.tsx'],
];

/** The module the entry script imports to start the app (React, React Query, the router): every page needs its code. */
export const APP_MODULE = 'src/app/start-app.tsx';

/**
 * The app shell (`index.html` of the built client) for a path, with a `modulepreload` link for each chunk of the app's
 * start and then of the path's page that the entry does not load itself. The chunks come from `page-preloads.json`,
 * which the build writes beside the client; without it every path gets the plain shell. Without a built client there
 * is no shell (null).
 *
 * The shells are read again when the build changes under a running server (a new `index.html`): the old shell named
 * scripts the new build no longer has, and its pages stayed blank.
 */
export function pageShells(clientDir: string): (path: string) => string | null {
  const shellFile = join(clientDir, 'index.html');
  const listFile = join(dirname(clientDir), 'page-preloads.json');
  let built: { stamp: string; shellFor: (path: string) => string } | null = null;
  return (path) => {
    const stamp = stampOf(shellFile);
    if (stamp === null) return null;
    const fullStamp = `${stamp} ${stampOf(listFile)}`;
    if (built?.stamp !== fullStamp) {
      try {
        built = { stamp: fullStamp, shellFor: readShells(shellFile, listFile) };
      } catch {
        // Gone between the look and the read (a build emptying the folder): the shell as it was, read again next time.
        return built?.shellFor(path) ?? null;
      }
    }
    return built.shellFor(path);
  };
}

/** A file's size and time of change, or null if it is not there. */
function stampOf(file: string): string | null {
  try {
    const stat = statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return null;
  }
}

function readShells(shellFile: string, listFile: string): (path: string) => string {
  const built = readFileSync(shellFile, 'utf8');
  let lists: Record<string, unknown> = {};
  try {
    const parsed: unknown = existsSync(listFile) ? JSON.parse(readFileSync(listFile, 'utf8')) : null;
    if (parsed && typeof parsed === 'object') lists = parsed as Record<string, unknown>;
  } catch {
    // A list being written (a build under way) reads again once it changes: until then, the plain shell.
  }
  const withLinks = (html: string, files: unknown) => {
    if (!Array.isArray(files) || !html.includes('</head>')) return html;
    const links = files
      // Only names of built scripts get in, so nothing in the list needs escaping in the page.
      .filter((file): file is string => typeof file === 'string' && /^assets\/[\w.-]+\.js$/.test(file))
      .map((file) => `    <link rel="modulepreload" crossorigin href="/${file}">\n`)
      .join('');
    return links ? html.replace('</head>', `${links}  </head>`) : html;
  };
  // Every page starts the app: its code is named first, for every path.
  const shell = withLinks(built, lists[APP_MODULE]);
  const shells = new Map<string, string>();
  for (const [, module] of PAGE_MODULES) {
    if (Array.isArray(lists[module])) shells.set(module, withLinks(shell, lists[module]));
  }
  return (path) => {
    const route = PAGE_MODULES.find(([pattern]) => pattern.test(path.length > 1 ? path.replace(/\/$/, '') : path));
    return (route && shells.get(route[1])) ?? shell;
  };
}
