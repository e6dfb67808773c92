import { describe, expect, it, vi } from 'vitest';
import { CallMatcher } from '../items/tool-pairs.ts';
import agentRun from '../../server/demo/conversations/agent-run.json' with { type: 'json' };
import type { ExportItem, ExportMeta } from './export-document.ts';
import { exportAll } from './export-formats.ts';
import { exportTraceServiceRequest, type OtlpSpan } from './otlp-shape.ts';

const meta: ExportMeta = { title: agentRun.title, source: { id: 'demo', label: 'Demo' }, conversation: agentRun.conversation, exported_at: '2026-12-01T00:00:00.000Z' };
const items = agentRun.items as ExportItem[];

function attribute(span: OtlpSpan, key: string): string | undefined {
  const value = span.attributes?.find((entry) => entry.key === key)?.value;
  return value && 'stringValue' in value ? value.stringValue : value && 'intValue' in value ? String(value.intValue) : undefined;
}

describe('OTLP export', () => {
  const request = exportTraceServiceRequest.parse(JSON.parse(exportAll('otlp', meta, items)));
  const spans = request.resourceSpans[0].scopeSpans[0].spans;
  const byName = (name: string) => spans.filter((span) => span.name === name || span.name.startsWith(`${name} `));

  it('is one trace, every span carrying the conversation ID, every parent a span of the trace', () => {
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
    const ids = new Set(spans.map((span) => span.spanId));
    expect(ids.size).toBe(spans.length);
    for (const span of spans) {
      expect(attribute(span, 'gen_ai.conversation.id')).toBe(agentRun.conversation.id);
      expect(span.parentSpanId === undefined || ids.has(span.parentSpanId)).toBe(true);
      expect(BigInt(span.endTimeUnixNano)).toBeGreaterThan(BigInt(span.startTimeUnixNano));
    }
    expect(spans.filter((span) => !span.parentSpanId).map((span) => span.name)).toEqual(['invoke_agent']);
  });

  it('has a chat span per turn with its input and output messages', () => {
    const chats = byName('chat');
    expect(chats).toHaveLength(items.filter((item) => item.type === 'message' && item.role === 'user').length);
    const first = chats[0];
    const input = JSON.parse(attribute(first, 'gen_ai.input.messages')!);
    expect(input.map((message: { role: string }) => message.role).slice(0, 3)).toEqual(['system', 'developer', 'user']);
    const output = JSON.parse(attribute(first, 'gen_ai.output.messages')!);
    expect(output.some((message: { parts: { type: string }[] }) => message.parts.some((part) => part.type === 'tool_call'))).toBe(true);
    expect(output.some((message: { parts: { type: string }[] }) => message.parts.some((part) => part.type === 'reasoning'))).toBe(true);
  });

  it('has an execute_tool span per tool call, with name, call ID, arguments, result, and the failure status', () => {
    const tools = byName('execute_tool');
    const readFile = tools.filter((span) => attribute(span, 'gen_ai.tool.name') === 'read_file');
    expect(readFile).toHaveLength(2);
    expect(attribute(readFile[0], 'gen_ai.tool.call.id')).toBe('call_XNPAD0XCWEyXCD6vJSiOLcf8');
    expect(attribute(readFile[0], 'gen_ai.tool.call.arguments')).toBe('{"path": "src/app.ts",');
    expect(attribute(readFile[0], 'gen_ai.tool.call.result')).toContain('invalid_arguments');
    expect(readFile[0].status).toEqual({ code: 2, message: 'error' });
    expect(readFile[1].status).toEqual({});
    const chatIds = new Set(byName('chat').map((span) => span.spanId));
    for (const span of tools) {
      expect(chatIds.has(span.parentSpanId!)).toBe(true);
      expect(attribute(span, 'gen_ai.operation.name')).toBe('execute_tool');
    }
  });

  it("gives a snapshot read without its conversation's ID the same trace each time it is exported", () => {
    const snapshot = { id: 'snap_1', title: null, origin: 'source' as const, created_at: '2026-12-01T00:00:00.000Z', expires_at: null, item_count: 1, excluded_count: 0 };
    const traceOf = (exportedAt: string, id = 'snap_1') =>
      exportTraceServiceRequest.parse(JSON.parse(exportAll('otlp', { ...meta, conversation: { created_at: 1 }, snapshot: { ...snapshot, id }, exported_at: exportedAt }, items))).resourceSpans[0].scopeSpans[0].spans[0].traceId;
    expect(traceOf('2026-12-01T00:00:00.000Z')).toBe(traceOf('2027-01-01T00:00:00.000Z'));
    expect(traceOf('2026-12-01T00:00:00.000Z')).not.toBe(traceOf('2026-12-01T00:00:00.000Z', 'snap_2'));
  });

  it('gives the same conversation the same trace, and times items a millisecond apart from its creation', () => {
    const again = exportTraceServiceRequest.parse(JSON.parse(exportAll('otlp', { ...meta, exported_at: '2027-01-01T00:00:00.000Z' }, items)));
    expect(again.resourceSpans[0].scopeSpans[0].spans[0].traceId).toBe(spans[0].traceId);
    const root = byName('invoke_agent')[0];
    const created = BigInt(agentRun.conversation.created_at) * 1_000_000_000n;
    expect(BigInt(root.startTimeUnixNano)).toBe(created);
    expect(BigInt(root.endTimeUnixNano)).toBe(created + BigInt(items.length) * 1_000_000n);
  });
});

