import { z } from 'zod';
import { DASHSCOPE_LABELS, DASHSCOPE_REGIONS, dashScopeLabel, dashScopeUrls, WORKSPACE_ID_PATTERN, type DashScopeRegion } from './dashscope-urls.ts';
import type { PublicSource, SourceKind } from '../../shared/contract/shapes.ts';
import { parseEnv, setting, type Env } from '../env-setting.ts';
import {
  baseUrlSchema,
  checkedKey,
  ConfigError,
  OPENAI_ACCOUNT_ID_PATTERN,
  sourceSpecsFromEnv,
  sourceSpecsFromFile,
  type SourceEntry,
  type SourceSpec,
} from './sources-file.ts';

export type { Env } from '../env-setting.ts';
export type { PublicSource };

export type { SourceKind };

/** List parameters that only some providers document; each goes to those alone. */
export type ExtraListParam = 'before' | 'item_type';

export interface Source {
  id: string;
  label: string;
  kind: SourceKind;
  baseUrl: string;
  /** The same API under another path (DashScope's legacy one), tried once when `baseUrl` answers 404. */
  altBaseUrl?: string;
  apiKey: string;
  /** The header that carries the key: `authorization` (the default) sends `Bearer <key>`, any other the bare key. */
  authHeader?: string;
  /** Whether the provider documents `include`; by default only OpenAI does. */
  acceptsInclude?: boolean;
  extraListParams?: readonly ExtraListParam[];
  /** Sent as OpenAI-Organization / OpenAI-Project, for a key that spans several (provider `openai` only). */
  organization?: string;
  project?: string;
}


const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** The demo upstream: where it listens and the key it was started with. */
export interface DemoUpstream {
  baseUrl: string;
  apiKey: string;
}

/** Every built-in source this server knows how to configure, and what turns each on. */
export const KNOWN_SOURCES: ReadonlyMap<string, { label: string; howToEnable: string }> = new Map([
  ['dashscope-intl', { label: DASHSCOPE_LABELS.intl, howToEnable: 'Set DASHSCOPE_INTL_API_KEY (or DASHSCOPE_API_KEY with DASHSCOPE_REGION unset or intl) on the server and restart it.' }],
  ...(['cn', 'us', 'hk'] as const).map((region) => [
    `dashscope-${region}`,
    {
      label: DASHSCOPE_LABELS[region],
      howToEnable: `Set DASHSCOPE_${region.toUpperCase()}_API_KEY (or DASHSCOPE_API_KEY with DASHSCOPE_REGION=${region}) on the server and restart it.`,
    },
  ] as const),
  ['openai', { label: 'OpenAI', howToEnable: 'Set OPENAI_API_KEY on the server and restart it.' }],
  ['demo', { label: 'Demo', howToEnable: 'Set VIEWER_DEMO=on (or unset it) on the server and restart it.' }],
]);

const accountId = (what: string) => z.string().trim().regex(OPENAI_ACCOUNT_ID_PATTERN, `expected an OpenAI ${what} ID (letters, digits, '_' and '-')`);

/** The variables that configure the built-in sources, besides their keys. */
const sourceSettings = z.object({
  DASHSCOPE_REGION: setting(z.string().trim().toLowerCase().pipe(z.enum(DASHSCOPE_REGIONS)).default('intl')),
  DASHSCOPE_BASE_URL: setting(baseUrlSchema.optional()),
  OPENAI_BASE_URL: setting(baseUrlSchema.optional()),
  // The official SDKs' own names for the same two headers.
  OPENAI_ORG_ID: setting(accountId('organization').optional()),
  OPENAI_PROJECT_ID: setting(accountId('project').optional()),
  VIEWER_DEFAULT_SOURCE: setting(z.string().trim().optional()),
});
type SourceSettings = z.infer<typeof sourceSettings>;
/** The variables that configure sources by name (keys and VIEWER_SOURCE_<NAME>_* aside). */
export const SOURCE_SETTINGS = [...Object.keys(sourceSettings.shape), 'VIEWER_SOURCES_FILE'];

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * The configured sources, real ones first: the first entry is the default, unless
 * VIEWER_DEFAULT_SOURCE names another configured one. Throws, with one line per mistake, on a bad set-up.
 */
export function sourcesFromEnv(env: Env, demo: DemoUpstream | null): Source[] {
  const settings = parseEnv(sourceSettings, env);
  const mistakes: string[] = [];
  const placed = configuredSources(env, settings, demo, mistakes);
  const sources = placed.flatMap(({ source }) => (source ? [source] : []));
  const byId = new Map<string, PlacedSource[]>();
  for (const entry of placed) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  for (const [id, same] of byId) {
    if (same.length > 1) mistakes.push(`The source name '${id}' is configured ${same.length === 2 ? 'twice' : `${same.length} times`}: by ${same.map(({ from }) => from).join(' and by ')}. Each source needs a name of its own.`);
  }
  mistakes.push(...unusedSettings(env, settings, sources));
  if (mistakes.length > 0) throw new ConfigError(mistakes.join('\n'));
  const wanted = settings.VIEWER_DEFAULT_SOURCE?.toLowerCase();
  const preferred = sources.findIndex((source) => source.id === wanted);
  return preferred > 0 ? [sources[preferred], ...sources.filter((_, index) => index !== preferred)] : sources;
}

