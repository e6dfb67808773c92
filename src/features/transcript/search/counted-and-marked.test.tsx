import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../lib/search-fold';
import { searchableText } from '../data/searchable-text';
import { FunctionCallBody, ToolOutputBody } from '../components/items/tool-bodies';
import type { ConversationItem } from '../types';
import { renderItems } from '../../../test/render-items';
import { CurrentMatchContext, SearchQueryContext } from './search-query-context';
import { rangesIn } from './use-match-highlights';

/** Whether the search counts the item for `query`, and what the page marks of it, shown as the current match. */
function searchOf(item: ConversationItem, Body: typeof FunctionCallBody, query: string) {
  const needle = foldForSearch(query);
  const { container, unmount } = render(
    <SearchQueryContext value={needle}>
      <CurrentMatchContext value={true}>
        <Body item={item} />
      </CurrentMatchContext>
    </SearchQueryContext>,
  );
  const result = { counted: searchableText(item).includes(needle), marked: rangesIn(container, needle).map((range) => range.toString()) };
  unmount();
  return result;
}

describe('a JSON box and the search', () => {
  const call = (args: unknown): ConversationItem => ({ id: 'fc_1', type: 'function_call', call_id: 'call_9', name: 'get_weather', arguments: JSON.stringify(args) });

  it('finds JSON copied as the page shows it, on one line or in a tree, and marks it', () => {
    expect(searchOf(call({ city: 'Paris' }), FunctionCallBody, '"city": "Paris"')).toEqual({ counted: true, marked: ['"city": "Paris"'] });
    const nested = call({ place: { city: 'Paris', country: 'France', around: { radius: { km: 12, unit: 'kilometres' }, note: 'x'.repeat(90) } } });
    expect(searchOf(nested, FunctionCallBody, '"unit": "kilometres"')).toEqual({ counted: true, marked: ['"unit": "kilometres"'] });
    expect(searchOf(nested, FunctionCallBody, '"country": "France"')).toEqual({ counted: true, marked: ['"country": "France"'] });
  });

  it('reads an escaped line break in a JSON string as the page shows it, not as a line break', () => {
    const output: ConversationItem = { id: 'fco_1', type: 'function_call_output', call_id: 'call_9', output: JSON.stringify({ log: 'line one\nline two', more: 'y'.repeat(90) }) };
    expect(searchOf(output, ToolOutputBody, 'line one line two')).toEqual({ counted: false, marked: [] });
    expect(searchOf(output, ToolOutputBody, 'line one\\nline two')).toEqual({ counted: true, marked: ['line one\\nline two'] });
  });

  it('still finds the item when the word is in what the box cuts: past a long string\'s first 2,000 characters or a list\'s first 500 entries', () => {
    // A file read back as JSON: the box shows the start of its text; the item that holds the rest is found, not lost.
    const file: ConversationItem = { id: 'fco_2', type: 'function_call_output', call_id: 'call_9', output: JSON.stringify({ path: 'src/app.ts', content: `${'// filler\n'.repeat(400)}export function parseConfig() {}` }) };
    expect(searchOf(file, ToolOutputBody, 'parseConfig').counted).toBe(true);
    const rows: ConversationItem = { id: 'fco_3', type: 'function_call_output', call_id: 'call_9', output: JSON.stringify({ rows: Array.from({ length: 600 }, (_, n) => ({ n, name: `row ${n}` })) }) };
    expect(searchOf(rows, ToolOutputBody, '"name": "row 599"').counted).toBe(true);
    expect(searchOf(rows, ToolOutputBody, '"name": "row 12"')).toEqual({ counted: true, marked: ['"name": "row 12"'] });
  });
});

describe('a Markdown list and the search', () => {
  it('counts no match that runs from one item of a list into the next, which nothing could mark', async () => {
    const item: ConversationItem = { id: 'msg_list', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Steps:\n- first **item**\n- second item\n1. third item' }] };
    const { article, unmount } = renderItems([item]);
    await waitFor(() => expect(article('msg_list').querySelectorAll('li')).toHaveLength(3), { timeout: 10_000 });
    const search = (query: string) => {
      const needle = foldForSearch(query);
      return { counted: searchableText(item).includes(needle), marked: rangesIn(article('msg_list'), needle).map((range) => range.toString()) };
    };
    for (const across of ['first item - second item', 'first item second item', 'steps: - first', 'steps: first', 'second item 1. third']) expect(search(across)).toEqual({ counted: false, marked: [] });
    expect(search('second item')).toEqual({ counted: true, marked: ['second item'] });
    expect(search('first item')).toEqual({ counted: true, marked: ['first item'] });
    unmount();
  });
});