describe('OTLP export of awkward runs', () => {
  const spansOf = (runItems: ExportItem[]) => exportTraceServiceRequest.parse(JSON.parse(exportAll('otlp', meta, runItems))).resourceSpans[0].scopeSpans[0].spans;

  it('gives a call answered after the next user message one span, with its result, in the turn that made it', () => {
    const spans = spansOf([
      { id: 'u1', type: 'message', role: 'user', content: 'Weather?' },
      { id: 'fc', type: 'function_call', call_id: 'c1', name: 'get_weather', arguments: '{}' },
      { id: 'u2', type: 'message', role: 'user', content: 'Still there?' },
      { id: 'fo', type: 'function_call_output', call_id: 'c1', output: 'Sunny' },
    ]);
    const tools = spans.filter((span) => span.name.startsWith('execute_tool'));
    expect(tools.map((span) => [span.name, attribute(span, 'gen_ai.tool.call.id'), attribute(span, 'gen_ai.tool.call.result')])).toEqual([['execute_tool get_weather', 'c1', 'Sunny']]);
    const firstTurn = spans.filter((span) => span.name === 'chat').sort((a, b) => (BigInt(a.startTimeUnixNano) < BigInt(b.startTimeUnixNano) ? -1 : 1))[0];
    expect(tools[0].parentSpanId).toBe(firstTurn.spanId);
    expect(BigInt(tools[0].endTimeUnixNano)).toBeLessThanOrEqual(BigInt(firstTurn.endTimeUnixNano));
  });

  it('ends each unanswered call with its own turn, and reads the calls still waiting once, not at every turn', () => {
    const turns = 300;
    const runItems: ExportItem[] = Array.from({ length: turns }, (_, i) => [
      { id: `u${i}`, type: 'message', role: 'user', content: `Step ${i}` },
      { id: `fc${i}`, type: 'function_call', call_id: 'same', name: 'step', arguments: `{"n":${i}}` },
    ]).flat();
    const waitingRead = vi.spyOn(CallMatcher.prototype, 'unanswered');
    const spans = spansOf(runItems);
    // Before, every turn's end read every call still waiting: a hostile run of 10,000 such turns took 100 million steps.
    expect(waitingRead).toHaveBeenCalledTimes(1);
    waitingRead.mockRestore();
    const chats = new Map(spans.filter((span) => span.name === 'chat').map((span) => [span.spanId, span]));
    const tools = spans.filter((span) => span.name.startsWith('execute_tool'));
    expect(tools).toHaveLength(turns);
    for (const tool of tools) expect(tool.endTimeUnixNano).toBe(chats.get(tool.parentSpanId!)!.endTimeUnixNano);
  });

  it('gives each call a span when two share a call_id, each with its own result or none', () => {
    const spans = spansOf([
      { id: 'u1', type: 'message', role: 'user', content: 'Look twice' },
      { id: 'a', type: 'function_call', call_id: 'c', name: 'lookup', arguments: '{"n":1}' },
      { id: 'ao', type: 'function_call_output', call_id: 'c', output: 'first' },
      { id: 'b', type: 'function_call', call_id: 'c', name: 'lookup', arguments: '{"n":2}' },
      { id: 'c2', type: 'function_call', call_id: 'c', name: 'lookup', arguments: '{"n":3}' },
      { id: 'co', type: 'function_call_output', call_id: 'c', output: 'third' },
    ]);
    const tools = spans.filter((span) => span.name.startsWith('execute_tool'));
    const calls = tools.map((span) => [attribute(span, 'gen_ai.tool.call.arguments'), attribute(span, 'gen_ai.tool.call.result')]);
    expect(calls.sort()).toEqual([
      ['{"n":1}', 'first'],
      ['{"n":2}', undefined],
      ['{"n":3}', 'third'],
    ]);
  });

  it("groups one response's reasoning, calls and text into one output message that finishes as its last part does", () => {
    const spans = spansOf([
      { id: 'u1', type: 'message', role: 'user', content: 'Weather in Paris?' },
      { id: 'rs', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Need the weather tool.' }] },
      { id: 'fc', type: 'function_call', call_id: 'c1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: 'fo', type: 'function_call_output', call_id: 'c1', output: 'Sunny' },
      { id: 'rs2', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Got it.' }] },
      { id: 'm1', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Sunny in Paris.' }] },
    ]);
    const chat = spans.find((span) => span.name === 'chat')!;
    const output = JSON.parse(attribute(chat, 'gen_ai.output.messages')!) as { finish_reason: string; parts: { type: string }[] }[];
    expect(output.map((message) => [message.finish_reason, message.parts.map((part) => part.type)])).toEqual([
      ['tool_call', ['reasoning', 'tool_call']],
      ['stop', ['reasoning', 'text']],
    ]);
    // With the tools' answers left out (a share's rules) or an MCP approval between them, responses stay apart.
    const shared = spansOf([
      { id: 'u1', type: 'message', role: 'user', content: 'Weather in Paris?' },
      { id: 'rs', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Need the weather tool.' }] },
      { id: 'fc', type: 'function_call', call_id: 'c1', name: 'get_weather', arguments: '{}' },
      { id: 'rs2', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Need approval.' }] },
      { id: 'ar', type: 'mcp_approval_request', server_label: 'gh', name: 'merge', arguments: '{}' },
      { id: 'ap', type: 'mcp_approval_response', approval_request_id: 'ar', approve: true },
      { id: 'm1', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Done.' }] },
    ]);
    const messages = JSON.parse(attribute(shared.find((span) => span.name === 'chat')!, 'gen_ai.output.messages')!) as { parts: { type: string }[] }[];
    expect(messages.map((message) => message.parts.map((part) => part.type))).toEqual([['reasoning', 'tool_call'], ['reasoning'], ['text']]);
  });

  it('says an answer still being written has not finished, and one that failed finished in error', () => {
    const finished = (status: string) => {
      const spans = spansOf([
        { id: 'u1', type: 'message', role: 'user', content: 'Write a haiku.' },
        { id: 'm1', type: 'message', role: 'assistant', status, content: [{ type: 'output_text', text: 'Tides breathe' }] },
      ]);
      return (JSON.parse(attribute(spans.find((span) => span.name === 'chat')!, 'gen_ai.output.messages')!) as { finish_reason: string }[])[0].finish_reason;
    };
    expect(['completed', 'incomplete', 'failed', 'in_progress'].map(finished)).toEqual(['stop', 'length', 'error', 'in_progress']);
  });

  it("names the provider by the source's kind, not its ID, and an MCP tool's server", () => {
    const run: ExportItem[] = [{ id: 'mc', type: 'mcp_call', server_label: 'github', name: 'search_issues', arguments: '{}', output: '[]' }];
    const named = (kind?: ExportMeta['source']['kind']) =>
      exportTraceServiceRequest.parse(JSON.parse(exportAll('otlp', { ...meta, source: { id: 'team-a', label: 'Team A', kind } }, run))).resourceSpans[0].scopeSpans[0].spans;
    expect(attribute(named('openai')[0], 'gen_ai.provider.name')).toBe('openai');
    expect(attribute(named('dashscope')[0], 'gen_ai.provider.name')).toBe('alibaba_cloud.dashscope');
    expect(named('compatible').every((span) => attribute(span, 'gen_ai.provider.name') === undefined)).toBe(true);
    expect(named(undefined).every((span) => attribute(span, 'gen_ai.provider.name') === undefined)).toBe(true);
    const tool = named('openai').find((span) => span.name.startsWith('execute_tool'))!;
    expect([attribute(tool, 'gen_ai.tool.name'), attribute(tool, 'conversation_viewer.mcp.server_label')]).toEqual(['search_issues', 'github']);
  });

  it('types each tool as the GenAI conventions do: function when the client runs it, datastore for retrieval, extension when the provider runs it', () => {
    const spans = spansOf([
      { id: 'u1', type: 'message', role: 'user', content: 'Go.' },
      { id: 'fc', type: 'function_call', call_id: 'c1', name: 'get_weather', arguments: '{}' },
      { id: 'ct', type: 'custom_tool_call', call_id: 'c2', name: 'grammar', input: 'x' },
      { id: 'cu', type: 'computer_call', call_id: 'c3', action: { type: 'click', x: 1, y: 2 } },
      { id: 'ls', type: 'local_shell_call', call_id: 'c4', action: { type: 'exec', command: ['ls'] } },
      { id: 'sh', type: 'shell_call', call_id: 'c5', action: { commands: ['ls'] }, environment: { type: 'local' } },
      { id: 'sc', type: 'shell_call', call_id: 'c6', action: { commands: ['ls'] }, environment: { type: 'container_reference', container_id: 'cntr_1' } },
      { id: 'ap', type: 'apply_patch_call', call_id: 'c7', operation: { type: 'delete_file', path: 'a.txt' } },
      { id: 'tc', type: 'tool_search_call', call_id: 'c8', execution: 'client', arguments: {} },
      { id: 'ts', type: 'tool_search_call', call_id: 'c9', execution: 'server', arguments: {} },
      { id: 'fs', type: 'file_search_call', queries: ['refund policy'], results: [] },
      { id: 'ws', type: 'web_search_call', action: { type: 'search', query: 'weather' } },
      { id: 'ci', type: 'code_interpreter_call', code: 'print(1)' },
      { id: 'ig', type: 'image_generation_call', result: '' },
      { id: 'mc', type: 'mcp_call', server_label: 'gh', name: 'search_issues', arguments: '{}' },
    ]);
    const types = Object.fromEntries(spans.filter((span) => span.name.startsWith('execute_tool')).map((span) => [attribute(span, 'conversation_viewer.item.type') + (attribute(span, 'gen_ai.tool.call.id') ?? ''), attribute(span, 'gen_ai.tool.type')]));
    expect(types).toEqual({
      function_callc1: 'function',
      custom_tool_callc2: 'function',
      computer_callc3: 'function',
      local_shell_callc4: 'function',
      shell_callc5: 'function',
      shell_callc6: 'extension',
      apply_patch_callc7: 'function',
      tool_search_callc8: 'function',
      tool_search_callc9: 'extension',
      file_search_callfs: 'datastore',
      web_search_callws: 'extension',
      code_interpreter_callci: 'extension',
      image_generation_callig: 'extension',
      mcp_callmc: 'extension',
    });
  });

  it('cuts attribute values past 64 KiB, saying how long they were, and leaves embedded images out', () => {
    const result = 'A'.repeat(200_000);
    const spans = spansOf([
      { id: 'u1', type: 'message', role: 'user', content: [{ type: 'input_image', image_url: `data:image/png;base64,${'iVBOR'.repeat(1000)}` }] },
      { id: 'ig', type: 'image_generation_call', status: 'completed', result },
    ]);
    const tool = spans.find((span) => span.name.startsWith('execute_tool'))!;
    expect(attribute(tool, 'gen_ai.tool.call.result')).toMatch(/^A{65536}… \[cut: 200,000 characters in all\]$/);
    expect(attribute(tool, 'gen_ai.tool.call.result.length')).toBe('200000');
    const chat = spans.find((span) => span.name === 'chat')!;
    expect(attribute(chat, 'gen_ai.input.messages')).toContain('[embedded image, 5,022 characters, not included]');
    expect(attribute(chat, 'gen_ai.input.messages')).not.toContain('iVBOR');
  });

  it("writes a long agent turn's messages as their start and their whole length, as if held whole", () => {
    const calls = 3_000;
    const runItems: ExportItem[] = [{ id: 'u1', type: 'message', role: 'user', content: 'Go.' }];
    for (let i = 0; i < calls; i += 1) {
      runItems.push({ id: `fc${i}`, type: 'function_call', call_id: `c${i}`, name: 'step', arguments: `{"n":${i}}`, status: 'completed' });
      runItems.push({ id: `fo${i}`, type: 'function_call_output', call_id: `c${i}`, output: `answer ${i} `.repeat(20) });
    }
    runItems.push({ id: 'a1', type: 'message', role: 'assistant', content: 'Done.' });
    // The conventions' messages for this turn, written whole.
    const input = [{ role: 'user', parts: [{ type: 'text', content: 'Go.' }] }];
    const output = [];
    for (let i = 0; i < calls; i += 1) {
      output.push({ role: 'assistant', parts: [{ type: 'tool_call', id: `c${i}`, name: 'step', arguments: `{"n":${i}}` }], finish_reason: 'tool_call' });
      input.push({ role: 'tool', parts: [{ type: 'tool_call_response', id: `c${i}`, response: `answer ${i} `.repeat(20) }] } as never);
    }
    output.push({ role: 'assistant', parts: [{ type: 'text', content: 'Done.' }], finish_reason: 'stop' });
    const chat = spansOf(runItems).find((span) => span.name === 'chat')!;
    for (const [key, whole] of [['gen_ai.input.messages', JSON.stringify(input)], ['gen_ai.output.messages', JSON.stringify(output)]] as const) {
      expect(whole.length).toBeGreaterThan(65_536);
      expect(attribute(chat, key)).toBe(`${whole.slice(0, 65_536)}… [cut: ${whole.length.toLocaleString('en')} characters in all]`);
      expect(attribute(chat, `${key}.length`)).toBe(String(whole.length));
    }
  });

  it("writes a call no output answers (a run whose outputs were left out) with its long arguments cut as an answered one's", () => {
    const patch = 'P'.repeat(200_000);
    const spans = spansOf([
      { id: 'u1', type: 'message', role: 'user', content: 'Patch it.' },
      { id: 'ap', type: 'apply_patch_call', call_id: 'c1', operation: patch, status: 'completed' },
      { id: 'a1', type: 'message', role: 'assistant', content: 'Done.' },
    ]);
    const tool = spans.find((span) => span.name.startsWith('execute_tool'))!;
    expect(attribute(tool, 'gen_ai.tool.call.arguments')).toBe(`${patch.slice(0, 65_536)}… [cut: 200,000 characters in all]`);
    expect(attribute(tool, 'gen_ai.tool.call.arguments.length')).toBe('200000');
    expect(attribute(tool, 'gen_ai.tool.call.id')).toBe('c1');
  });

  it('takes an assistant message of hundreds of thousands of parts', () => {
    const parts = Array.from({ length: 300_000 }, (_, i) => ({ type: 'output_text', text: `p${i}` }));
    const chat = spansOf([
      { id: 'u1', type: 'message', role: 'user', content: 'Hi' },
      { id: 'a1', type: 'message', role: 'assistant', content: parts },
    ]).find((span) => span.name === 'chat')!;
    expect(attribute(chat, 'gen_ai.output.messages')).toMatch(/^\[\{"role":"assistant","parts":\[\{"type":"text","content":"p0"\}/);
    expect(Number(attribute(chat, 'gen_ai.output.messages.length'))).toBeGreaterThan(300_000 * 30);
  });

  it("leaves a screenshot or file sent as a data: URL out of a tool's answer and the messages, saying how long it was", () => {
    const screenshot = `data:image/png;base64,${'iVBOR'.repeat(20_000)}`;
    const spans = spansOf([
      { id: 'u1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Click it.' }, { type: 'input_file', filename: 'a.pdf', file_data: `data:application/pdf;base64,${'JVBER'.repeat(100)}` }] },
      { id: 'cu', type: 'computer_call', call_id: 'c1', action: { type: 'click', x: 1, y: 2 }, status: 'completed' },
      { id: 'cuo', type: 'computer_call_output', call_id: 'c1', output: { type: 'computer_screenshot', image_url: screenshot } },
      { id: 'a1', type: 'message', role: 'assistant', content: 'Clicked.' },
    ]);
    const tool = spans.find((span) => span.name.startsWith('execute_tool'))!;
    expect(attribute(tool, 'gen_ai.tool.call.result')).toBe('{"type":"computer_screenshot","image_url":"[embedded data, 100,022 characters, not included]"}');
    const input = attribute(spans.find((span) => span.name === 'chat')!, 'gen_ai.input.messages')!;
    expect(input).not.toMatch(/iVBOR|JVBER/);
    expect(input).toContain('[embedded data, 528 characters, not included]');
    // The messages are whole: nothing of them was cut to make room for the image.
    expect(JSON.parse(input).at(-1).parts[0].response).toContain('embedded data');
  });
});

describe('a creation time past what OTLP can carry', () => {
  it('times the spans from the export instead, so the request stays valid (unix nanoseconds fit in 64 bits)', () => {
    // Nanoseconds, as some logs write them: read as milliseconds, far past 2554, the last time 64 bits of nanoseconds hold.
    const odd = { ...meta, conversation: { ...meta.conversation, created_at: 1_764_399_000_000_000_000 } };
    const request = exportTraceServiceRequest.parse(JSON.parse(exportAll('otlp', odd, agentRun.items as ExportItem[])));
    const root = request.resourceSpans[0].scopeSpans[0].spans.find((span) => span.name === 'invoke_agent')!;
    expect(root.startTimeUnixNano).toBe(`${Date.parse(meta.exported_at)}000000`);
  });
});
