import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { SOURCE_ID_PATTERN } from '../../lib/ids.ts';
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

const file = z.strictObject({ sources: z.array(spec).min(1) });

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  return `${path || 'the file'}: ${issue.message}`;
}

/** Checks what zod cannot: where the key comes from, and what each provider needs. */
function finish(raw: z.infer<typeof spec>, where: string, env: Env, mistakes: string[]): SourceSpec | null {
  const before = mistakes.length;
  const { apiKeyEnv, apiKey: inline, ...rest } = raw;
  if (!!apiKeyEnv === !!inline) mistakes.push(`${where}: give exactly one of apiKey and apiKeyEnv`);
  let apiKey = inline;
  if (apiKeyEnv) {
    try {
      apiKey = checkedKey(apiKeyEnv, env[apiKeyEnv]);
    } catch (error) {
      mistakes.push(`${where}: ${(error as Error).message}`);
    }
    if (!apiKey && mistakes.length === before) mistakes.push(`${where}: apiKeyEnv names ${apiKeyEnv}, which is not set`);
  }
  if (rest.provider !== 'dashscope' && rest.provider !== 'openai' && !rest.baseUrl) mistakes.push(`${where}: baseUrl is required for provider '${rest.provider}'`);
  if (rest.provider !== 'dashscope' && (rest.region || rest.workspaceId)) mistakes.push(`${where}: region and workspaceId apply to provider 'dashscope' only`);
  if (rest.provider !== 'openai' && (rest.organization || rest.project)) mistakes.push(`${where}: organization and project apply to provider 'openai' only`);
  return mistakes.length === before && apiKey ? { ...rest, apiKey } : null;
}

function fail(origin: string, mistakes: string[]): never {
  throw new ConfigError(`${origin} has ${mistakes.length === 1 ? 'a mistake' : `${mistakes.length} mistakes`}:\n${mistakes.map((line) => `  - ${line}`).join('\n')}`);
}

/** The sources file named by VIEWER_SOURCES_FILE (JSON, or YAML by its extension), checked as a whole: every mistake is reported at once. */
export function sourceSpecsFromFile(env: Env): SourceSpec[] {
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
  if (!parsed.success) fail(origin, parsed.error.issues.map(describe));
  const mistakes: string[] = [];
  const specs = parsed.data.sources.map((raw, index) => finish(raw, `sources[${index}] (${raw.name})`, env, mistakes));
  if (mistakes.length > 0) fail(origin, mistakes);
  return specs as SourceSpec[];
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

/** Sources from VIEWER_SOURCE_<NAME>_BASE_URL, _API_KEY and friends: one source per <NAME>. */
export function sourceSpecsFromEnv(env: Env): SourceSpec[] {
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
  const specs: SourceSpec[] = [];
  for (const [upper, fields] of byName) {
    const where = `VIEWER_SOURCE_${upper}_*`;
    const parsed = spec.safeParse({ name: upper.toLowerCase().replaceAll('_', '-'), ...fields });
    if (!parsed.success) {
      mistakes.push(...parsed.error.issues.map((issue) => `${where}: ${describe(issue)}`));
      continue;
    }
    if (!fields.apiKeyEnv) {
      mistakes.push(`${where}: VIEWER_SOURCE_${upper}_API_KEY is not set`);
      continue;
    }
    const finished = finish(parsed.data, where, env, mistakes);
    if (finished) specs.push(finished);
  }
  if (mistakes.length > 0) fail('The VIEWER_SOURCE_* settings', mistakes);
  return specs;
}
