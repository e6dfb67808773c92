import { z } from 'zod';
import { accessFromEnv, type AccessControl } from './http/access-control.ts';
import type { CompressionMode } from './http/compression.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type RemoteImages } from './routes/api-routes.ts';
import { choice, parseEnv, setting, wholeNumber, type Env } from './env-setting.ts';
import { nearestName } from './nearest-name.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_BYTES_IN_FLIGHT } from './upstream/upstream-read.ts';
import { SNAPSHOT_SETTINGS, snapshotConfigFromEnv, type SnapshotConfig } from './snapshots/snapshot-config.ts';
import { ConfigError } from './sources/sources-file.ts';
import { SOURCE_SETTINGS, sourcesFromEnv, type DemoUpstream, type Source } from './sources/sources.ts';

/** Node's timers hold at most 2^31 - 1 ms; a larger timeout would fire at once. */
const MAX_TIMEOUT_SECONDS = 2_147_483;

/** Shorter, every upstream request and every wait for a slow reader would time out at once. */
const MIN_TIMEOUT_SECONDS = 0.1;

const seconds = z
  .string()
  .trim()
  .regex(/^(\d+(\.\d*)?|\.\d+)$/, 'expected a number of seconds')
  .transform(Number)
  .pipe(z.number().min(MIN_TIMEOUT_SECONDS, `expected at least ${MIN_TIMEOUT_SECONDS} seconds`))
  // A larger value would make every request time out at once: it means "no limit worth having", so it is capped.
  .transform((value) => Math.min(value, MAX_TIMEOUT_SECONDS));

const switchValue = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'], { error: "expected 'on' or 'off'" }))
  .transform((value) => ['on', 'true', '1', 'yes'].includes(value));

/** The variables the server itself reads; sources and snapshots check theirs beside the code that uses them. */
const serverSettings = z.object({
  // An address or a host name: `http://…` or `host:port` would only fail later, as a host that cannot be found.
  // An IPv6 address in brackets, as URLs write it (`[::1]`), is the address: `[::1]:8080` has a port.
  HOST: setting(
    z
      .string()
      .trim()
      .refine((value) => !value.includes('/') && value.split(':').length !== 2 && !value.includes(']:'), 'expected an address or a host name (such as 0.0.0.0 or ::), without a scheme or a port: the port is PORT')
      .transform((value) => /^\[(.*)\]$/.exec(value)?.[1] ?? value)
      .default('127.0.0.1'),
  ),
  PORT: setting(wholeNumber(0, 65_535).default(5173)),
  UPSTREAM_TIMEOUT_SECONDS: setting(seconds.default(DEFAULT_TIMEOUT_MS / 1000)),
  UPSTREAM_MAX_BYTES: setting(wholeNumber(1).default(DEFAULT_MAX_BYTES)),
  UPSTREAM_CONCURRENCY: setting(wholeNumber(1).default(DEFAULT_CONCURRENCY)),
  UPSTREAM_MAX_BYTES_IN_FLIGHT: setting(wholeNumber(1).default(DEFAULT_MAX_BYTES_IN_FLIGHT)),
  VIEWER_REMOTE_IMAGES: setting(choice(['load', 'ask']).default('load')),
  VIEWER_DEMO: setting(switchValue.default(true)),
  VIEWER_COMPRESSION: setting(choice(['auto', 'always', 'off']).default('auto')),
  // Secrets are taken as they are (a space may belong to a password), but only spaces count as unset, as an empty
  // value does: such a secret could never be sent, and would lock everyone out.
  VIEWER_PASSWORD: setting(z.string().optional()),
  VIEWER_TOKEN: setting(z.string().optional()),
  VIEWER_USERNAME: setting(z.string().optional()),
});

export interface ViewerConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  upstream: { timeoutMs: number; maxBytes: number; concurrency: number; maxBytesInFlight: number };
  remoteImages: RemoteImages;
  /** When the API's answers are compressed: for clients not on the loopback, for all, or never. */
  compression: CompressionMode;
  demo: boolean;
  access: AccessControl | null;
  snapshots: SnapshotConfig;
  /** The configured sources, with the demo source once its upstream runs; checked already (the demo's name too). */
  sources: (demo: DemoUpstream | null) => Source[];
}

