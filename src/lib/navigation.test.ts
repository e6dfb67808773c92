// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { navigateTo, parseSearch, stringifySearch, transcriptPath, withSearchValues } from './navigation';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('search values in links', () => {
  it('read links as they have always been written: JSON where a value reads as JSON, else the text', () => {
    expect(parseSearch('?source=demo&order=asc&q=%22123%22&hide=tools,reasoning')).toEqual({ source: 'demo', order: 'asc', q: '123', hide: 'tools,reasoning' });
    expect(parseSearch('?q=hello%20world&q=second')).toEqual({ q: 'hello world' });
    expect(parseSearch('?q=%2541')).toEqual({ q: '%41' });
  });

  it('read a hand-written value that is not quoted as the text it is, though it would read as JSON', () => {
    for (const q of ['true', 'false', 'null', '123', '1e3', '-0', '0x10', '{"a":1}', '[1]', '"unclosed', '" spaced"x']) {
      expect([q, parseSearch(`?q=${encodeURIComponent(q)}`)]).toEqual([q, { q }]);
    }
    expect(parseSearch('?tool=123&source=true')).toEqual({ tool: '123', source: 'true' });
  });

  it('write text that would read as JSON quoted, so every value reads back as written', () => {
    for (const q of ['123', 'true', 'null', '"quoted"', 'plain words', '50% off & more', '{"a":1}', '']) {
      expect(parseSearch(stringifySearch({ q }))).toEqual({ q });
    }
    expect(stringifySearch({ source: 'demo', q: '123', order: undefined })).toBe('?source=demo&q=%22123%22');
    expect(stringifySearch({})).toBe('');
  });

  it("write a copied link's source so that the link opens that source, whatever its name", () => {
    for (const source of ['2024', 'true', 'null', 'demo']) {
      const link = withSearchValues(`http://viewer.test/c/conv_a?q=%22123%22&source=other#msg_1`, { source, order: 'desc' });
      expect(parseSearch(link.search)).toEqual({ q: '123', source, order: 'desc' });
      expect(link.pathname + link.hash).toBe('/c/conv_a#msg_1');
    }
  });
});

describe('navigateTo', () => {
  it('goes to a path with its search and fragment, and keeps the path when none is given', () => {
    navigateTo({ to: transcriptPath('conv_1'), search: { source: 'demo' }, hash: 'msg_2' });
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe('/c/conv_1?source=demo#msg_2');
    const before = window.history.length;
    navigateTo({ search: (previous: Record<string, unknown>) => ({ ...previous, q: 'x' }), hash: (previous) => previous, replace: true });
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe('/c/conv_1?source=demo&q=x#msg_2');
    expect(window.history.length).toBe(before);
  });
});