const isSet = (env: Env, name: string) => (env[name]?.trim() ?? '') !== '';

/**
 * Settings that only mean something beside another one, set without it: each would be ignored without a word (a
 * region for a key that is not there, a workspace its base URL overrides), so each is a mistake of its own.
 */
function unusedSettings(env: Env, settings: SourceSettings, sources: readonly Source[]): string[] {
  const mistakes: string[] = [];
  const without = (name: string, needs: string, instead = '') => {
    if (isSet(env, name)) mistakes.push(`${name} is set, but ${needs} is not, so it would be ignored.${instead ? ` ${instead}` : ''} Set ${needs}, or unset ${name}.`);
  };
  if (!isSet(env, 'OPENAI_API_KEY')) for (const name of ['OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID']) without(name, 'OPENAI_API_KEY');
  if (!isSet(env, 'DASHSCOPE_API_KEY')) {
    for (const name of ['DASHSCOPE_REGION', 'DASHSCOPE_WORKSPACE_ID']) without(name, 'DASHSCOPE_API_KEY', name === 'DASHSCOPE_REGION' ? 'A per-region key (DASHSCOPE_CN_API_KEY…) names its region itself.' : '');
  }
  const dashScopeKeys = ['DASHSCOPE_API_KEY', ...DASHSCOPE_REGIONS.map((region) => `DASHSCOPE_${region.toUpperCase()}_API_KEY`)];
  if (!dashScopeKeys.some((name) => isSet(env, name))) without('DASHSCOPE_BASE_URL', 'a DashScope key (DASHSCOPE_API_KEY or DASHSCOPE_<REGION>_API_KEY)');
  for (const region of DASHSCOPE_REGIONS) {
    const upper = region.toUpperCase();
    if (!isSet(env, `DASHSCOPE_${upper}_API_KEY`)) {
      without(`DASHSCOPE_${upper}_WORKSPACE_ID`, `DASHSCOPE_${upper}_API_KEY`, `With DASHSCOPE_API_KEY, the workspace is DASHSCOPE_WORKSPACE_ID.`);
    }
  }
  const workspaces = ['DASHSCOPE_WORKSPACE_ID', ...DASHSCOPE_REGIONS.map((region) => `DASHSCOPE_${region.toUpperCase()}_WORKSPACE_ID`)].filter((name) => isSet(env, name));
  if (settings.DASHSCOPE_BASE_URL && workspaces.length > 0) {
    mistakes.push(`${workspaces.join(' and ')} and DASHSCOPE_BASE_URL cannot both be set: a workspace's host is made from its ID, and a base URL replaces it. Keep one.`);
  }
  const wanted = settings.VIEWER_DEFAULT_SOURCE?.toLowerCase();
  if (wanted && !sources.some((source) => source.id === wanted) && !KNOWN_SOURCES.has(wanted)) {
    const configured = sources.map((source) => source.id);
    mistakes.push(`VIEWER_DEFAULT_SOURCE names '${settings.VIEWER_DEFAULT_SOURCE}', which is not a source (configured: ${configured.length > 0 ? configured.join(', ') : 'none'}${env.VIEWER_DEMO === undefined || !/^(off|false|0|no)$/i.test(env.VIEWER_DEMO.trim()) ? ', and demo' : ''}).`);
  }
  return mistakes;
}

export function dashScopeSource(region: DashScopeRegion, apiKey: string, workspaceId?: string, baseUrl?: string, label?: string, id?: string): Source {
  return {
    id: id ?? `dashscope-${region}`,
    label: label ?? dashScopeLabel(region, baseUrl),
    kind: 'dashscope',
    ...dashScopeUrls(region, workspaceId, baseUrl ? trimSlash(baseUrl) : undefined),
    apiKey,
  };
}

function workspaceFrom(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  if (value && !WORKSPACE_ID_PATTERN.test(value)) {
    throw new ConfigError(`${name} is not a workspace ID: it may hold only letters, digits and '-' (it becomes part of a host name).`);
  }
  return value || undefined;
}

