import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const mistakeOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no mistake';
};

describe('loadConfig', () => {
  it('has a default for everything, so an empty environment starts the demo on 127.0.0.1:5173', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 5173,
      upstream: { timeoutMs: 20_000, maxBytes: 32 * 1024 * 1024, concurrency: 256, maxBytesInFlight: 256 * 1024 * 1024 },
      remoteImages: 'load',
      compression: 'auto',
      demo: true,
      access: null,
    });
    expect(config.sources(null)).toEqual([]);
  });

  it('hands on typed values, an empty variable counting as unset', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: ' 0 ',
      UPSTREAM_TIMEOUT_SECONDS: '2.5',
      UPSTREAM_MAX_BYTES: '1000',
      UPSTREAM_CONCURRENCY: '',
      UPSTREAM_MAX_BYTES_IN_FLIGHT: '5000',
      VIEWER_REMOTE_IMAGES: 'ASK',
      VIEWER_COMPRESSION: ' Always ',
      VIEWER_DEMO: 'off',
      VIEWER_PASSWORD: 'pw with spaces',
      OPENAI_API_KEY: 'sk-test',
    });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 0, upstream: { timeoutMs: 2500, maxBytes: 1000, concurrency: 256, maxBytesInFlight: 5000 }, remoteImages: 'ask', compression: 'always', demo: false });
    expect(config.access).not.toBeNull();
    expect(config.sources(null).map((source) => source.id)).toEqual(['openai']);
  });

  it('takes an IPv6 address in brackets, as a URL writes it, for the address itself', () => {
    expect(loadConfig({ HOST: '[::1]' }).host).toBe('::1');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
  });

  it.each([
    ['PORT', 'http', /PORT is not valid: expected a whole number/],
    ['PORT', '70000', /PORT is not valid: expected at most 65535/],
    ['PORT', '-1', /PORT is not valid: expected a whole number/],
    ['HOST', 'localhost:8080', /HOST is not valid: expected an address or a host name/],
    ['HOST', 'http://0.0.0.0', /HOST is not valid: expected an address or a host name/],
    ['HOST', '[::1]:8080', /HOST is not valid: expected an address or a host name/],
    ['UPSTREAM_TIMEOUT_SECONDS', 'ten', /UPSTREAM_TIMEOUT_SECONDS is not valid: expected a number of seconds/],
    ['UPSTREAM_TIMEOUT_SECONDS', '0', /UPSTREAM_TIMEOUT_SECONDS is not valid: expected at least 0\.1 seconds/],
    ['UPSTREAM_TIMEOUT_SECONDS', '0.0001', /UPSTREAM_TIMEOUT_SECONDS is not valid: expected at least 0\.1 seconds/],
    ['UPSTREAM_MAX_BYTES', '1.5', /UPSTREAM_MAX_BYTES is not valid: expected a whole number/],
    ['UPSTREAM_MAX_BYTES', '0', /UPSTREAM_MAX_BYTES is not valid: expected at least 1/],
    ['UPSTREAM_CONCURRENCY', 'many', /UPSTREAM_CONCURRENCY is not valid: expected a whole number/],
    ['UPSTREAM_MAX_BYTES_IN_FLIGHT', '1e9', /UPSTREAM_MAX_BYTES_IN_FLIGHT is not valid: expected a whole number/],
    ['VIEWER_REMOTE_IMAGES', 'never', /VIEWER_REMOTE_IMAGES is not valid: expected 'load' or 'ask'/],
    ['VIEWER_DEMO', 'maybe', /VIEWER_DEMO is not valid: expected 'on' or 'off'/],
    ['VIEWER_COMPRESSION', 'gzip', /VIEWER_COMPRESSION is not valid: expected 'auto', 'always' or 'off'/],
    ['DASHSCOPE_REGION', 'eu', /DASHSCOPE_REGION is not valid/],
    ['DASHSCOPE_BASE_URL', 'dashscope-us.aliyuncs.com', /DASHSCOPE_BASE_URL is not valid: must be an http:\/\/ or https:\/\/ URL/],
    ['OPENAI_BASE_URL', 'ftp://api.example/v1', /OPENAI_BASE_URL is not valid: must be an http:\/\/ or https:\/\/ URL/],
    ['OPENAI_ORG_ID', 'org one', /OPENAI_ORG_ID is not valid: expected an OpenAI organization ID/],
    ['OPENAI_PROJECT_ID', 'proj/1', /OPENAI_PROJECT_ID is not valid: expected an OpenAI project ID/],
    ['OPENAI_API_KEY', 'sk one', /OPENAI_API_KEY contains a space/],
    ['DASHSCOPE_API_KEY', 'ds\nkey', /DASHSCOPE_API_KEY contains a space/],
    ['DASHSCOPE_WORKSPACE_ID', 'a.b', /DASHSCOPE_WORKSPACE_ID is not a workspace ID/],
    ['VIEWER_SOURCES_FILE', '/nonexistent/sources.json', /VIEWER_SOURCES_FILE \(\/nonexistent\/sources\.json\) cannot be read/],
    ['VIEWER_SNAPSHOTS', 'sometimes', /VIEWER_SNAPSHOTS is not valid/],
    ['DATABASE_URL', 'mysql://db/viewer', /DATABASE_URL is not valid: expected a postgres:\/\/ or postgresql:\/\/ URL/],
    ['SNAPSHOT_MAX_ITEMS', 'all', /SNAPSHOT_MAX_ITEMS is not valid/],
    ['SNAPSHOT_MAX_BYTES', '-1', /SNAPSHOT_MAX_BYTES is not valid/],
    ['SNAPSHOT_RATE_LIMIT', '-1', /SNAPSHOT_RATE_LIMIT is not valid/],
    // Numbers are digits, as for the UPSTREAM_* limits: not a unit, a hexadecimal or an exponent read silently.
    ['SNAPSHOT_MAX_ITEMS', '10s', /SNAPSHOT_MAX_ITEMS is not valid: expected a whole number\.$/],
    ['SNAPSHOT_MAX_ITEMS', '0x10', /SNAPSHOT_MAX_ITEMS is not valid: expected a whole number/],
    ['SNAPSHOT_MAX_BYTES', '1e3', /SNAPSHOT_MAX_BYTES is not valid: expected a whole number/],
    ['SNAPSHOT_MAX_BYTES', '256MiB', /SNAPSHOT_MAX_BYTES is not valid: expected a whole number/],
    ['SNAPSHOT_RATE_LIMIT', '0b11', /SNAPSHOT_RATE_LIMIT is not valid: expected a whole number/],
    ['DATABASE_URL', 'postgres://viewer:pw@127.0.0.1:notaport/db', /DATABASE_URL is not valid: expected a URL such as postgres:\/\/user:password@host:5432\/database/],
    ['DATABASE_URL', 'postgres://', /DATABASE_URL is not valid: expected (a host|a URL)/],
    // A base URL that the API's paths cannot be added to.
    ['OPENAI_BASE_URL', 'http://127.0.0.1:8080/v1?', /OPENAI_BASE_URL is not valid: must be an http:\/\/ or https:\/\/ URL without credentials, query or fragment/],
    ['OPENAI_BASE_URL', 'http://127.0.0.1:8080/v1#', /OPENAI_BASE_URL is not valid: must be an http:\/\/ or https:\/\/ URL without credentials, query or fragment/],
    ['OPENAI_BASE_URL', 'http://127.0.0.1:8080/v1/conversations/', /OPENAI_BASE_URL is not valid: must be the API's base \(such as https:\/\/api\.openai\.com\/v1\), without \/conversations/],
    ['DASHSCOPE_BASE_URL', 'https://gw.example/compatible-mode/v1/conversations', /DASHSCOPE_BASE_URL is not valid: must be the API's base/],
  ])('stops the server on %s=%j, naming the variable', (name, value, message) => {
    const env: Record<string, string> = name === 'DASHSCOPE_WORKSPACE_ID' || name === 'DASHSCOPE_BASE_URL' ? { DASHSCOPE_API_KEY: 'ds', [name]: value } : name === 'OPENAI_BASE_URL' ? { OPENAI_API_KEY: 'sk', [name]: value } : { [name]: value };
    expect(mistakeOf(env)).toMatch(message);
  });

  it('reports every mistake of one start at once', () => {
    const message = mistakeOf({ PORT: 'x', UPSTREAM_TIMEOUT_SECONDS: 'y', VIEWER_SNAPSHOTS: 'z', DASHSCOPE_REGION: 'eu' });
    for (const name of ['PORT', 'UPSTREAM_TIMEOUT_SECONDS', 'VIEWER_SNAPSHOTS', 'DASHSCOPE_REGION']) expect(message).toContain(`${name} is not valid`);
  });

  it('reports every mistake of the snapshot settings, and never repeats a database password', () => {
    const message = mistakeOf({ VIEWER_SNAPSHOTS: 'z', SNAPSHOT_MAX_ITEMS: 'x', DATABASE_URL: 'postgres://viewer:hunter2@db:port/viewer' });
    for (const name of ['VIEWER_SNAPSHOTS', 'SNAPSHOT_MAX_ITEMS', 'DATABASE_URL']) expect(message).toContain(`${name} is not valid`);
    expect(message).not.toContain('hunter2');
  });

  it('refuses a data directory beside DATABASE_URL, which would ignore it, without repeating the URL', () => {
    const message = mistakeOf({ DATABASE_URL: 'postgres://viewer:hunter2@db:5432/viewer', VIEWER_DATA_DIR: '/srv/viewer-data' });
    expect(message).toContain('VIEWER_DATA_DIR and DATABASE_URL cannot both be set');
    expect(message).not.toContain('hunter2');
    expect(loadConfig({ DATABASE_URL: 'postgres://viewer:hunter2@db:5432/viewer', VIEWER_DATA_DIR: ' ' }).snapshots.location.kind).toBe('postgres');
  });

  it('takes a word setting in any case, with spaces around it', () => {
    expect(loadConfig({ VIEWER_SNAPSHOTS: ' OFF ', VIEWER_COMPRESSION: 'Always' })).toMatchObject({ snapshots: { mode: 'off' }, compression: 'always' });
    expect(mistakeOf({ VIEWER_SNAPSHOTS: 'sometimes' })).toMatch(/VIEWER_SNAPSHOTS is not valid: expected 'public', 'private' or 'off'\./);
  });

  it('refuses a user name that Basic sign-in cannot send, or one without a password', () => {
    expect(mistakeOf({ VIEWER_USERNAME: 'team:ops', VIEWER_PASSWORD: 'pw' })).toMatch(/VIEWER_USERNAME is not valid: it cannot hold ':'/);
    expect(mistakeOf({ VIEWER_USERNAME: 'bob' })).toMatch(/VIEWER_USERNAME is set, but VIEWER_PASSWORD is not/);
    expect(loadConfig({ VIEWER_USERNAME: 'bob', VIEWER_PASSWORD: 'pw' }).access).not.toBeNull();
  });

  it('takes half a second written .5, and refuses a source named like the built-in demo while the demo is on', () => {
    expect(loadConfig({ UPSTREAM_TIMEOUT_SECONDS: '.5' }).upstream.timeoutMs).toBe(500);
    const demoNamed = { VIEWER_SOURCE_DEMO_BASE_URL: 'https://gw.example/v1', VIEWER_SOURCE_DEMO_API_KEY: 'k' };
    expect(mistakeOf(demoNamed)).toMatch(/A source is named 'demo', the name of the built-in demo source: rename it, or set VIEWER_DEMO=off\./);
    expect(loadConfig({ ...demoNamed, VIEWER_DEMO: 'off' }).sources(null).map((source) => source.id)).toEqual(['demo']);
  });

  it('refuses a VIEWER_* variable that is no setting, naming the one it was probably meant to be', () => {
    expect(mistakeOf({ VIEWER_PASSWROD: 'secret' })).toBe('VIEWER_PASSWROD is not a setting of the viewer (did you mean VIEWER_PASSWORD?). Rename it, or unset it.');
    expect(mistakeOf({ VIEWER_PORT: '8080' })).toMatch(/^VIEWER_PORT is not a setting of the viewer[ .]/);
    // Empty counts as unset, as everywhere.
    expect(mistakeOf({ VIEWER_PASSWROD: '' })).toBe('no mistake');
    // Names are told apart by case: a lower-case one is not the setting, and would leave the viewer open.
    expect(mistakeOf({ viewer_password: 'secret' })).toBe('viewer_password is not a setting of the viewer (did you mean VIEWER_PASSWORD?). Rename it, or unset it.');
    expect(mistakeOf({ viewer_source_gw_base_url: 'https://gw.example/v1' })).toMatch(/^viewer_source_gw_base_url is not a setting of the viewer[ .]/);
  });

  it('takes a password or token of spaces only as unset, as an empty one', () => {
    expect(loadConfig({ VIEWER_TOKEN: '   ', VIEWER_PASSWORD: ' ' }).access).toBeNull();
    expect(loadConfig({ VIEWER_PASSWORD: ' pass word ' }).access).not.toBeNull();
  });

  it('never repeats a secret in a mistake', () => {
    expect(mistakeOf({ OPENAI_API_KEY: 'sk-secret value', PORT: 'x' })).not.toContain('secret');
  });
});
