import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../sources/api/get-sources';
import { sourceForUrl } from './url-source';

const source = (id: string, kind: SourceSummary['kind']): SourceSummary => ({ id, label: id, kind });

describe('sourceForUrl', () => {
  it('finds the source of the URL’s provider, a DashScope one by its region', () => {
    const sources = [source('demo', 'demo'), source('dashscope-intl', 'dashscope'), source('dashscope-cn', 'dashscope'), source('openai', 'openai')];
    expect(sourceForUrl({ kind: 'openai' }, sources)).toEqual({ ok: true, source: sources[3] });
    expect(sourceForUrl({ kind: 'dashscope', region: 'cn' }, sources)).toEqual({ ok: true, source: sources[2] });
    expect(sourceForUrl({ kind: 'dashscope', region: 'cn' }, sources.slice(0, 2))).toEqual({ ok: true, source: sources[1] });
  });

  it('says which provider is not set up, and how to set it up', () => {
    expect(sourceForUrl({ kind: 'openai' }, [source('demo', 'demo')])).toEqual({
      ok: false,
      message: 'That is an OpenAI URL, but this viewer has no OpenAI source set up. Whoever runs it can set OPENAI_API_KEY and restart it.',
    });
    const dashscope = sourceForUrl({ kind: 'dashscope', region: 'intl' }, []);
    expect(dashscope.ok ? '' : dashscope.message).toMatch(/^That is a DashScope URL, but this viewer has no DashScope source set up\. /);
    // The key to set is the URL's region's.
    const hongKong = sourceForUrl({ kind: 'dashscope', region: 'hk' }, []);
    expect(hongKong.ok ? '' : hongKong.message).toContain('DASHSCOPE_HK_API_KEY (the Hong Kong region');
  });
});
