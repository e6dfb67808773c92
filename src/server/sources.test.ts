import { describe, expect, it } from 'vitest';
import { sourcesFromEnv } from './sources.ts';

const ids = (env: Record<string, string>) => sourcesFromEnv(env, { baseUrl: 'http://127.0.0.1:1/v1', apiKey: 'demo-key' }).map((source) => source.id);

describe('sourcesFromEnv', () => {
  it('puts real sources first, so the first configured one is the default', () => {
    expect(ids({ OPENAI_API_KEY: 'sk', DASHSCOPE_API_KEY: 'ds' })).toEqual(['dashscope-intl', 'openai', 'demo']);
  });

  it('makes VIEWER_DEFAULT_SOURCE the default when that source is configured', () => {
    expect(ids({ OPENAI_API_KEY: 'sk', VIEWER_DEFAULT_SOURCE: 'demo' })).toEqual(['demo', 'openai']);
    expect(ids({ OPENAI_API_KEY: 'sk', DASHSCOPE_API_KEY: 'ds', VIEWER_DEFAULT_SOURCE: ' openai ' })).toEqual(['openai', 'dashscope-intl', 'demo']);
  });

  it('ignores a VIEWER_DEFAULT_SOURCE that is not configured', () => {
    expect(ids({ OPENAI_API_KEY: 'sk', VIEWER_DEFAULT_SOURCE: 'dashscope-cn' })).toEqual(['openai', 'demo']);
  });
});

describe('keys from the environment', () => {
  it('refuses a key that cannot be sent in a header, without repeating it', () => {
    const attempt = () => ids({ OPENAI_API_KEY: 'sk-abc\ndef-secret' });
    expect(attempt).toThrow(/OPENAI_API_KEY contains a space, line break or other character/);
    expect(attempt).not.toThrow(/def-secret/);
  });
});
