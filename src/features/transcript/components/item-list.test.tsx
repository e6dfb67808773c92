import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ConversationItem } from '../types';
import { renderItems } from '../../../test/render-items';

const items: ConversationItem[] = [
  { id: 'msg_user', type: 'message', role: 'user', status: 'completed', content: 'line1\nline2' },
  {
    id: 'msg_assistant',
    type: 'message',
    role: 'assistant',
    status: 'in_progress',
    content: [
      { type: 'output_text', text: 'Here is the forecast.', annotations: [] },
      { type: 'refusal', refusal: 'I cannot share that.' },
    ],
  },
  { id: 'msg_system', type: 'message', role: 'system', status: 'incomplete', content: [{ type: 'input_text', text: 'Be brief.' }] },
  { id: 'msg_developer', type: 'message', role: 'developer', content: 'Use metric units.' },
  { id: 'x1', type: 'future_thing', foo: 1 },
  { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city": "Paris"', status: 'completed' },
  { id: 'fco_1', type: 'function_call_output', call_id: 'call_1', output: '{"temp_c":21}' },
];

const renderList = renderItems;

describe('item views', () => {
  it('marks every item with its id and type; an output shows inside its call', () => {
    const { container, article } = renderList(items);
    const rows = items.filter((item) => item.id !== 'fco_1');
    expect(container.querySelectorAll('article[data-item-id]')).toHaveLength(rows.length);
    for (const item of rows) expect(article(item.id!)).toHaveAttribute('data-item-type', item.type);
    expect(container.querySelector('[data-paired-output="fco_1"]')).not.toBeNull();
  });

  it('shows roles and message text, keeping line breaks', () => {
    const { article } = renderList(items);
    expect(within(article('msg_user')).getByText('User')).toBeInTheDocument();
    expect(within(article('msg_user')).getByText(/line1/).textContent).toBe('line1\nline2');
    expect(within(article('msg_assistant')).getByText('Assistant')).toBeInTheDocument();
    expect(within(article('msg_assistant')).getByText('Here is the forecast.')).toBeInTheDocument();
    expect(within(article('msg_assistant')).getByText('I cannot share that.')).toBeInTheDocument();
    expect(within(article('msg_assistant')).getByText('Refusal')).toBeInTheDocument();
    expect(within(article('msg_system')).getByText('System')).toBeInTheDocument();
    expect(within(article('msg_developer')).getByText('Developer')).toBeInTheDocument();
  });

  it('flags unfinished statuses and stays quiet for completed ones', () => {
    const { article } = renderList(items);
    expect(within(article('msg_system')).getByText('incomplete')).toBeInTheDocument();
    expect(within(article('msg_assistant')).getByText('in progress')).toBeInTheDocument();
    expect(within(article('msg_user')).queryByText(/complete|progress/)).not.toBeInTheDocument();
  });

  it('shows an unknown item type as JSON', () => {
    const { article } = renderList(items);
    expect(article('x1')).toHaveAttribute('data-fallback');
    expect(screen.getByLabelText('future_thing item as JSON')).toHaveTextContent('"foo": 1');
  });

  it('shows a tool call with its output and flags invalid arguments', () => {
    const { article } = renderList(items);
    const call = within(article('fc_1'));
    expect(call.getByText('get_weather()')).toBeInTheDocument();
    expect(call.getByText('not valid JSON')).toBeInTheDocument();
    expect(call.getByLabelText('Arguments')).toHaveTextContent('{"city": "Paris"');
    expect(call.getByLabelText('Output').textContent).toBe('{ "temp_c": 21 }');
    expect(() => article('fco_1')).toThrow('no item fco_1');
  });

  it('highlights the anchored item', () => {
    const { article } = renderList(items, 'msg_system');
    expect(article('msg_system')).toHaveClass('item-highlight');
    expect(article('msg_user')).not.toHaveClass('item-highlight');
  });

  it('keeps rendering the other items when one fails', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const brokenPart = Object.defineProperty({}, 'type', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    const { article } = renderList([items[0], { id: 'msg_broken', type: 'message', role: 'user', content: [brokenPart] }, items[3]]);
    expect(article('msg_broken')).toHaveTextContent('This message item could not be displayed (boom)');
    expect(within(article('msg_user')).getByText(/line1/)).toBeInTheDocument();
    expect(within(article('msg_developer')).getByText('Use metric units.')).toBeInTheDocument();
  });
});
