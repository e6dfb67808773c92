import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sourcesFromEnv, type Source } from './sources.ts';

const DEMO = { baseUrl: 'http://127.0.0.1:1/v1', apiKey: 'demo-key' };
const ids = (env: Record<string, string>) => sourcesFromEnv(env, DEMO).map((source) => source.id);
const only = (env: Record<string, string>) => sourcesFromEnv(env, null);
/** The message a set-up stops the start with. */
const mistakeOf = (env: Record<string, string>) => {
  try {
    only(env);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no mistake';
};

function sourcesFile(content: unknown, name = 'sources.json'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'viewer-sources-')), name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('sourcesFromEnv', () => {
  it('puts real sources first, so the first configured one is the default', () => {
    expect(ids({ OPENAI_API_KEY: 'sk', DASHSCOPE_API_KEY: 'ds' })).toEqual(['dashscope-intl', 'openai', 'demo']);
  });

  it('makes VIEWER_DEFAULT_SOURCE the default when that source is configured', () => {
    expect(ids({ OPENAI_API_KEY: 'sk', VIEWER_DEFAULT_SOURCE: 'demo' })).toEqual(['demo', 'openai']);
    expect(ids({ OPENAI_API_KEY: 'sk', DASHSCOPE_API_KEY: 'ds', VIEWER_DEFAULT_SOURCE: ' openai ' })).toEqual(['openai', 'dashscope-intl', 'demo']);
  });

  it('ignores a VIEWER_DEFAULT_SOURCE that names a built-in source not configured, and refuses one that names none', () => {
    expect(ids({ OPENAI_API_KEY: 'sk', VIEWER_DEFAULT_SOURCE: 'dashscope-cn' })).toEqual(['openai', 'demo']);
    expect(ids({ OPENAI_API_KEY: 'sk', VIEWER_DEFAULT_SOURCE: 'OpenAI' })[0]).toBe('openai');
    expect(() => only({ OPENAI_API_KEY: 'sk', VIEWER_DEFAULT_SOURCE: 'opnai' })).toThrow("VIEWER_DEFAULT_SOURCE names 'opnai', which is not a source (configured: openai, and demo).");
  });

  it('refuses a setting that means something only beside another that is not set, as it would be ignored', () => {
    expect(mistakeOf({ OPENAI_BASE_URL: 'https://gw.example/v1' })).toMatch(/^OPENAI_BASE_URL is set, but OPENAI_API_KEY is not, so it would be ignored\. Set OPENAI_API_KEY, or unset OPENAI_BASE_URL\.$/);
    expect(mistakeOf({ DASHSCOPE_CN_API_KEY: 'k', DASHSCOPE_REGION: 'us' })).toMatch(/DASHSCOPE_REGION is set, but DASHSCOPE_API_KEY is not.*A per-region key \(DASHSCOPE_CN_API_KEY…\) names its region itself/);
    expect(mistakeOf({ DASHSCOPE_CN_API_KEY: 'k', DASHSCOPE_WORKSPACE_ID: 'ws-1' })).toMatch(/DASHSCOPE_WORKSPACE_ID is set, but DASHSCOPE_API_KEY is not/);
    expect(mistakeOf({ DASHSCOPE_API_KEY: 'k', DASHSCOPE_REGION: 'cn', DASHSCOPE_CN_WORKSPACE_ID: 'ws-9' })).toMatch(/DASHSCOPE_CN_WORKSPACE_ID is set, but DASHSCOPE_CN_API_KEY is not.*With DASHSCOPE_API_KEY, the workspace is DASHSCOPE_WORKSPACE_ID/);
    expect(mistakeOf({ DASHSCOPE_API_KEY: 'k', DASHSCOPE_WORKSPACE_ID: 'ws-1', DASHSCOPE_BASE_URL: 'https://gw.example/compatible-mode/v1' })).toMatch(/DASHSCOPE_WORKSPACE_ID and DASHSCOPE_BASE_URL cannot both be set/);
    expect(mistakeOf({ DASHSCOPE_BASE_URL: 'https://gw.example/compatible-mode/v1' })).toMatch(/DASHSCOPE_BASE_URL is set, but a DashScope key/);
    // Each of them at once.
    expect(mistakeOf({ OPENAI_ORG_ID: 'org-1', OPENAI_PROJECT_ID: 'proj_1' }).split('\n')).toHaveLength(2);
    // Set together, they are used.
    expect(mistakeOf({ DASHSCOPE_API_KEY: 'k', DASHSCOPE_REGION: 'cn', DASHSCOPE_WORKSPACE_ID: 'ws-1', OPENAI_API_KEY: 'sk', OPENAI_ORG_ID: 'org-1' })).toBe('no mistake');
  });
});

