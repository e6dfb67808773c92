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

  it('finds an error field in a JSON output however the output is written, and only there', () => {
    const call = { id: 'f', type: 'function_call', call_id: 'c', name: 'run', arguments: '{}' };
    const failedWith = (output: unknown) => outcomeOf(call, { id: 'o', type: 'function_call_output', call_id: 'c', output })?.failed ?? false;
    expect(failedWith('  \n {"error": "quota"}')).toBe(true);
    expect(failedWith('{"\\u0065rror": "quota"}')).toBe(true);
    expect(failedWith({ error: 'quota' })).toBe(true);
    expect(failedWith('{"result": "no error here"}')).toBe(false);
    expect(failedWith('error: quota')).toBe(false);
    expect(failedWith('["error"]')).toBe(false);
    expect(failedWith('{"error": ')).toBe(false);
  });

  it('says what a failure said: the first line of its error message or stderr', () => {
    const call = { id: 'ls', type: 'local_shell_call', call_id: 'c', action: { command: ['npm', 'test'] } };
    const output = { id: 'lo', type: 'local_shell_call_output', call_id: 'c', output: JSON.stringify({ stdout: 'ok', stderr: '\nsrc/app.ts(42,27): error TS2345\nmore', exit_code: 1 }) };
    expect(toolSummary(call, output).outcome).toEqual({ text: 'exit 1', failed: true, detail: 'src/app.ts(42,27): error TS2345' });
    const fn = { id: 'fc', type: 'function_call', call_id: 'f', name: 'x', arguments: '{}' };
    const fnOut = { id: 'fo', type: 'function_call_output', call_id: 'f', output: JSON.stringify({ error: 'invalid_arguments', message: 'Could not parse arguments' }) };
    expect(toolSummary(fn, fnOut).outcome?.detail).toBe('Could not parse arguments');
    expect(toolSummary(fn, { ...fnOut, output: JSON.stringify({ error: 'ENOENT' }) }).outcome?.detail).toBe('ENOENT');
    expect(itemSummaryLine({ id: 'm', type: 'mcp_call', arguments: '{"q":1}', error: { message: 'upstream timed out\nstack' } })).toBe('q: 1 → upstream timed out');
    // An MCP tool execution error says what went wrong in its content, not in a message.
    expect(itemSummaryLine({ id: 'm', type: 'mcp_call', arguments: '{"q":1}', status: 'failed', error: { type: 'mcp_tool_execution_error', content: [{ type: 'text', text: 'Repository is archived' }] } })).toBe('q: 1 → Repository is archived');
    // A server that could not list its tools says why.
    expect(itemSummaryLine({ id: 'ml', type: 'mcp_list_tools', server_label: 'github', tools: [], error: 'Could not connect to MCP server\nstack' })).toBe('0 tools → Could not connect to MCP server');
    // A success has no detail.
    expect(toolSummary(fn, { ...fnOut, output: 'fine' }).outcome).toBeNull();
  });

  it('shows the first values of a list argument and how many there are', () => {
    expect(shortArgs(JSON.stringify({ run_ids: [4182, 4181, 4180, 4179] }))).toBe('run_ids: [4182, 4181, … 4 in all]');
    expect(shortArgs(JSON.stringify({ tags: ['a', 'b'] }))).toBe('tags: ["a", "b"]');
    expect(shortArgs(JSON.stringify({ none: [] }))).toBe('none: []');
  });

  it('shows numbers as the call wrote them: an ID of 20 digits not rounded, 10.00 kept', () => {
    expect(shortArgs('{"order_id": 12345678901234567890, "amount": 10.00, "ids": [98765432109876543210, 1]}')).toBe(
      'order_id: 12345678901234567890, amount: 10.00, ids: [98765432109876543210, 1]',
    );
    expect(shortArgs('[12345678901234567890]')).toBe('[12345678901234567890]');
    expect(shortArgs('1.50')).toBe('1.50');
  });

  it('sums up an image generation without a prompt, code by its first working line, and reasoning without Markdown marks', () => {
    expect(itemSummaryLine({ id: 'ig', type: 'image_generation_call', status: 'completed', result: 'iVBOR' + 'A'.repeat(1995) })).toBe('PNG image, 1.5 KB');
    // The decoded size: 301 bytes are 404 characters of base64, two of them padding.
    expect(itemSummaryLine({ id: 'ig', type: 'image_generation_call', status: 'completed', result: `iVBOR${'A'.repeat(397)}==` })).toBe('PNG image, 301 B');
    expect(itemSummaryLine({ id: 'ig', type: 'image_generation_call', status: 'completed', result: `data:image/png;base64,iVBOR${'A'.repeat(397)}==` })).toBe('image, 301 B');
    expect(itemSummaryLine({ id: 'ci', type: 'code_interpreter_call', container_id: 'cntr_1', code: '# chart\nimport matplotlib\n\nruns = [1, 2]\n' })).toBe('runs = [1, 2]');
    const reasoning = { id: 'r', type: 'reasoning', summary: [{ type: 'summary_text', text: '**Triaging the run**\n\nThe `test` job fails; see [the log](https://x.test).' }] };
    expect(itemSummaryLine(reasoning)).toBe('Triaging the run The test job fails; see the log.');
  });

  it('keeps arguments that are not JSON as one short line', () => {
    expect(shortArgs('not json\nat all')).toBe('not json at all');
  });

  it('sums up tools that have no output item', () => {
    expect(itemSummaryLine({ id: 'ws', type: 'web_search_call', action: { type: 'search', query: 'node 22 env types' } })).toBe('node 22 env types');
    expect(itemSummaryLine({ id: 'ml', type: 'mcp_list_tools', tools: [{}, {}] })).toBe('2 tools');
    expect(itemSummaryLine({ id: 'ma', type: 'mcp_approval_response', approve: false })).toBe('denied');
    // A type the viewer does not know yet still says what it did, as far as its usual fields tell.
    expect(itemSummaryLine({ id: 'x', type: 'browser_call', call_id: 'b', name: 'navigate', arguments: '{"url":"https://example.com"}' })).toBe('navigate url: "https://example.com"');
    expect(itemSummaryLine({ id: 'y', type: 'browser_call_output', call_id: 'b', output: 'loaded' })).toBe('→ 6 B');
    expect(itemSummaryLine({ id: 'z', type: 'sandbox_call', input: 'rm -rf build', error: { message: 'denied by policy' } })).toBe('rm -rf build → denied by policy');
    expect(itemSummaryLine({ id: 'w', type: 'brand_new_thing', foo: 'bar' })).toBe('');
  });
});

describe('hostile values', () => {
  it('never calls a method of the item: a toString key shows as text', () => {
    const hostile = { toString: 'not a function' };
    expect(itemSummaryLine({ id: 'fs', type: 'file_search_call', queries: [hostile] })).toContain('not a function');
    expect(toolSummary({ id: 'sh', type: 'shell_call', action: { commands: [hostile] } }, { id: 'o', type: 'shell_call_output', output: [hostile] }).args).toContain('not a function');
  });
});
