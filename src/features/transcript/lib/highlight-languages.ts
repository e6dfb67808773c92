import type { LanguageFn } from 'highlight.js';
import { createLowlight } from 'lowlight';

/** The grammars a code block may name (lowlight's common set), each a chunk of its own, fetched when first named. */
const GRAMMARS: Record<string, () => Promise<{ default: LanguageFn }>> = {
  arduino: () => import('highlight.js/lib/languages/arduino'),
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  go: () => import('highlight.js/lib/languages/go'),
  graphql: () => import('highlight.js/lib/languages/graphql'),
  ini: () => import('highlight.js/lib/languages/ini'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  less: () => import('highlight.js/lib/languages/less'),
  lua: () => import('highlight.js/lib/languages/lua'),
  makefile: () => import('highlight.js/lib/languages/makefile'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  objectivec: () => import('highlight.js/lib/languages/objectivec'),
  perl: () => import('highlight.js/lib/languages/perl'),
  php: () => import('highlight.js/lib/languages/php'),
  'php-template': () => import('highlight.js/lib/languages/php-template'),
  plaintext: () => import('highlight.js/lib/languages/plaintext'),
  python: () => import('highlight.js/lib/languages/python'),
  'python-repl': () => import('highlight.js/lib/languages/python-repl'),
  r: () => import('highlight.js/lib/languages/r'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  scss: () => import('highlight.js/lib/languages/scss'),
  shell: () => import('highlight.js/lib/languages/shell'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  vbnet: () => import('highlight.js/lib/languages/vbnet'),
  wasm: () => import('highlight.js/lib/languages/wasm'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

/** The names the grammars answer to besides their own, from their `aliases`, known before any grammar is loaded. */
const ALIASES: Record<string, string> = {
  ino: 'arduino', sh: 'bash', zsh: 'bash', h: 'c', cc: 'cpp', 'c++': 'cpp', 'h++': 'cpp', hpp: 'cpp', hh: 'cpp', hxx: 'cpp', cxx: 'cpp',
  cs: 'csharp', 'c#': 'csharp', patch: 'diff', golang: 'go', gql: 'graphql', toml: 'ini', jsp: 'java',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', jsonc: 'json', json5: 'json', kt: 'kotlin', kts: 'kotlin',
  pluto: 'lua', mk: 'makefile', mak: 'makefile', make: 'makefile', md: 'markdown', mkdown: 'markdown', mkd: 'markdown',
  mm: 'objectivec', objc: 'objectivec', 'obj-c': 'objectivec', 'obj-c++': 'objectivec', 'objective-c++': 'objectivec', pl: 'perl', pm: 'perl',
  text: 'plaintext', txt: 'plaintext', py: 'python', gyp: 'python', ipython: 'python', pycon: 'python-repl',
  rb: 'ruby', gemspec: 'ruby', podspec: 'ruby', thor: 'ruby', irb: 'ruby', rs: 'rust', console: 'shell', shellsession: 'shell',
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript', vb: 'vbnet',
  html: 'xml', xhtml: 'xml', rss: 'xml', atom: 'xml', xjb: 'xml', xsd: 'xml', xsl: 'xml', plist: 'xml', wsf: 'xml', svg: 'xml', yml: 'yaml',
};

/** Languages a grammar hands parts of its text to (a page's scripts and styles, a session's commands). */
const EMBEDS: Record<string, string[]> = { xml: ['css', 'javascript'], 'php-template': ['php', 'xml'], 'python-repl': ['python'], shell: ['bash'] };

/** Highlights only with the grammars loaded so far; a block in a language not yet loaded stays as written. */
export const lowlight = createLowlight();

const loading = new Map<string, Promise<void>>();

/** The grammar a code block's language name stands for, if it is one of ours. */
export function grammarName(language: string): string | null {
  const name = language.toLowerCase();
  if (Object.hasOwn(GRAMMARS, name)) return name;
  return Object.hasOwn(ALIASES, name) ? ALIASES[name] : null;
}

/** The grammars Markdown's fenced code blocks name (```python, ~~~ts), without the ones already loaded. */
export function missingGrammars(markdown: string): string[] {
  const names = new Set<string>();
  for (const match of markdown.matchAll(/^[ \t>]*(?:`{3,}|~{3,})[ \t]*([^\s`{}]+)/gm)) {
    const name = grammarName(match[1].replace(/^\{?\.?|\}$/g, ''));
    if (name) for (const needed of [name, ...(EMBEDS[name] ?? [])]) if (!lowlight.registered(needed)) names.add(needed);
  }
  return [...names];
}

/** Loads and registers grammars; each is fetched once however many blocks ask. A grammar that fails to load is skipped. */
export function loadGrammars(names: readonly string[]): Promise<void> {
  return Promise.all(
    names.map((name) => {
      let pending = loading.get(name);
      if (!pending) {
        pending = GRAMMARS[name]().then(
          (module) => lowlight.register(name, module.default),
          () => {
            loading.delete(name);
          },
        );
        loading.set(name, pending);
      }
      return pending;
    }),
  ).then(() => undefined);
}