/** DASHSCOPE_API_KEY for DASHSCOPE_REGION, plus a key per region, since DashScope keys are per region. */
function dashScopeSources(env: Env, settings: SourceSettings): Source[] {
  const byRegion = new Map<DashScopeRegion, { key: string; workspace?: string; from: string }>();
  const generic = checkedKey('DASHSCOPE_API_KEY', env.DASHSCOPE_API_KEY);
  if (generic) byRegion.set(settings.DASHSCOPE_REGION, { key: generic, workspace: workspaceFrom(env, 'DASHSCOPE_WORKSPACE_ID'), from: 'DASHSCOPE_API_KEY' });
  for (const region of DASHSCOPE_REGIONS) {
    const name = `DASHSCOPE_${region.toUpperCase()}_API_KEY`;
    const key = checkedKey(name, env[name]);
    if (!key) continue;
    const taken = byRegion.get(region);
    if (taken) throw new ConfigError(`${taken.from} and ${name} both configure ${DASHSCOPE_LABELS[region]}. Set only one of them.`);
    byRegion.set(region, { key, workspace: workspaceFrom(env, `DASHSCOPE_${region.toUpperCase()}_WORKSPACE_ID`), from: name });
  }
  const override = settings.DASHSCOPE_BASE_URL;
  if (override && byRegion.size > 1) throw new ConfigError('DASHSCOPE_BASE_URL applies to one region only: with keys for several regions, use a sources file instead.');
  return [...byRegion].map(([region, { key, workspace }]) => dashScopeSource(region, key, workspace, override));
}

/** A source of the sources file or of VIEWER_SOURCE_<NAME>_* settings, with its provider's defaults. */
function fromSpec({ name, label, provider, baseUrl, apiKey, authHeader, region, workspaceId, organization, project }: SourceSpec): Source {
  if (provider === 'dashscope') return { ...dashScopeSource(region ?? 'intl', apiKey, workspaceId, baseUrl, label, name), ...(authHeader ? { authHeader } : {}) };
  const common = { id: name, apiKey, baseUrl: trimSlash(baseUrl ?? OPENAI_BASE_URL) };
  if (provider === 'openai') {
    return { ...common, label: label ?? 'OpenAI', kind: 'openai', ...(authHeader ? { authHeader } : {}), ...openAiAccount(organization, project) };
  }
  if (provider === 'azure') {
    // Foundry documents `include` on its item endpoints, as OpenAI does.
    return { ...common, label: label ?? name, kind: 'azure', authHeader: authHeader ?? 'api-key', acceptsInclude: true, extraListParams: ['before', 'item_type'] };
  }
  return { ...common, label: label ?? name, kind: 'compatible', ...(authHeader ? { authHeader } : {}) };
}

function openAiAccount(organization: string | undefined, project: string | undefined): Pick<Source, 'organization' | 'project'> {
  return { ...(organization ? { organization } : {}), ...(project ? { project } : {}) };
}

/**
 * A configured source and the settings that gave it, so that a name given twice can say by which; `source` is null
 * for settings with a mistake, whose name is taken all the same.
 */
interface PlacedSource {
  id: string;
  source: Source | null;
  from: string;
}

/** The entries of the sources file or of VIEWER_SOURCE_* settings that give a name, placed. */
const placedEntries = (entries: readonly SourceEntry[], from: (name: string, index: number) => string): PlacedSource[] =>
  entries.flatMap(({ name, spec }, index) => (name ? [{ id: name, source: spec ? fromSpec(spec) : null, from: from(name, index) }] : []));

/** Runs one group's checks; its mistakes join the others', so one start reports them all. */
function checked<T>(mistakes: string[], read: () => T[]): T[] {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    mistakes.push(error.message);
    return [];
  }
}

function configuredSources(env: Env, settings: SourceSettings, demo: DemoUpstream | null, mistakes: string[]): PlacedSource[] {
  const sources: PlacedSource[] = checked(mistakes, () => dashScopeSources(env, settings)).map((source) => ({ id: source.id, source, from: dashScopeOrigin(env, source) }));
  const openai = checked(mistakes, () => {
    const key = checkedKey('OPENAI_API_KEY', env.OPENAI_API_KEY);
    if (!key) return [];
    const account = openAiAccount(settings.OPENAI_ORG_ID, settings.OPENAI_PROJECT_ID);
    return [{ id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: trimSlash(settings.OPENAI_BASE_URL ?? OPENAI_BASE_URL), apiKey: key, ...account } satisfies Source];
  });
  sources.push(...openai.map((source) => ({ id: source.id, source, from: 'OPENAI_API_KEY' })));
  sources.push(...placedEntries(sourceSpecsFromEnv(env, mistakes), (name) => `VIEWER_SOURCE_${name.toUpperCase().replaceAll('-', '_')}_*`));
  const fromFile = checked(mistakes, () => sourceSpecsFromFile(env, mistakes));
  sources.push(...placedEntries(fromFile, (_name, index) => `VIEWER_SOURCES_FILE sources[${index}]`));
  if (demo) {
    sources.push({ id: 'demo', source: { id: 'demo', label: 'Demo', kind: 'demo', baseUrl: trimSlash(demo.baseUrl), apiKey: demo.apiKey }, from: 'VIEWER_DEMO' });
  }
  return sources;
}

/** Which key configured a built-in DashScope source: the per-region one, or DASHSCOPE_API_KEY. */
function dashScopeOrigin(env: Env, source: Source): string {
  const region = source.id.replace(/^dashscope-/, '').toUpperCase();
  return env[`DASHSCOPE_${region}_API_KEY`]?.trim() ? `DASHSCOPE_${region}_API_KEY` : 'DASHSCOPE_API_KEY';
}

export function toPublicSource({ id, label, kind }: Source): PublicSource {
  return { id, label, kind };
}
