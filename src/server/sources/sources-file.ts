import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { SOURCE_ID_PATTERN } from '../../lib/ids.ts';
import { nearestName } from '../nearest-name.ts';
import { DASHSCOPE_REGIONS, WORKSPACE_ID_PATTERN } from './dashscope-urls.ts';

type Env = Record<string, string | undefined>;

/** A mistake in the server's set-up: the server says what it is and does not start. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The form of an OpenAI organization (`org-…`) or project (`proj_…`) ID, sent as a header. */
export const OPENAI_ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** A key is sent in a header: a line break or control character (a badly quoted .env value) cannot be. */
export function checkedKey(name: string, value: string | undefined): string | undefined {
  const key = value?.trim();
  if (key && !/^[\x21-\x7e]+$/.test(key)) {
    throw new ConfigError(`${name} contains a space, line break or other character that cannot be sent in an HTTP header. Check its value.`);
  }
  return key;
}

const PROVIDERS = ['openai-compatible', 'openai', 'azure', 'dashscope'] as const;
/** Headers a key must never replace. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'content-type', 'connection', 'transfer-encoding', 'cookie', 'accept']);

export const baseUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      // A `?` or `#` with nothing after it leaves `search` and `hash` empty: the text itself is checked.
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && !/[?#]/.test(value);
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL without credentials, query or fragment')
  // The paths of the API are added to it: a base that names them already would ask for …/conversations/conversations/….
  .refine((value) => !/\/conversations\/?$/i.test(value), "must be the API's base (such as https://api.openai.com/v1), without /conversations");

const spec = z.strictObject({
  name: z.string().regex(SOURCE_ID_PATTERN, "must be 1 to 40 lower-case letters, digits or '-', starting with a letter or digit"),
  label: z.string().trim().min(1).max(60).optional(),
  provider: z.enum(PROVIDERS).default('openai-compatible'),
  baseUrl: baseUrlSchema.optional(),
  apiKey: z.string().trim().regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces (it is sent in a header)').optional(),
  apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable').optional(),
  authHeader: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]{1,64}$/, 'must be a header name (letters, digits and -)')
    .refine((name) => !RESERVED_HEADERS.has(name), 'cannot be that header')
    .optional(),
  region: z.enum(DASHSCOPE_REGIONS).optional(),
  workspaceId: z.string().regex(WORKSPACE_ID_PATTERN, "may hold only letters, digits and '-'").optional(),
  organization: z.string().trim().regex(OPENAI_ACCOUNT_ID_PATTERN, "must be an OpenAI organization ID (letters, digits, '_' and '-')").optional(),
  project: z.string().trim().regex(OPENAI_ACCOUNT_ID_PATTERN, "must be an OpenAI project ID (letters, digits, '_' and '-')").optional(),
});

export type SourceSpec = Omit<z.infer<typeof spec>, 'apiKeyEnv' | 'apiKey'> & { apiKey: string };

/** The file's own shape; each source in it is checked apart, so that one's mistakes do not hide another's. */
const file = z.strictObject({ sources: z.array(z.unknown()).min(1) });

const FIELDS = Object.keys(spec.shape);

