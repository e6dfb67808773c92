import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { APP_MODULE } from './src/server/http/page-shell.ts';
import { precompressDir } from './src/server/http/precompress.ts';
import { viewerServer } from './src/server/http/vite-plugin.ts';

/**
 * Writes which packages and source files each client chunk holds to dist/chunk-modules.json (outside what is
 * served), so the first-load e2e test and `npm run bench:bundle` can tell what a page's chunks brought with them.
 */
const chunks: Record<string, string[]> = {};
/** For each page chunk (a dynamic import), its file and every chunk it imports that the entry does not already load. */
const pagePreloads: Record<string, string[]> = {};
function chunkModules(): Plugin {
  return {
    name: 'chunk-modules',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules = Object.keys(output.modules).map((id) => {
          const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
          return pkg ? pkg[1] : relative(import.meta.dirname, id.replace(/\?.*$/, ''));
        });
        chunks[output.fileName] = [...new Set(modules)].sort();
      }
    },
    writeBundle(options, bundle) {
      // Workers are bundled first, each on its own; the page's bundle (with index.html) comes last and writes them all.
      if (!options.dir || !('index.html' in bundle)) return;
      const entry = Object.values(bundle).find((output) => output.type === 'chunk' && output.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      const loaded = new Set([entry.fileName, ...entry.imports]);
      const importsOf = (fileName: string, into: string[]): string[] => {
        if (loaded.has(fileName) || into.includes(fileName)) return into;
        into.push(fileName);
        const chunk = bundle[fileName];
        if (chunk?.type === 'chunk') for (const next of chunk.imports) importsOf(next, into);
        return into;
      };
      const dynamic = Object.values(bundle).filter((output) => output.type === 'chunk' && output.isDynamicEntry && output.facadeModuleId);
      const moduleOf = (output: (typeof dynamic)[number]) => (output.type === 'chunk' && output.facadeModuleId ? relative(import.meta.dirname, output.facadeModuleId) : '');
      // The app's start (React, the router), imported by the entry after its early requests, comes with every page
      // (page-shell.ts names it first): each page's own list leaves its chunks out.
      const start = dynamic.find((output) => moduleOf(output) === APP_MODULE);
      if (start) for (const file of (pagePreloads[APP_MODULE] = importsOf(start.fileName, []))) loaded.add(file);
      for (const output of dynamic) {
        if (output !== start) pagePreloads[moduleOf(output)] = importsOf(output.fileName, []);
      }

      const file = join(dirname(options.dir), 'chunk-modules.json');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(chunks, null, 1)}\n`);
      writeFileSync(join(dirname(options.dir), 'page-preloads.json'), `${JSON.stringify(pagePreloads, null, 1)}\n`);
    },
  };
}

/** Brotli and gzip copies of the client's assets, which the server sends to browsers that accept them. */
function precompressAssets(): Plugin {
  return {
    name: 'precompress-assets',
    apply: 'build',
    async writeBundle(options, bundle) {
      // The page's bundle comes last (the workers' are written before it); the server's own build has no index.html.
      if (!options.dir || !('index.html' in bundle)) return;
      await precompressDir(join(options.dir, 'assets'));
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), viewerServer(), chunkModules(), precompressAssets()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // The small helpers most pages share come in one file: each apart was a request of a few hundred bytes, with
        // its own compression overhead, before a transcript's first rows.
        codeSplitting: {
          groups: [{ name: 'shared-items', test: /src\/shared\/items\/(display-text|inline-json|byte-size|written-number)\.ts|src\/lib\/stringify-deep\.ts/ }],
        },
      },
    },
  },
  resolve: {
    alias: [
      // Markdown is parsed in a worker, which has no DOM: character references are decoded from the package's own
      // table, not through a DOM element as its browser build does.
      { find: /^decode-named-character-reference$/, replacement: createRequire(import.meta.url).resolve('decode-named-character-reference') },
    ],
  },
  // Module workers keep their own dynamic imports, so the text index answers searches before the tokenizer arrives.
  worker: { format: 'es', plugins: () => [chunkModules()] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
