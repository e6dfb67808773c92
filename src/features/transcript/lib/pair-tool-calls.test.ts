import { describe, expect, it } from 'vitest';
import type { ConversationItem } from '../types';
import { pairToolCalls, partnerOf } from './pair-tool-calls';

const item = (id: string, type: string, callId?: string): ConversationItem => ({ id, type, ...(callId ? { call_id: callId } : {}) });

describe('pairToolCalls', () => {
  it('links function and custom tool calls to their outputs by call_id', () => {
    const call = item('fc_1', 'function_call', 'call_1');
    const output = item('fco_1', 'function_call_output', 'call_1');
    const custom = item('ctc_1', 'custom_tool_call', 'call_2');
    const customOutput = item('ctco_1', 'custom_tool_call_output', 'call_2');
    const pairs = pairToolCalls([item('msg_1', 'message'), call, output, custom, customOutput]);
    expect(partnerOf(call, pairs)).toBe(output);
    expect(partnerOf(output, pairs)).toBe(call);
    expect(partnerOf(custom, pairs)).toBe(customOutput);
    expect(partnerOf(customOutput, pairs)).toBe(custom);
    expect(pairs.size).toBe(4);
  });

  it('reads items in conversation order: an output before every call of its ID answers none of them', () => {
    const output = item('fco_1', 'function_call_output', 'call_1');
    const call = item('fc_1', 'function_call', 'call_1');
    const pairs = pairToolCalls([output, call]);
    expect(partnerOf(call, pairs)).toBeUndefined();
    expect(partnerOf(output, pairs)).toBeUndefined();
  });

  it('gives each of two calls with one call_id its own output, and leaves the second waiting without one', () => {
    const first = item('fc_1', 'function_call', 'call_1');
    const firstOutput = item('fco_1', 'function_call_output', 'call_1');
    const second = item('fc_2', 'function_call', 'call_1');
    const pairs = pairToolCalls([first, firstOutput, second]);
    expect(partnerOf(first, pairs)).toBe(firstOutput);
    expect(partnerOf(firstOutput, pairs)).toBe(first);
    expect(partnerOf(second, pairs)).toBeUndefined();
    const secondOutput = item('fco_2', 'function_call_output', 'call_1');
    const both = pairToolCalls([first, firstOutput, second, secondOutput]);
    expect(partnerOf(second, both)).toBe(secondOutput);
    expect(partnerOf(first, both)).toBe(firstOutput);
  });

  it('leaves a call without its output, or an output without its call, unpaired', () => {
    const pairs = pairToolCalls([item('fc_1', 'function_call', 'call_1'), item('fco_2', 'function_call_output', 'call_2')]);
    expect(pairs.size).toBe(0);
  });

  it('ignores items without a usable call_id', () => {
    const pairs = pairToolCalls([item('fc_1', 'function_call'), item('fco_1', 'function_call_output'), { id: 'fc_2', type: 'function_call', call_id: 42 }, { id: 'fco_2', type: 'function_call_output', call_id: 42 }]);
    expect(pairs.size).toBe(0);
  });
});

describe('partnerOf', () => {
  it('pairs MCP approval requests and responses by the request id', () => {
    const request: ConversationItem = { id: 'mcpr_1', type: 'mcp_approval_request', name: 'deploy' };
    const response: ConversationItem = { id: 'mcpa_1', type: 'mcp_approval_response', approval_request_id: 'mcpr_1', approve: true };
    const pairs = pairToolCalls([request, response]);
    expect(partnerOf(request, pairs)).toBe(response);
    expect(partnerOf(response, pairs)).toBe(request);
  });

  it('pairs every call type with its output', () => {
    for (const type of ['computer_call', 'local_shell_call', 'shell_call', 'apply_patch_call', 'tool_search_call', 'program']) {
      const call = item(`${type}_1`, type, 'c1');
      const output = item(`${type}_o`, `${type}_output`.replace('program_call', 'program'), 'c1');
      const pairs = pairToolCalls([call, output]);
      expect(partnerOf(call, pairs)).toBe(output);
      expect(partnerOf(output, pairs)).toBe(call);
    }
  });
});
