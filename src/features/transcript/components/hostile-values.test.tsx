import { render } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { ConversationItem } from '../types';
import { rendererFor } from './item-renderers';

/** An object whose String() throws "Cannot convert object to primitive value". */
const HOSTILE = { toString: 'not a function', valueOf: 'nor this' };

function renderItem(item: ConversationItem, partner?: ConversationItem) {
  const { container } = render(createElement(rendererFor(item.type), { item, partner, highlighted: false }));
  return container;
}

describe('values that are not what their field promises', () => {
  it.each<[string, ConversationItem]>([
    ['status', { id: 'msg_1', type: 'message', role: 'user', status: HOSTILE, content: 'hi' }],
    ['queries', { id: 'fs_1', type: 'file_search_call', status: 'completed', queries: [HOSTILE, 'fine'] }],
    ['a local shell command', { id: 'lsc_1', type: 'local_shell_call', call_id: 'c1', action: { type: 'exec', command: ['ls', HOSTILE] } }],
    ['shell commands', { id: 'sh_1', type: 'shell_call', call_id: 'c2', action: { commands: [HOSTILE] } }],
    ['an annotation type', { id: 'msg_2', type: 'message', role: 'user', content: [{ type: 'output_text', text: 'not a function, cited', annotations: [{ type: HOSTILE, index: 1 }] }] }],
    ['code interpreter logs', { id: 'ci_1', type: 'code_interpreter_call', status: 'completed', code: 'x', outputs: [{ type: 'logs', logs: HOSTILE }] }],
    ['a refusal', { id: 'msg_3', type: 'message', role: 'assistant', content: [{ type: 'refusal', refusal: HOSTILE }] }],
    ['a fact of a shell call', { id: 'sh_2', type: 'shell_call', call_id: 'c3', action: { commands: ['ls'], timeout_ms: HOSTILE } }],
  ])('an object with a toString key in %s leaves the item readable', (_, item) => {
    const container = renderItem(item);
    expect(container.querySelector(`[data-item-id="${item.id}"]`)).not.toBeNull();
    expect(container.textContent).toContain('not a function');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('a phase or role named %s shows as written', (name) => {
    const container = renderItem({ id: 'msg_4', type: 'message', role: name, phase: name, content: 'hello' });
    expect(container.textContent).toContain(name);
    expect(container.textContent).toContain('hello');
  });
});
