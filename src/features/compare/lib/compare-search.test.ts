import { describe, expect, it } from 'vitest';
import { compareSearch, parseCompareSearch, parseSideInput, sameRun, sideFromInput, sideSpec } from './compare-search';

describe('compare search', () => {
  it('reads a source written in another case as the ID it names', () => {
    expect(parseCompareSearch({ a: 'conv_A', b: 'conv_B', source: 'OpenAI', b_source: 'Demo' })).toEqual({ a: 'conv_A', b: 'conv_B', source: 'openai', b_source: 'demo' });
  });

  it('reads each side with its own source, the shared one, or the default', () => {
    const search = { a: 'conv_one', b: 'conv_two', source: 'demo', b_source: 'openai' };
    expect(sideSpec(search, 'a', 'x')).toEqual({ kind: 'api', conversationId: 'conv_one', source: 'demo' });
    expect(sideSpec(search, 'b', 'x')).toEqual({ kind: 'api', conversationId: 'conv_two', source: 'openai' });
    expect(sideSpec({ a: 'conv_one' }, 'a', 'x')).toEqual({ kind: 'api', conversationId: 'conv_one', source: 'x' });
  });

  it('reads snapshots, the opened file, and says what is missing or wrong', () => {
    expect(sideSpec({ a: 's:abcdefghijklmnop' }, 'a', null)).toEqual({ kind: 'snapshot', snapshotId: 'abcdefghijklmnop' });
    expect(sideSpec({ a: 'file' }, 'a', null)).toEqual({ kind: 'file' });
    expect(sideSpec({}, 'b', null)).toEqual({ kind: 'missing' });
    expect(sideSpec({ b: 'hello' }, 'b', null)).toEqual({ kind: 'invalid', value: 'hello' });
  });

  it('writes a shared source once', () => {
    expect(compareSearch({ value: 'conv_a', source: 'demo' }, { value: 'conv_b', source: 'demo' })).toEqual({ a: 'conv_a', b: 'conv_b', source: 'demo' });
    expect(compareSearch({ value: 'conv_a', source: 'demo' }, { value: 's:abcdefghijklmnop' })).toEqual({ a: 'conv_a', b: 's:abcdefghijklmnop', a_source: 'demo' });
  });

  it('understands pasted IDs and viewer links', () => {
    expect(parseSideInput(' conv_abc ')).toEqual({ value: 'conv_abc' });
    expect(parseSideInput('"`conv_abc`"')).toEqual({ value: 'conv_abc' });
    // A long run of quotes inside a paste is read at once (a pattern tried at every position took minutes).
    expect(parseSideInput(`conv_a${'"'.repeat(100_000)}b`)).toEqual({ value: 'conv_a' });
    expect(parseSideInput('https://viewer.example/c/conv_abc?source=openai#msg_1')).toEqual({ value: 'conv_abc', source: 'openai' });
    expect(parseSideInput('https://viewer.example/s/abcdefghijklmnop')).toEqual({ value: 's:abcdefghijklmnop' });
    expect(parseSideInput('S:abcdefghijklmnop')).toEqual({ value: 's:abcdefghijklmnop' });
    expect(parseSideInput('nothing here')).toBeNull();
  });

  it('reads an API URL from the source of its provider, or says that this viewer has none', () => {
    const demo = { id: 'demo', label: 'Demo', kind: 'demo' } as const;
    const dashscope = { id: 'dashscope-intl', label: 'DashScope', kind: 'dashscope' } as const;
    const url = 'https://dashscope-intl.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1/conversations/conv_abc/items';
    expect(parseSideInput(url)).toEqual({ value: 'conv_abc', provider: { kind: 'dashscope', region: 'intl' } });
    expect(sideFromInput(url, [demo, dashscope], 'demo')).toEqual({ ok: true, ref: { value: 'conv_abc', source: 'dashscope-intl' } });
    expect(sideFromInput(url, [demo], 'demo')).toMatchObject({ ok: false, message: expect.stringMatching(/^That is a DashScope URL, but this viewer has no DashScope source set up/) });
    expect(sideFromInput('conv_abc', [demo, dashscope], 'demo')).toEqual({ ok: true, ref: { value: 'conv_abc', source: 'demo' } });
    expect(sideFromInput('s:abcdefghijklmnop', [demo], 'demo')).toEqual({ ok: true, ref: { value: 's:abcdefghijklmnop' } });
    expect(sideFromInput('hello', [demo], 'demo')).toMatchObject({ ok: false, message: expect.stringMatching(/^Paste a conversation ID/) });
    // What is wrong, where it can be told, not the list of what the field takes.
    expect(sideFromInput('s:doesnotexist', [demo], 'demo')).toMatchObject({ ok: false, message: expect.stringMatching(/^“s:doesnotexist” does not name a snapshot/) });
    expect(sideFromInput('conv_abc def', [demo], 'demo')).toMatchObject({ ok: false, message: expect.stringMatching(/^A conversation ID has no spaces/) });
  });

  it("reads a pasted viewer link from its source where this viewer has it, else from the chosen one, as the home page does", () => {
    const demo = { id: 'demo', label: 'Demo', kind: 'demo' } as const;
    const openai = { id: 'openai', label: 'OpenAI', kind: 'openai' } as const;
    expect(sideFromInput('https://viewer.example/c/conv_abc?source=openai', [demo, openai], 'demo')).toEqual({ ok: true, ref: { value: 'conv_abc', source: 'openai' } });
    expect(sideFromInput('https://viewer.example/C/conv_abc?source=OpenAI', [demo, openai], 'demo')).toEqual({ ok: true, ref: { value: 'conv_abc', source: 'openai' } });
    expect(sideFromInput('https://viewer.example/c/conv_abc?source=elsewhere', [demo, openai], 'demo')).toEqual({ ok: true, ref: { value: 'conv_abc', source: 'demo' } });
  });

  it('refuses nothing for want of the sources while they are not known (loading, or a reader who may not list them)', () => {
    expect(sideFromInput('https://viewer.example/c/conv_abc?source=openai', [], '')).toEqual({ ok: true, ref: { value: 'conv_abc', source: 'openai' } });
    expect(sideFromInput('https://api.openai.com/v1/conversations/conv_abc', [], 'demo')).toEqual({ ok: true, ref: { value: 'conv_abc', source: 'demo' } });
  });
});

describe('sameRun', () => {
  it('is the same conversation of the same source, or the same snapshot', () => {
    const api = (source: string, conversationId: string) => ({ kind: 'api' as const, source, conversationId });
    expect(sameRun(api('demo', 'conv_a'), api('demo', 'conv_a'))).toBe(true);
    expect(sameRun(api('demo', 'conv_a'), api('openai', 'conv_a'))).toBe(false);
    expect(sameRun(api('demo', 'conv_a'), api('demo', 'conv_b'))).toBe(false);
    const snapshot = (snapshotId: string) => ({ kind: 'snapshot' as const, snapshotId, conversationId: 'conv_a', conversation: { id: 'conv_a' } });
    expect(sameRun(snapshot('abcdefghijklmnop'), snapshot('abcdefghijklmnop'))).toBe(true);
    expect(sameRun(snapshot('abcdefghijklmnop'), api('demo', 'conv_a'))).toBe(false);
  });
});
