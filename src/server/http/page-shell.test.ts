import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_MODULE, PAGE_MODULES, pageShells } from './page-shell.ts';

const SHELL = '<!doctype html><html><head><title>Conversation Viewer</title>\n  </head><body><div id="root"></div></body></html>';

function builtClient(preloads: Record<string, unknown> | null) {
  const dist = mkdtempSync(join(tmpdir(), 'viewer-dist-'));
  const clientDir = join(dist, 'client');
  mkdirSync(clientDir);
  writeFileSync(join(clientDir, 'index.html'), SHELL);
  if (preloads) writeFileSync(join(dist, 'page-preloads.json'), JSON.stringify(preloads));
  return clientDir;
}

const preloadsOf = (html: string | null) => [...(html ?? '').matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((match) => match[1]);

describe('pageShells', () => {
  it('names the code of the page a path opens, so the browser fetches it beside the entry', () => {
    const shellFor = pageShells(
      builtClient({
        'src/app/routes/transcript-route.tsx': ['assets/transcript-route-abc.js', 'assets/shared-def.js'],
        'src/app/routes/home-route.tsx': ['assets/home-route-123.js'],
      }),
    );
    expect(preloadsOf(shellFor('/c/conv_68f2a91c4be08190b3d5e27a61c40f9d'))).toEqual(['/assets/transcript-route-abc.js', '/assets/shared-def.js']);
    expect(preloadsOf(shellFor('/c/conv_68f2a91c4be08190b3d5e27a61c40f9d/'))).toEqual(['/assets/transcript-route-abc.js', '/assets/shared-def.js']);
    // The router matches a path in any case.
    expect(preloadsOf(shellFor('/C/conv_68f2a91c4be08190b3d5e27a61c40f9d'))).toEqual(['/assets/transcript-route-abc.js', '/assets/shared-def.js']);
    expect(preloadsOf(shellFor('/'))).toEqual(['/assets/home-route-123.js']);
    // The links go in the head; the rest of the shell is as built.
    expect(shellFor('/')).toMatch(/<link rel="modulepreload"[^>]+>\n {2}<\/head><body><div id="root"><\/div>/);
  });

  it('gives other paths, and every path of a client built without the list, the shell as built', () => {
    const shellFor = pageShells(builtClient({ 'src/app/routes/transcript-route.tsx': ['assets/transcript-route-abc.js'] }));
    expect(shellFor('/nowhere')).toBe(SHELL);
    expect(shellFor('/c/a/b')).toBe(SHELL);
    expect(pageShells(builtClient(null))('/c/conv_1')).toBe(SHELL);
  });

  it("names the app's start first on every path, then the page's own code", () => {
    const shellFor = pageShells(
      builtClient({
        [APP_MODULE]: ['assets/start-app-1.js', 'assets/react-2.js'],
        'src/app/routes/transcript-route.tsx': ['assets/transcript-route-abc.js'],
      }),
    );
    expect(preloadsOf(shellFor('/c/conv_68f2a91c4be08190b3d5e27a61c40f9d'))).toEqual(['/assets/start-app-1.js', '/assets/react-2.js', '/assets/transcript-route-abc.js']);
    expect(preloadsOf(shellFor('/nowhere'))).toEqual(['/assets/start-app-1.js', '/assets/react-2.js']);
    expect(preloadsOf(shellFor('/'))).toEqual(['/assets/start-app-1.js', '/assets/react-2.js']);
  });

  it('reads the shell again when the client is rebuilt under the running server', () => {
    const clientDir = builtClient({ [APP_MODULE]: ['assets/start-app-old.js'] });
    const shellFor = pageShells(clientDir);
    expect(preloadsOf(shellFor('/'))).toEqual(['/assets/start-app-old.js']);
    // A new build: new names in both files (the times set apart, as a fast file system may give both writes one).
    writeFileSync(join(clientDir, 'index.html'), SHELL.replace('<title>', '<script type="module" src="/assets/index-new.js"></script><title>'));
    writeFileSync(join(clientDir, '..', 'page-preloads.json'), JSON.stringify({ [APP_MODULE]: ['assets/start-app-new.js'] }));
    const later = new Date(Date.now() + 5000);
    utimesSync(join(clientDir, 'index.html'), later, later);
    utimesSync(join(clientDir, '..', 'page-preloads.json'), later, later);
    expect(shellFor('/')).toContain('/assets/index-new.js');
    expect(preloadsOf(shellFor('/'))).toEqual(['/assets/start-app-new.js']);
    // A list caught half written gives the plain shell until it is whole; a client taken away gives none.
    writeFileSync(join(clientDir, '..', 'page-preloads.json'), '{"src/app');
    expect(preloadsOf(shellFor('/'))).toEqual([]);
    rmSync(join(clientDir, 'index.html'));
    expect(shellFor('/')).toBeNull();
  });

  it('names only asset files, whatever the list says', () => {
    const shellFor = pageShells(builtClient({ 'src/app/routes/home-route.tsx': ['assets/ok-1.js', '"><script>alert(1)</script>', '../secret.js', 42] }));
    expect(preloadsOf(shellFor('/'))).toEqual(['/assets/ok-1.js']);
    expect(shellFor('/')).not.toContain('<script>');
  });

  it('has no shell without a built client', () => {
    expect(pageShells(join(tmpdir(), 'no-such-client-dir'))('/')).toBeNull();
  });

  it('each page module it names is a source file of the client', () => {
    const missing = [APP_MODULE, ...PAGE_MODULES.map(([, module]) => module)].filter((module) => !existsSync(join(import.meta.dirname, '../../..', module)));
    expect(missing).toEqual([]);
  });
});