/** Every VIEWER_* setting there is (besides the VIEWER_SOURCE_<NAME>_* ones, which their own check reads). */
const VIEWER_SETTINGS = [...Object.keys(serverSettings.shape), ...SNAPSHOT_SETTINGS, ...SOURCE_SETTINGS].filter((name) => name.startsWith('VIEWER_'));

/**
 * A VIEWER_* variable that is no setting: a misspelt name (`VIEWER_PASSWROD`) would leave the viewer running without
 * what it meant (here: open to anyone), so it stops the start, with the name it was probably meant to be. Names are
 * read in upper case only, so `viewer_password` (in a .env file) is one too, where the system tells them apart.
 */
function unknownViewerSettings(env: Env): string[] {
  // VIEWER_SOURCE_* names have their own check. On Windows names are one in any case, so that env[upper] reads the
  // same variable: there another case is no mistake.
  const isMistake = (name: string) =>
    !name.startsWith('VIEWER_SOURCE_') && (name === name.toUpperCase() ? !VIEWER_SETTINGS.includes(name) : env[name.toUpperCase()] === undefined);
  return Object.keys(env)
    .filter((name) => /^VIEWER_/i.test(name) && isMistake(name) && (env[name]?.trim() ?? '') !== '')
    .map((name) => {
      const near = nearestName(name.toUpperCase(), VIEWER_SETTINGS);
      return `${name} is not a setting of the viewer${near ? ` (did you mean ${near}?)` : ''}. Rename it, or unset it.`;
    });
}

/** Runs every check, so that one start reports every mistake. */
function collect<T>(mistakes: string[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    mistakes.push(error.message);
    return undefined;
  }
}

/**
 * Every setting the server reads from its environment, parsed once at start. A bad value stops the server with a
 * message naming the variable; nothing falls back silently.
 */
export function loadConfig(env: Env): ViewerConfig {
  const mistakes: string[] = [...unknownViewerSettings(env)];
  const server = collect(mistakes, () => parseEnv(serverSettings, env));
  if (server?.VIEWER_USERNAME !== undefined) {
    // HTTP Basic sends "name:password", split at the first ':'; a name is also no protection without a password.
    if (server.VIEWER_USERNAME.includes(':')) mistakes.push("VIEWER_USERNAME is not valid: it cannot hold ':', which ends the name in HTTP Basic sign-in.");
    if (server.VIEWER_PASSWORD === undefined) mistakes.push('VIEWER_USERNAME is set, but VIEWER_PASSWORD is not, so it would be ignored and the viewer left open. Set VIEWER_PASSWORD, or unset VIEWER_USERNAME.');
  }
  const snapshots = collect(mistakes, () => snapshotConfigFromEnv(env));
  const configured = collect(mistakes, () => sourcesFromEnv(env, null));
  // Found here, before the demo's upstream starts, rather than as a name configured twice once it has.
  if (server?.VIEWER_DEMO && configured?.some((source) => source.id === 'demo')) {
    mistakes.push("A source is named 'demo', the name of the built-in demo source: rename it, or set VIEWER_DEMO=off.");
  }
  if (!server || !snapshots || mistakes.length > 0) throw new ConfigError(mistakes.join('\n'));
  return {
    host: server.HOST,
    port: server.PORT,
    upstream: {
      timeoutMs: server.UPSTREAM_TIMEOUT_SECONDS * 1000,
      maxBytes: server.UPSTREAM_MAX_BYTES,
      concurrency: server.UPSTREAM_CONCURRENCY,
      maxBytesInFlight: server.UPSTREAM_MAX_BYTES_IN_FLIGHT,
    },
    remoteImages: server.VIEWER_REMOTE_IMAGES,
    compression: server.VIEWER_COMPRESSION,
    demo: server.VIEWER_DEMO,
    access: accessFromEnv({ VIEWER_PASSWORD: server.VIEWER_PASSWORD, VIEWER_TOKEN: server.VIEWER_TOKEN, VIEWER_USERNAME: server.VIEWER_USERNAME }),
    snapshots,
    sources: (demo) => sourcesFromEnv(env, demo),
  };
}
