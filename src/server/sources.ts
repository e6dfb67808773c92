export type SourceKind = 'demo' | 'dashscope' | 'openai';

export interface Source {
  id: string;
  label: string;
  kind: SourceKind;
  baseUrl: string;
  apiKey: string;
}

/** What the browser may know of a source: never its key or its upstream URL. */
export interface PublicSource {
  id: string;
  label: string;
  kind: SourceKind;
}

const DASHSCOPE_BASE_URLS = {
  intl: 'https://dashscope-intl.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1',
  cn: 'https://dashscope.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1',
} as const;

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** The demo upstream: where it listens and the key it was started with. */
export interface DemoUpstream {
  baseUrl: string;
  apiKey: string;
}

/** A key is sent in a header: a line break or control character (a badly quoted .env value) cannot be. */
function checkedKey(name: string, value: string | undefined): string | undefined {
  const key = value?.trim();
  if (key && !/^[\x21-\x7e]+$/.test(key)) {
    throw new Error(`${name} contains a space, line break or other character that cannot be sent in an HTTP header. Check its value.`);
  }
  return key;
}

/** Every source this server knows how to configure, and what turns each on. */
export const KNOWN_SOURCES: Record<string, { label: string; howToEnable: string }> = {
  'dashscope-intl': {
    label: 'DashScope (Singapore)',
    howToEnable: 'Set DASHSCOPE_API_KEY (with DASHSCOPE_REGION=intl) on the server and restart it.',
  },
  'dashscope-cn': {
    label: 'DashScope (Beijing)',
    howToEnable: 'Set DASHSCOPE_API_KEY with DASHSCOPE_REGION=cn on the server and restart it.',
  },
  openai: { label: 'OpenAI', howToEnable: 'Set OPENAI_API_KEY on the server and restart it.' },
  demo: { label: 'Demo', howToEnable: 'Unset VIEWER_DEMO=off on the server and restart it.' },
};

export type Env = Record<string, string | undefined>;

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * The configured sources, real ones first: the first entry is the default, unless
 * VIEWER_DEFAULT_SOURCE names another configured one.
 */
export function sourcesFromEnv(env: Env, demo: DemoUpstream | null): Source[] {
  const sources = configuredSources(env, demo);
  const preferred = sources.findIndex((source) => source.id === env.VIEWER_DEFAULT_SOURCE?.trim());
  return preferred > 0 ? [sources[preferred], ...sources.filter((_, index) => index !== preferred)] : sources;
}

function configuredSources(env: Env, demo: DemoUpstream | null): Source[] {
  const sources: Source[] = [];
  const dashscopeKey = checkedKey('DASHSCOPE_API_KEY', env.DASHSCOPE_API_KEY);
  if (dashscopeKey) {
    const region = (env.DASHSCOPE_REGION?.trim().toLowerCase() || 'intl') === 'cn' ? 'cn' : 'intl';
    const id = `dashscope-${region}`;
    sources.push({
      id,
      label: KNOWN_SOURCES[id].label,
      kind: 'dashscope',
      baseUrl: trimSlash(env.DASHSCOPE_BASE_URL?.trim() || DASHSCOPE_BASE_URLS[region]),
      apiKey: dashscopeKey,
    });
  }
  const openaiKey = checkedKey('OPENAI_API_KEY', env.OPENAI_API_KEY);
  if (openaiKey) {
    sources.push({
      id: 'openai',
      label: KNOWN_SOURCES.openai.label,
      kind: 'openai',
      baseUrl: trimSlash(env.OPENAI_BASE_URL?.trim() || OPENAI_BASE_URL),
      apiKey: openaiKey,
    });
  }
  if (demo) {
    sources.push({ id: 'demo', label: 'Demo', kind: 'demo', baseUrl: trimSlash(demo.baseUrl), apiKey: demo.apiKey });
  }
  return sources;
}

export function isDemoEnabled(env: Env): boolean {
  return !['off', '0', 'false', 'no'].includes(env.VIEWER_DEMO?.trim().toLowerCase() ?? '');
}

export function toPublicSource({ id, label, kind }: Source): PublicSource {
  return { id, label, kind };
}