/** A zod issue told by its place (`sources[2].baseUrl`, after `at`); an unknown field with the one it may mean. */
function describe(issue: z.core.$ZodIssue, at = '', fields: readonly string[] = FIELDS): string[] {
  const place = (path: readonly PropertyKey[]) => `${at}${path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}`.replace(/^\./, '') || 'the file';
  if (issue.code !== 'unrecognized_keys') return [`${place(issue.path)}: ${issue.message}`];
  return issue.keys.map((key) => {
    const near = nearestName(key, fields);
    return `${place([...issue.path, key])}: is not a known field${near ? ` (did you mean ${near}?)` : ''}`;
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

interface CheckedSpec {
  spec: SourceSpec | null;
  /** Mistakes of single fields, by their path in the source. */
  issues: z.core.$ZodIssue[];
  /** Mistakes only the fields together tell: where the key comes from, what the provider needs. */
  problems: string[];
}

/**
 * One source's settings, every mistake at once: each field's own, and what only the whole set-up can tell, which is
 * read from the fields given (a field given but not valid counts as given). `noKey` says that neither key field is.
 */
function checkSpec(raw: unknown, env: Env, noKey: string): CheckedSpec {
  const parsed = spec.safeParse(raw);
  const issues = parsed.success ? [] : parsed.error.issues;
  if (!isRecord(raw)) return { spec: null, issues, problems: [] };
  const given = (field: keyof typeof spec.shape) => raw[field] !== undefined;
  const provider = spec.shape.provider.safeParse(raw.provider).data;
  const apiKeyEnv = spec.shape.apiKeyEnv.safeParse(raw.apiKeyEnv).data;
  const problems: string[] = [];
  let apiKey = parsed.data?.apiKey;
  if (given('apiKey') === given('apiKeyEnv')) problems.push(given('apiKey') ? 'give exactly one of apiKey and apiKeyEnv' : noKey);
  else if (apiKeyEnv) {
    try {
      apiKey = checkedKey(apiKeyEnv, env[apiKeyEnv]);
      if (!apiKey) problems.push(`apiKeyEnv names ${apiKeyEnv}, which is not set`);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (provider && provider !== 'dashscope' && provider !== 'openai' && !given('baseUrl')) problems.push(`baseUrl is required for provider '${provider}'`);
  if (provider && provider !== 'dashscope' && (given('region') || given('workspaceId'))) problems.push("region and workspaceId apply to provider 'dashscope' only");
  if (provider && provider !== 'openai' && (given('organization') || given('project'))) problems.push("organization and project apply to provider 'openai' only");
  if (!parsed.success || problems.length > 0 || !apiKey) return { spec: null, issues, problems };
  const { apiKeyEnv: _env, apiKey: _inline, ...rest } = parsed.data;
  return { spec: { ...rest, apiKey }, issues, problems };
}

/**
 * One source as the file or the VIEWER_SOURCE_* settings give it: its settings, or null when they hold a mistake, and
 * its name wherever that is one, so that a name given twice is told beside the mistakes, not once they are fixed.
 */
export interface SourceEntry {
  name: string | null;
  spec: SourceSpec | null;
}

/** The name an entry gives, when it is one. */
const nameOf = (raw: unknown): string | null => (isRecord(raw) && typeof raw.name === 'string' && SOURCE_ID_PATTERN.test(raw.name) ? raw.name : null);

function summary(origin: string, mistakes: string[]): string {
  return `${origin} has ${mistakes.length === 1 ? 'a mistake' : `${mistakes.length} mistakes`}:\n${mistakes.map((line) => `  - ${line}`).join('\n')}`;
}

/**
 * The sources file named by VIEWER_SOURCES_FILE (JSON, or YAML by its extension), its entries in order. The file is
 * checked as a whole: every mistake of every entry goes into `mistakes` at once, as one message, and every entry is
 * returned still, with its name, so that a name it shares with other settings is told too. A file that cannot be
 * read at all throws.
 */
export function sourceSpecsFromFile(env: Env, mistakes: string[]): SourceEntry[] {
  const path = env.VIEWER_SOURCES_FILE?.trim();
  if (!path) return [];
  const origin = `VIEWER_SOURCES_FILE (${path})`;
  let text: string;
  try {
    // A byte order mark, as some editors write one, is no character of the file's: JSON.parse would stop at it.
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new ConfigError(`${origin} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { cause: error });
  }
  const yaml = /\.ya?ml$/i.test(path);
  const json = yaml ? readYaml(text, origin) : readJson(text, origin);
  const parsed = file.safeParse(json);
  const found = parsed.success ? [] : parsed.error.issues.flatMap((issue) => describe(issue, '', ['sources']));
  const entries = isRecord(json) && Array.isArray(json.sources) ? json.sources : [];
  const specs = entries.map((raw, index): SourceEntry => {
    const checked = checkSpec(raw, env, 'give exactly one of apiKey and apiKeyEnv');
    // The name, where it is one, helps find the entry; anything else written there may be a key.
    const name = nameOf(raw);
    const named = name ? ` (${name})` : '';
    found.push(...checked.issues.flatMap((issue) => describe(issue, `sources[${index}]`)), ...checked.problems.map((problem) => `sources[${index}]${named}: ${problem}`));
    return { name, spec: checked.spec };
  });
  if (found.length > 0) mistakes.push(summary(origin, found));
  return specs;
}

/** Line and column (from 1) of a position in a text. */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

/**
 * The file as JSON. A parser's message may quote the text around the mistake, and the file may hold a key: the
 * mistake is told by where it is and what was expected, never by what is written there.
 */
function readJson(text: string, origin: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = / in JSON at position (\d+)/.exec(message);
    if (at) throw new ConfigError(`${origin} is not valid JSON (${message.slice(0, at.index)} at ${lineAndColumn(text, Number(at[1]))}).`, { cause: error });
    // "Unexpected token 'x', ..."<the text around it>"... is not valid JSON": found in the file, not repeated.
    const quoted = /^Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
    const around = quoted ? text.indexOf(quoted[2]) : -1;
    const where = quoted && around >= 0 ? ` at ${lineAndColumn(text, around + Math.max(0, quoted[2].indexOf(quoted[1])))}` : '';
    throw new ConfigError(`${origin} is not valid JSON (an unexpected character${where}).`, { cause: error });
  }
  // JSON.parse keeps the last of a key given twice, so a second `sources` or `apiKey` would replace the first without
  // a word (YAML refuses it). JSON is YAML, whose parser finds the key given twice, told by its place alone.
  const twice = parseDocument(text).errors.find((problem) => problem.code === 'DUPLICATE_KEY');
  if (twice) {
    const place = twice.linePos ? ` at line ${twice.linePos[0].line}, column ${twice.linePos[0].col}` : '';
    throw new ConfigError(`${origin} is not valid JSON (a key given twice in one object${place}).`);
  }
  return json;
}

/** The file as YAML, its mistakes told by code and place (the `yaml` package would print the line, key and all). */
function readYaml(text: string, origin: string): unknown {
  const document = parseDocument(text);
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) {
    const place = problem.linePos ? ` at line ${problem.linePos[0].line}, column ${problem.linePos[0].col}` : '';
    throw new ConfigError(`${origin} is not valid YAML (${problem.code.toLowerCase().replaceAll('_', ' ')}${place}).`);
  }
  try {
    return document.toJS();
  } catch (error) {
    // An unquoted value that starts with `*` reads as an alias, whose name (the value) the error would repeat.
    const alias = error instanceof ReferenceError ? 'an alias (a value starting with *) names no anchor: quote the value' : 'it cannot be read';
    throw new ConfigError(`${origin} is not valid YAML (${alias}).`, { cause: error });
  }
}

const ENV_FIELDS: Record<string, keyof z.infer<typeof spec>> = {
  BASE_URL: 'baseUrl',
  API_KEY: 'apiKeyEnv',
  LABEL: 'label',
  PROVIDER: 'provider',
  AUTH_HEADER: 'authHeader',
  REGION: 'region',
  WORKSPACE_ID: 'workspaceId',
  ORGANIZATION: 'organization',
  PROJECT: 'project',
};
const ENV_NAME = new RegExp(`^VIEWER_SOURCE_([A-Z0-9_]+?)_(${Object.keys(ENV_FIELDS).join('|')})$`);

/**
 * Sources from VIEWER_SOURCE_<NAME>_BASE_URL, _API_KEY and friends: one source per <NAME>, each with its name whether
 * or not its settings hold a mistake; the mistakes go into `mistakes`, as one message.
 */
export function sourceSpecsFromEnv(env: Env, found: string[]): SourceEntry[] {
  const byName = new Map<string, Record<string, string>>();
  const mistakes: string[] = [];
  for (const [variable, value] of Object.entries(env)) {
    if (value === undefined || value.trim() === '') continue;
    const match = ENV_NAME.exec(variable);
    // A misspelt field (`_LABLE`) would be dropped without a word, and the source set up without it.
    if (!match && variable.startsWith('VIEWER_SOURCE_')) {
      // One letter from the sources file's setting, which would be dropped as well.
      const meant = /^VIEWER_SOURCE_FILES?$/.test(variable) ? ' (did you mean VIEWER_SOURCES_FILE?)' : '';
      mistakes.push(`${variable} is not a setting of a source${meant}: their names end in ${Object.keys(ENV_FIELDS).map((field) => `_${field}`).join(', ')}`);
    }
    if (!match) continue;
    const fields = byName.get(match[1]) ?? {};
    const field = ENV_FIELDS[match[2]];
    fields[field] = field === 'apiKeyEnv' ? variable : value.trim();
    byName.set(match[1], fields);
  }
  const specs: SourceEntry[] = [];
  for (const [upper, fields] of byName) {
    const where = `VIEWER_SOURCE_${upper}_*`;
    const raw = { name: upper.toLowerCase().replaceAll('_', '-'), ...fields };
    const checked = checkSpec(raw, env, `VIEWER_SOURCE_${upper}_API_KEY is not set`);
    mistakes.push(...[...checked.issues.flatMap((issue) => describe(issue)), ...checked.problems].map((line) => `${where}: ${line}`));
    specs.push({ name: nameOf(raw), spec: checked.spec });
  }
  if (mistakes.length > 0) found.push(summary('The VIEWER_SOURCE_* settings', mistakes));
  return specs;
}
