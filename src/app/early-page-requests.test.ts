import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeEarly } from '../lib/early-requests';
import { startPageRequests } from './early-page-requests';

function started(pathname: string, search: string): string[] {
  const paths: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input) => {
      paths.push(String(input));
      return new Response('');
    }),
  );
  startPageRequests({ pathname, search });
  // Taken, so the next case starts from nothing.
  for (const path of paths) takeEarly(path);
  return paths;
}

afterEach(() => vi.unstubAllGlobals());

describe('a link starts its first requests early', () => {
  it("asks for the conversation's item stream and its object", () => {
    expect(started('/c/conv_abc123', '?source=demo')).toEqual(['/api/sources/demo/conversations/conv_abc123/stream', '/api/sources/demo/conversations/conv_abc123']);
    expect(started('/c/conv_abc123/', '?order=desc&source=%20dashscope-intl%20&q=x')).toEqual([
      '/api/sources/dashscope-intl/conversations/conv_abc123/stream',
      '/api/sources/dashscope-intl/conversations/conv_abc123',
    ]);
  });

  it('reads the path as the page does: its prefix in any case, without the punctuation a pasted link ends with', () => {
    expect(started('/C/conv_abc123', '?source=demo')).toEqual(['/api/sources/demo/conversations/conv_abc123/stream', '/api/sources/demo/conversations/conv_abc123']);
    expect(started('/c/conv_abc123).', '?source=demo')).toEqual(['/api/sources/demo/conversations/conv_abc123/stream', '/api/sources/demo/conversations/conv_abc123']);
    expect(started('/S/Ab3_xY9-kLm2Np4QrS7t', '')).toEqual(['/api/snapshots/Ab3_xY9-kLm2Np4QrS7t/items?limit=1000&from=0', '/api/snapshots/Ab3_xY9-kLm2Np4QrS7t']);
    expect(started('/s/Ab3_xY9-kLm2Np4QrS7t.', '')).toEqual(['/api/snapshots/Ab3_xY9-kLm2Np4QrS7t/items?limit=1000&from=0', '/api/snapshots/Ab3_xY9-kLm2Np4QrS7t']);
  });

  it('reads the source as the page does: quoted as the app writes a name that reads as JSON, or bare as typed', () => {
    // The app writes the source 2024 as "2024" (`encodeSearchValue`); a hand-written bare 2024 names it too.
    expect(started('/c/conv_abc123', '?source=%222024%22')).toEqual(['/api/sources/2024/conversations/conv_abc123/stream', '/api/sources/2024/conversations/conv_abc123']);
    expect(started('/c/conv_abc123', '?source=%22demo%22')).toEqual(['/api/sources/demo/conversations/conv_abc123/stream', '/api/sources/demo/conversations/conv_abc123']);
    expect(started('/c/conv_abc123', '?source=2024')).toEqual(['/api/sources/2024/conversations/conv_abc123/stream', '/api/sources/2024/conversations/conv_abc123']);
    expect(started('/c/conv_abc123', '?source=true')).toEqual(['/api/sources/true/conversations/conv_abc123/stream', '/api/sources/true/conversations/conv_abc123']);
  });

  it('asks for nothing without a source, for an ID that is not one, or on another page', () => {
    expect(started('/c/conv_abc123', '')).toEqual([]);
    expect(started('/c/conv_abc123', '?source=')).toEqual([]);
    expect(started('/c/not-a-conversation', '?source=demo')).toEqual([]);
    expect(started('/c/conv_%ZZ', '?source=demo')).toEqual([]);
    expect(started('/c/conv_a/b', '?source=demo')).toEqual([]);
    expect(started('/s/short', '')).toEqual([]);
    expect(started('/s/a_snapshot_id_of_24_ch/extra', '')).toEqual([]);
    expect(started('/', '?source=demo')).toEqual([]);
  });

  it('asks for nothing for a source no source can be named: a path, dots, spaces', () => {
    for (const source of ['../../admin?x=1#y', '..', '.', 'open ai', 'Open AI', '-x', 'a'.repeat(41)]) {
      expect(started('/c/conv_abc123', `?source=${encodeURIComponent(source)}`)).toEqual([]);
    }
  });

  it('asks for a source written in another case by its ID, as the page does: source IDs are lower-case', () => {
    expect(started('/c/conv_abc123', '?source=Demo')).toEqual(['/api/sources/demo/conversations/conv_abc123/stream', '/api/sources/demo/conversations/conv_abc123']);
    expect(started('/c/conv_abc123', '?source=%20DashScope-INTL')).toEqual([
      '/api/sources/dashscope-intl/conversations/conv_abc123/stream',
      '/api/sources/dashscope-intl/conversations/conv_abc123',
    ]);
  });

  it("asks for a snapshot's first page of items and the snapshot itself", () => {
    expect(started('/s/Ab3_xY9-kLm2Np4QrS7t', '?order=desc')).toEqual([
      '/api/snapshots/Ab3_xY9-kLm2Np4QrS7t/items?limit=1000&from=0',
      '/api/snapshots/Ab3_xY9-kLm2Np4QrS7t',
    ]);
  });
});
