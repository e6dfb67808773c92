import { describe, expect, it } from 'vitest';
import { itemSummaryLine, outcomeOf, shortArgs, toolSummary } from './tool-summary';

describe('toolSummary', () => {
  it('sums up a function call: the first arguments, cut short, and the output size', () => {
    const call = { id: 'fc', type: 'function_call', call_id: 'c', name: 'read_file', arguments: JSON.stringify({ path: 'src/server/config.ts', start: 1, end: 80, encoding: 'utf8' }) };
    const output = { id: 'fo', type: 'function_call_output', call_id: 'c', output: 'x'.repeat(2400) };
    expect(toolSummary(call, output)).toEqual({ args: 'path: "src/server/config.ts", start: 1, end: 80, …', outcome: null, size: '2.4 KB' });
  });

  it('shows a shell command with its exit code, and calls a non-zero exit a failure', () => {
    const call = { id: 'ls', type: 'local_shell_call', call_id: 'c', action: { command: ['npm', 'test'] } };
    const output = { id: 'lo', type: 'local_shell_call_output', call_id: 'c', output: JSON.stringify({ stdout: '', stderr: 'boom', exit_code: 1 }) };
    expect(toolSummary(call, output)).toMatchObject({ args: 'npm test', outcome: { text: 'exit 1', failed: true } });
    const shell = { id: 'sh', type: 'shell_call', call_id: 'd', action: { commands: ['ls'] } };
    const shellOutput = { id: 'so', type: 'shell_call_output', call_id: 'd', output: [{ stdout: 'a', outcome: { type: 'exit', exit_code: 0 } }] };
    expect(outcomeOf(shell, shellOutput)).toEqual({ text: 'exit 0', failed: false });
  });

  it('marks incomplete items, errors and denied approvals as failed', () => {
    expect(outcomeOf({ id: 'a', type: 'function_call', status: 'incomplete' }, undefined)).toEqual({ text: 'incomplete', failed: true });
    expect(outcomeOf({ id: 'm', type: 'mcp_call', error: 'timeout' }, undefined)?.failed).toBe(true);
    expect(outcomeOf({ id: 'r', type: 'mcp_approval_request' }, { id: 'p', type: 'mcp_approval_response', approve: false })).toEqual({ text: 'denied', failed: true });
  });

  it('keeps arguments that are not JSON as one short line', () => {
    expect(shortArgs('not json\nat all')).toBe('not json at all');
  });

  it('sums up tools that have no output item', () => {
    expect(itemSummaryLine({ id: 'ws', type: 'web_search_call', action: { type: 'search', query: 'node 22 env types' } })).toBe('node 22 env types');
    expect(itemSummaryLine({ id: 'ml', type: 'mcp_list_tools', tools: [{}, {}] })).toBe('2 tools');
    expect(itemSummaryLine({ id: 'ma', type: 'mcp_approval_response', approve: false })).toBe('denied');
  });
});

describe('hostile values', () => {
  it('never calls a method of the item: a toString key shows as text', () => {
    const hostile = { toString: 'not a function' };
    expect(itemSummaryLine({ id: 'fs', type: 'file_search_call', queries: [hostile] })).toContain('not a function');
    expect(toolSummary({ id: 'sh', type: 'shell_call', action: { commands: [hostile] } }, { id: 'o', type: 'shell_call_output', output: [hostile] }).args).toContain('not a function');
  });
});
