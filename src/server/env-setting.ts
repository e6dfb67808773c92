import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv as parseDotEnv } from 'node:util';
import { z } from 'zod';
import { ConfigError } from './sources/sources-file.ts';

export type Env = Record<string, string | undefined>;

/**
 * The settings of a server started in `dir`: its environment, over the `.env` file there if there is one, read by
 * Node's parser as `npm start` reads it (`process.loadEnvFile`; a `$` is kept as written).
 */
export function settingsIn(dir: string, environment: Env = process.env): Env {
  const file = join(dir, '.env');
  return { ...(existsSync(file) ? parseDotEnv(readFileSync(file, 'utf8')) : {}), ...environment };
}

// An empty variable (`FOO=` in .env) means unset, as everywhere else in the viewer's settings.
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** One environment variable's schema: empty counts as unset. */
export const setting = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema);

/** A whole number written as digits (not `1e3`, `0x10` or `10s`), within bounds. */
export const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`));

/** One of a few words, in any case and with spaces around it allowed: `choice(['on', 'off'])` says "expected 'on' or 'off'". */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(values, { error: `expected ${values.map((value) => `'${value}'`).join(values.length > 2 ? ', ' : ' or ').replace(/, ([^,]*)$/, ' or $1')}` }));

/** Parses the variables a schema names; a bad value stops the server with one line per variable, naming it. */
export function parseEnv<T extends z.ZodType>(schema: T, env: Env): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'the environment'} is not valid: ${issue.message}.`);
  throw new ConfigError(lines.join('\n'));
}
