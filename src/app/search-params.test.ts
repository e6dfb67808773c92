import { describe, expect, it } from 'vitest';
import { parseSearch, stringifySearch } from '../lib/search-values';
import { parseTranscriptSearch } from './search-params';

const read = (search: string) => parseTranscriptSearch(parseSearch(search));

describe("a transcript link's values", () => {
  it("read a source in another case as the source's ID (source IDs are lower-case), and other text as it came", () => {
    expect(read('?source=Demo').source).toBe('demo');
    expect(read('?source=%20OpenAI%20').source).toBe('openai');
    expect(read('?source=demo').source).toBe('demo');
    // No case makes these an ID: they are refused by the name they came with.
    expect(read('?source=Open%20AI').source).toBe('Open AI');
    expect(read('?source=..%2FAdmin').source).toBe('../Admin');
  });

  it('read a hand-written search or tool as the text it is: q=true searches for true, q=1e3 for 1e3', () => {
    for (const text of ['true', 'false', 'null', '1e3', '123', '0.50', '{}']) {
      expect([text, read(`?q=${encodeURIComponent(text)}&tool=${encodeURIComponent(text)}`)]).toEqual([text, { q: text, tool: text }]);
    }
  });

  it('read Failures only from failures=only, and nothing else as it', () => {
    expect(parseTranscriptSearch({ failures: 'only' }).failures).toBe('only');
    for (const other of ['1', 'true', 'yes', '']) expect(parseTranscriptSearch({ failures: other }).failures).toBeUndefined();
  });

  it('read the values the app writes back as they were', () => {
    for (const text of ['true', 'null', '1e3', '123', '"quoted"', 'plain words']) {
      expect(read(stringifySearch({ q: text, tool: text }))).toEqual({ q: text, tool: text });
    }
  });
});