describe('DashScope', () => {
  it("uses the current /compatible-mode/v1 path by default, with the legacy path as the one fallback", () => {
    const [intl] = only({ DASHSCOPE_API_KEY: 'ds' });
    expect(intl).toMatchObject({ id: 'dashscope-intl', baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', altBaseUrl: 'https://dashscope-intl.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1' });
    const [cn] = only({ DASHSCOPE_API_KEY: 'ds', DASHSCOPE_REGION: 'cn' });
    expect(cn).toMatchObject({ id: 'dashscope-cn', baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1' });
  });

  it('uses the workspace domain of the region when DASHSCOPE_WORKSPACE_ID is set', () => {
    expect(only({ DASHSCOPE_API_KEY: 'ds', DASHSCOPE_WORKSPACE_ID: 'ws-123' })[0]).toMatchObject({
      baseUrl: 'https://ws-123.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1',
      altBaseUrl: 'https://ws-123.ap-southeast-1.maas.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1',
    });
    expect(only({ DASHSCOPE_CN_API_KEY: 'ds', DASHSCOPE_CN_WORKSPACE_ID: 'ws-9' })[0].baseUrl).toBe('https://ws-9.cn-beijing.maas.aliyuncs.com/compatible-mode/v1');
    expect(() => only({ DASHSCOPE_API_KEY: 'ds', DASHSCOPE_WORKSPACE_ID: 'evil.example.com/x' })).toThrow(/DASHSCOPE_WORKSPACE_ID is not a workspace ID/);
  });

  it('configures both regions at once, each with its own key', () => {
    const sources = only({ DASHSCOPE_API_KEY: 'intl-key', DASHSCOPE_CN_API_KEY: 'cn-key' });
    expect(sources.map(({ id, apiKey }) => [id, apiKey])).toEqual([['dashscope-intl', 'intl-key'], ['dashscope-cn', 'cn-key']]);
    expect(() => only({ DASHSCOPE_API_KEY: 'a', DASHSCOPE_REGION: 'cn', DASHSCOPE_CN_API_KEY: 'b' })).toThrow(/DASHSCOPE_API_KEY and DASHSCOPE_CN_API_KEY both configure DashScope \(Beijing\)/);
  });

  it('keeps DASHSCOPE_BASE_URL as given, and falls back to the other path only when it ends in one', () => {
    expect(only({ DASHSCOPE_API_KEY: 'ds', DASHSCOPE_BASE_URL: 'https://dashscope-intl.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1/' })[0]).toMatchObject({
      baseUrl: 'https://dashscope-intl.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1',
      altBaseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    });
    expect(only({ DASHSCOPE_API_KEY: 'ds', DASHSCOPE_BASE_URL: 'http://127.0.0.1:9/v1' })[0].altBaseUrl).toBeUndefined();
  });
});

describe('DashScope regions and labels', () => {
  it.each([
    ['us', 'https://dashscope-us.aliyuncs.com/compatible-mode/v1', 'DashScope (Virginia)'],
    ['hk', 'https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1', 'DashScope (Hong Kong)'],
    [' US ', 'https://dashscope-us.aliyuncs.com/compatible-mode/v1', 'DashScope (Virginia)'],
  ])('DASHSCOPE_REGION=%s reads %s, labelled %s', (region, baseUrl, label) => {
    const [source] = only({ DASHSCOPE_API_KEY: 'ds', DASHSCOPE_REGION: region });
    expect(source).toMatchObject({ id: `dashscope-${region.trim().toLowerCase()}`, baseUrl, label });
  });

  it('has a key variable and a workspace domain per region', () => {
    const sources = only({ DASHSCOPE_US_API_KEY: 'us-key', DASHSCOPE_US_WORKSPACE_ID: 'ws-us', DASHSCOPE_HK_API_KEY: 'hk-key' });
    expect(sources.map(({ id, baseUrl, apiKey }) => [id, baseUrl, apiKey])).toEqual([
      ['dashscope-us', 'https://ws-us.us-east-1.maas.aliyuncs.com/compatible-mode/v1', 'us-key'],
      ['dashscope-hk', 'https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1', 'hk-key'],
    ]);
  });

  it('labels a base URL by the region it names, or by its host, never by the region it was set under', () => {
    const label = (url: string) => only({ DASHSCOPE_API_KEY: 'ds', DASHSCOPE_BASE_URL: url })[0].label;
    expect(label('https://dashscope-us.aliyuncs.com/compatible-mode/v1')).toBe('DashScope (Virginia)');
    expect(label('https://ws-1.cn-hongkong.maas.aliyuncs.com/compatible-mode/v1')).toBe('DashScope (Hong Kong)');
    expect(label('https://llm-gateway.example.com:8443/compatible-mode/v1')).toBe('DashScope (llm-gateway.example.com:8443)');
    const fromFile = only({ VIEWER_SOURCES_FILE: sourcesFile({ sources: [{ name: 'ds', provider: 'dashscope', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k' }] }) });
    expect(fromFile[0].label).toBe('DashScope (127.0.0.1:9)');
  });

  it('refuses an unknown DASHSCOPE_REGION instead of reading Singapore', () => {
    expect(() => only({ DASHSCOPE_API_KEY: 'ds', DASHSCOPE_REGION: 'virginia' })).toThrow(/DASHSCOPE_REGION is not valid: .*"intl"\|"cn"\|"us"\|"hk"/);
  });
});

describe('OpenAI organization and project', () => {
  it('come from OPENAI_ORG_ID and OPENAI_PROJECT_ID, the SDK names', () => {
    const [openai] = only({ OPENAI_API_KEY: 'sk', OPENAI_ORG_ID: ' org-abc ', OPENAI_PROJECT_ID: 'proj_123' });
    expect(openai).toMatchObject({ id: 'openai', organization: 'org-abc', project: 'proj_123' });
    expect(only({ OPENAI_API_KEY: 'sk' })[0]).not.toHaveProperty('organization');
    expect(() => only({ OPENAI_API_KEY: 'sk', OPENAI_ORG_ID: 'org abc' })).toThrow(/OPENAI_ORG_ID is not valid: expected an OpenAI organization ID/);
  });

  it('are set per source in the sources file and VIEWER_SOURCE_<NAME>_*, for provider openai only', () => {
    const path = sourcesFile({ sources: [{ name: 'team-b', provider: 'openai', apiKey: 'sk-b', organization: 'org-b', project: 'proj_b' }] });
    expect(only({ VIEWER_SOURCES_FILE: path })[0]).toMatchObject({ id: 'team-b', kind: 'openai', organization: 'org-b', project: 'proj_b' });
    const env = only({ VIEWER_SOURCE_TEAM_C_PROVIDER: 'openai', VIEWER_SOURCE_TEAM_C_API_KEY: 'sk-c', VIEWER_SOURCE_TEAM_C_PROJECT: 'proj_c' });
    expect(env[0]).toMatchObject({ id: 'team-c', project: 'proj_c' });
    const wrong = sourcesFile({ sources: [{ name: 'gw', baseUrl: 'https://gw.example/v1', apiKey: 'k', organization: 'org-x' }] });
    expect(() => only({ VIEWER_SOURCES_FILE: wrong })).toThrow(/sources\[0\] \(gw\): organization and project apply to provider 'openai' only/);
  });
});

describe('other OpenAI-compatible providers', () => {
  it('come from VIEWER_SOURCE_<NAME>_* settings, any number of them', () => {
    const sources = only({
      VIEWER_SOURCE_YANDEX_BASE_URL: 'https://llm.api.cloud.yandex.net/v1/',
      VIEWER_SOURCE_YANDEX_API_KEY: 'y-key',
      VIEWER_SOURCE_YANDEX_LABEL: 'Yandex AI Studio',
      VIEWER_SOURCE_AZURE_EU_BASE_URL: 'https://eu.openai.azure.com/openai/v1',
      VIEWER_SOURCE_AZURE_EU_API_KEY: 'az-key',
      VIEWER_SOURCE_AZURE_EU_PROVIDER: 'azure',
    });
    expect(sources).toEqual<Source[]>([
      { id: 'yandex', label: 'Yandex AI Studio', kind: 'compatible', baseUrl: 'https://llm.api.cloud.yandex.net/v1', apiKey: 'y-key' },
      { id: 'azure-eu', label: 'azure-eu', kind: 'azure', baseUrl: 'https://eu.openai.azure.com/openai/v1', apiKey: 'az-key', authHeader: 'api-key', acceptsInclude: true, extraListParams: ['before', 'item_type'] },
    ]);
  });

  it('come from a JSON sources file, keys from the environment, auth header per source', () => {
    const path = sourcesFile({
      sources: [
        { name: 'foundry', label: 'Azure AI Foundry', provider: 'azure', baseUrl: 'https://x.services.ai.azure.com/openai/v1', apiKeyEnv: 'FOUNDRY_KEY' },
        { name: 'gateway', baseUrl: 'https://gw.example/v1', apiKey: 'gw-key', authHeader: 'X-Api-Key' },
        { name: 'ds-cn', provider: 'dashscope', region: 'cn', workspaceId: 'ws-1', apiKeyEnv: 'DS_CN' },
      ],
    });
    const sources = only({ VIEWER_SOURCES_FILE: path, FOUNDRY_KEY: 'f-key', DS_CN: 'd-key' });
    expect(sources.map((source) => [source.id, source.kind, source.authHeader ?? 'authorization', source.apiKey])).toEqual([
      ['foundry', 'azure', 'api-key', 'f-key'],
      ['gateway', 'compatible', 'x-api-key', 'gw-key'],
      ['ds-cn', 'dashscope', 'authorization', 'd-key'],
    ]);
    expect(sources[2].baseUrl).toBe('https://ws-1.cn-beijing.maas.aliyuncs.com/compatible-mode/v1');
  });

  it('come from a YAML sources file just the same', () => {
    const yaml = [
      'sources:',
      '  - name: foundry',
      '    provider: azure',
      '    baseUrl: https://x.services.ai.azure.com/openai/v1',
      '    apiKeyEnv: FOUNDRY_KEY',
      '  - name: beijing',
      '    label: DashScope (Beijing, team B)',
      '    provider: dashscope',
      '    region: cn',
      '    apiKeyEnv: DS_CN',
    ].join('\n');
    const sources = only({ VIEWER_SOURCES_FILE: sourcesFile(yaml, 'sources.yaml'), FOUNDRY_KEY: 'f-key', DS_CN: 'd-key' });
    expect(sources.map(({ id, kind, label }) => [id, kind, label])).toEqual([
      ['foundry', 'azure', 'foundry'],
      ['beijing', 'dashscope', 'DashScope (Beijing, team B)'],
    ]);
    expect(() => only({ VIEWER_SOURCES_FILE: sourcesFile('sources: [\n  - name: x', 'bad.yml') })).toThrow(/is not valid YAML/);
    // An unquoted key read as an alias or a tag: the place is told, never the value.
    for (const value of ['*Zx9SECRETgatewaykey', '!Zx9SECRETgatewaykey']) {
      const warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
      const read = () => only({ VIEWER_SOURCES_FILE: sourcesFile(`sources:\n  - name: gw\n    baseUrl: https://gw.example/v1\n    apiKey: ${value}\n`, 'key.yml') });
      expect(read).toThrow(/is not valid YAML \(/);
      expect(read).not.toThrow(/SECRET/);
      expect(warnings).not.toHaveBeenCalled();
    }
    expect(() => only({ VIEWER_SOURCES_FILE: sourcesFile('sources:\n  - name: x\n    typo: 1\n', 'typo.yml') })).toThrow(/sources\[0\]\.typo: is not a known field/);
  });

  it('come from a sources file that starts with a byte order mark, as some editors save one', () => {
    const source = { name: 'gateway', baseUrl: 'https://gw.example/v1', apiKey: 'gw-key' };
    expect(only({ VIEWER_SOURCES_FILE: sourcesFile(`\uFEFF${JSON.stringify({ sources: [source] })}`) }).map((found) => found.id)).toEqual(['gateway']);
    expect(only({ VIEWER_SOURCES_FILE: sourcesFile('\uFEFFsources:\n  - name: gw\n    baseUrl: https://gw.example/v1\n    apiKey: k\n', 'bom.yaml') }).map((found) => found.id)).toEqual(['gw']);
  });

  it('refuses a JSON sources file that gives a key twice, which YAML refuses too, by its place alone', () => {
    const second = () => only({ VIEWER_SOURCES_FILE: sourcesFile('{"sources": [{"name": "a", "baseUrl": "https://a.example/v1", "apiKey": "k"}],\n "sources": [{"name": "b", "baseUrl": "https://b.example/v1", "apiKey": "k"}]}') });
    expect(second).toThrow(/is not valid JSON \(a key given twice in one object at line 2, column 2\)\.$/);
    const key = () => only({ VIEWER_SOURCES_FILE: sourcesFile('{"sources": [{"name": "a", "baseUrl": "https://a.example/v1", "apiKey": "sk-SECRET-1", "apiKey": "sk-SECRET-2"}]}') });
    expect(key).toThrow(/is not valid JSON \(a key given twice in one object at line 1, column \d+\)\.$/);
    expect(key).not.toThrow(/SECRET/);
  });

  it('refuses a sources file with mistakes at start, with one clear line per mistake', () => {
    const path = sourcesFile({
      sources: [
        { name: 'Bad Name', baseUrl: 'https://a.example/v1', apiKey: 'k' },
        { name: 'nourl', apiKey: 'k' },
        { name: 'creds', baseUrl: 'https://user:pw@a.example/v1', apiKey: 'k' },
        { name: 'nokey', baseUrl: 'https://a.example/v1', apiKeyEnv: 'MISSING_KEY' },
        { name: 'header', baseUrl: 'https://a.example/v1', apiKey: 'k', authHeader: 'Host' },
        { name: 'typo', baseUrl: 'https://a.example/v1', apiKey: 'k', baseURL: 'x' },
      ],
    });
    const message = mistakeOf({ VIEWER_SOURCES_FILE: path });
    expect(message).toContain(`VIEWER_SOURCES_FILE (${path}) has 6 mistakes`);
    expect(message).toMatch(/sources\[0\]\.name: must be 1 to 40 lower-case letters/);
    expect(message).toMatch(/sources\[2\]\.baseUrl: must be an http:\/\/ or https:\/\/ URL without credentials/);
    expect(message).toMatch(/sources\[4\]\.authHeader: cannot be that header/);
    expect(message).toMatch(/sources\[1\] \(nourl\): baseUrl is required/);
    expect(message).toMatch(/sources\[3\] \(nokey\): apiKeyEnv names MISSING_KEY, which is not set/);
    expect(message).toMatch(/sources\[5\]\.baseURL: is not a known field \(did you mean baseUrl\?\)/);
    expect(message).not.toContain('pw@');
  });

  it('reports, after the shape, what only the whole set-up can tell', () => {
    const path = sourcesFile({ sources: [{ name: 'nourl', apiKey: 'k' }, { name: 'nokey', baseUrl: 'https://a.example/v1', apiKeyEnv: 'MISSING_KEY' }, { name: 'both', baseUrl: 'https://a.example/v1' }] });
    expect(() => only({ VIEWER_SOURCES_FILE: path })).toThrow(
      /has 3 mistakes:\n {2}- sources\[0\] \(nourl\): baseUrl is required for provider 'openai-compatible'\n {2}- sources\[1\] \(nokey\): apiKeyEnv names MISSING_KEY, which is not set\n {2}- sources\[2\] \(both\): give exactly one of apiKey and apiKeyEnv/,
    );
  });

  it('reports every mistake of a sources file in one go, each by its place, so that one edit fixes the file', () => {
    const path = sourcesFile({
      sources: [
        { name: 'gw', baseURL: 'https://gw.example/v1', apiKey: 'k' },
        { name: 'creds', baseUrl: 'https://user:pw@a.example/v1', apiKeyEnv: 'MISSING_KEY' },
        { name: 'dash', provider: 'dashscope', region: 'mars', apiKey: 'k', organization: 'org-1' },
        { name: 'openai', baseUrl: 'https://a.example/v1', apiKey: 'k' },
      ],
    });
    const message = mistakeOf({ OPENAI_API_KEY: 'sk', VIEWER_SOURCES_FILE: path });
    expect(message).toContain(`VIEWER_SOURCES_FILE (${path}) has 6 mistakes`);
    for (const line of [
      '- sources[0].baseURL: is not a known field (did you mean baseUrl?)',
      "- sources[0] (gw): baseUrl is required for provider 'openai-compatible'",
      '- sources[1].baseUrl: must be an http:// or https:// URL without credentials',
      '- sources[1] (creds): apiKeyEnv names MISSING_KEY, which is not set',
      '- sources[2].region: ',
      "- sources[2] (dash): organization and project apply to provider 'openai' only",
      "The source name 'openai' is configured twice: by OPENAI_API_KEY and by VIEWER_SOURCES_FILE sources[3].",
    ]) {
      expect(message).toContain(line);
    }
    expect(message).not.toContain('pw@');
  });

  it('tells a name given twice beside the mistakes of the entries that give it, in the same message', () => {
    const path = sourcesFile({
      sources: [
        { name: 'openai', baseURL: 'https://a.example/v1', apiKey: 'k' },
        { name: 'gw', baseUrl: 'https://a.example/v1', apiKey: 'k' },
        { name: 'gw', baseUrl: 'ftp://a.example/v1', apiKey: 'k' },
      ],
    });
    const env = { OPENAI_API_KEY: 'sk', VIEWER_SOURCES_FILE: path, VIEWER_SOURCE_GW_BASE_URL: 'https://gw.example/v1' };
    const message = mistakeOf(env);
    for (const line of [
      '- sources[0].baseURL: is not a known field (did you mean baseUrl?)',
      '- sources[2].baseUrl: must be an http:// or https:// URL',
      'VIEWER_SOURCE_GW_*: VIEWER_SOURCE_GW_API_KEY is not set',
      "The source name 'openai' is configured twice: by OPENAI_API_KEY and by VIEWER_SOURCES_FILE sources[0].",
      "The source name 'gw' is configured 3 times: by VIEWER_SOURCE_GW_* and by VIEWER_SOURCES_FILE sources[1] and by VIEWER_SOURCES_FILE sources[2].",
    ]) {
      expect(message).toContain(line);
    }
  });

  it('refuses a file that cannot be read or is not JSON, and a name used twice', () => {
    expect(() => only({ VIEWER_SOURCES_FILE: '/nonexistent/sources.json' })).toThrow(/VIEWER_SOURCES_FILE \(\/nonexistent\/sources\.json\) cannot be read \(ENOENT\)/);
    expect(() => only({ VIEWER_SOURCES_FILE: sourcesFile('{"sources": [') })).toThrow(/is not valid JSON/);
    const quoting = () => only({ VIEWER_SOURCES_FILE: sourcesFile('{"sources": [{"name": "x", "apiKey": sk-inline-secret-123}]}') });
    expect(quoting).toThrow(/is not valid JSON \(an unexpected character at line 1, column 38\)\.$/);
    expect(quoting).not.toThrow(/inline-secret/);
    // A mistake just after a line break: the parser's excerpt held the key's last characters.
    const afterBreak = () => only({ VIEWER_SOURCES_FILE: sourcesFile('{"sources": [{"name": "a", "baseUrl": "http://x/v1", "apiKey": "sk-SECRETKEY0123456789"},\nx]}') });
    expect(afterBreak).toThrow(/is not valid JSON \(an unexpected character at line 2, column 1\)\.$/);
    expect(afterBreak).not.toThrow(/SECRET|456789/);
    expect(() => only({ VIEWER_SOURCES_FILE: sourcesFile('{"sources": [{"name": "a",}]}') })).toThrow(/is not valid JSON \(Expected double-quoted property name at line 1, column 27\)\.$/);
    const twice = sourcesFile({ sources: [{ name: 'openai', baseUrl: 'https://a.example/v1', apiKey: 'k' }] });
    expect(() => only({ OPENAI_API_KEY: 'sk', VIEWER_SOURCES_FILE: twice })).toThrow("The source name 'openai' is configured twice: by OPENAI_API_KEY and by VIEWER_SOURCES_FILE sources[0].");
    // Every name given twice, each with where it was given.
    const names = sourcesFile({ sources: ['a', 'a', 'b', 'b'].map((name) => ({ name, baseUrl: 'https://a.example/v1', apiKey: 'k' })) });
    const message = mistakeOf({ VIEWER_SOURCES_FILE: names, VIEWER_SOURCE_A_BASE_URL: 'https://a.example/v1', VIEWER_SOURCE_A_API_KEY: 'k' });
    expect(message).toContain("The source name 'a' is configured 3 times: by VIEWER_SOURCE_A_* and by VIEWER_SOURCES_FILE sources[0] and by VIEWER_SOURCES_FILE sources[1].");
    expect(message).toContain("The source name 'b' is configured twice: by VIEWER_SOURCES_FILE sources[2] and by VIEWER_SOURCES_FILE sources[3].");
  });

  it('reports the mistakes of every group of source settings at once', () => {
    const message = mistakeOf({ OPENAI_API_KEY: 'sk one', DASHSCOPE_API_KEY: 'a b', VIEWER_SOURCES_FILE: '/nonexistent/sources.json', VIEWER_SOURCE_X_API_KEY: 'k' });
    for (const line of ['DASHSCOPE_API_KEY contains a space', 'OPENAI_API_KEY contains a space', 'VIEWER_SOURCES_FILE (/nonexistent/sources.json) cannot be read', 'VIEWER_SOURCE_X_*: baseUrl is required']) {
      expect(message).toContain(line);
    }
  });

  it('refuses a VIEWER_SOURCE_* set-up without a key or a base URL', () => {
    expect(() => only({ VIEWER_SOURCE_X_BASE_URL: 'https://x.example/v1' })).toThrow(/VIEWER_SOURCE_X_\*: VIEWER_SOURCE_X_API_KEY is not set/);
    // A misspelt field is a mistake, not a setting dropped without a word.
    const misspelt = () => only({ VIEWER_SOURCE_GW_BASE_URL: 'https://gw.example/v1', VIEWER_SOURCE_GW_API_KEY: 'k', VIEWER_SOURCE_GW_LABLE: 'Gateway' });
    expect(misspelt).toThrow(/VIEWER_SOURCE_GW_LABLE is not a setting of a source: their names end in _BASE_URL, _API_KEY, _LABEL/);
    expect(() => only({ VIEWER_SOURCE_X_API_KEY: 'k' })).toThrow(/VIEWER_SOURCE_X_\*: baseUrl is required/);
    expect(() => only({ VIEWER_SOURCE_FILE: '/etc/viewer/sources.yaml' })).toThrow(/VIEWER_SOURCE_FILE is not a setting of a source \(did you mean VIEWER_SOURCES_FILE\?\)/);
  });
});

describe('keys from the environment', () => {
  it('refuses a key that cannot be sent in a header, without repeating it', () => {
    const attempt = () => ids({ OPENAI_API_KEY: 'sk-abc\ndef-secret' });
    expect(attempt).toThrow(/OPENAI_API_KEY contains a space, line break or other character/);
    expect(attempt).not.toThrow(/def-secret/);
    expect(() => only({ VIEWER_SOURCE_X_BASE_URL: 'https://x.example/v1', VIEWER_SOURCE_X_API_KEY: 'a b' })).toThrow(/VIEWER_SOURCE_X_API_KEY contains a space/);
  });
});
