import { describe, expect, it } from 'vitest';
import { CallMatcher, pairInOrder } from './tool-pairs.ts';

const call = (callId: string) => ({ type: 'function_call', call_id: callId });
const output = (callId: string) => ({ type: 'function_call_output', call_id: callId });

describe('pairInOrder', () => {
  it('pairs each output with the call before it that has its call_id', () => {
    expect([...pairInOrder([call('a'), call('b'), output('b'), output('a')])]).toEqual([3, 2, 1, 0]);
  });

  it('gives a second call with the same call_id only an output of its own: one output shows once', () => {
    expect([...pairInOrder([call('a'), output('a'), call('a')])]).toEqual([1, 0, -1]);
    expect([...pairInOrder([call('a'), output('a'), call('a'), output('a')])]).toEqual([1, 0, 3, 2]);
  });

  it('pairs an output with the nearest call still waiting: a call made again answers for the one before it', () => {
    expect([...pairInOrder([call('a'), call('a'), output('a')])]).toEqual([-1, 2, 1]);
  });

  it('leaves an output alone when no call before it waits: its call is not there, or came after it', () => {
    expect([...pairInOrder([output('a'), call('a')])]).toEqual([-1, -1]);
    expect([...pairInOrder([call('a'), output('a'), output('a')])]).toEqual([1, 0, -1]);
  });

  it('pairs an approval request and its answer by the request ID', () => {
    const request = { type: 'mcp_approval_request', id: 'mr' };
    const answer = { type: 'mcp_approval_response', approval_request_id: 'mr', approve: true };
    expect([...pairInOrder([request, { type: 'message' }, answer])]).toEqual([2, -1, 0]);
  });
});

describe('CallMatcher', () => {
  it('keeps the calls nothing has answered, each call_id its oldest first', () => {
    const matcher = new CallMatcher<string>();
    matcher.call('a', 'first');
    matcher.call('a', 'second');
    matcher.call('b', 'other');
    expect(matcher.answer('a')).toBe('second');
    expect(matcher.answer('c')).toBeUndefined();
    expect([...matcher.unanswered()]).toEqual([['first'], ['other']]);
    expect(matcher.answer('b')).toBe('other');
    expect([...matcher.unanswered()]).toEqual([['first']]);
  });
});
