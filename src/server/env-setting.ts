import { z } from 'zod';
import { ConfigError } from './sources/sources-file.ts';

export type Env = Record<string, string | undefined>;

// An empty variable (`FOO=` in .env) means unset, as everywhere else in the viewer's settings.
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** One environment variable's schema: empty counts as unset. */
export const setting = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema);

/** Parses the variables a schema names; a bad value stops the server with one line per variable, naming it. */
export function parseEnv<T extends z.ZodType>(schema: T, env: Env): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'the environment'} is not valid: ${issue.message}.`);
  throw new ConfigError(lines.join('\n'));
}
