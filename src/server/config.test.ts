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

  it.each([
    ['PORT', 'http', /PORT is not valid: expected a whole number/],
    ['PORT', '70000', /PORT is not valid: expected at most 65535/],
    ['PORT', '-1', /PORT is not valid: expected a whole number/],
    ['UPSTREAM_TIMEOUT_SECONDS', 'ten', /UPSTREAM_TIMEOUT_SECONDS is not valid: expected a number of seconds/],
    ['UPSTREAM_TIMEOUT_SECONDS', '0', /UPSTREAM_TIMEOUT_SECONDS is not valid: expected more than 0 seconds/],
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
  ])('stops the server on %s=%j, naming the variable', (name, value, message) => {
    const env = name === 'DASHSCOPE_WORKSPACE_ID' ? { DASHSCOPE_API_KEY: 'ds', [name]: value } : { [name]: value };
    expect(mistakeOf(env)).toMatch(message);
  });

  it('reports every mistake of one start at once', () => {
    const message = mistakeOf({ PORT: 'x', UPSTREAM_TIMEOUT_SECONDS: 'y', VIEWER_SNAPSHOTS: 'z', DASHSCOPE_REGION: 'eu' });
    for (const name of ['PORT', 'UPSTREAM_TIMEOUT_SECONDS', 'VIEWER_SNAPSHOTS', 'DASHSCOPE_REGION']) expect(message).toContain(`${name} is not valid`);
  });

  it('never repeats a secret in a mistake', () => {
    expect(mistakeOf({ OPENAI_API_KEY: 'sk-secret value', PORT: 'x' })).not.toContain('secret');
  });
});
