import { describe, expect, it } from 'vitest';
import agentRun from '../../server/demo/conversations/agent-run.json' with { type: 'json' };
import { itemSummaryLine } from './tool-summary';
import { describeOpaque } from './token-labels';
import { tokenText } from './token-text';

const base64 = (bytes: number) => 'iVBORw0KGgoAAAANSUhEUg'.repeat(Math.ceil(bytes / 22)).slice(0, bytes);

describe('the text a token estimate counts', () => {
  it('counts a message’s text, and an image in it as bytes, not tokens', () => {
    const result = tokenText({ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Look' }, { type: 'input_image', image_url: `data:image/png;base64,${base64(150_000)}` }] });
    expect(result.text).toBe('Look');
    expect(result.opaque).toEqual({ kind: 'image', bytes: 112_500 });
    expect(describeOpaque(result.opaque!)).toBe('image, 112.5 KB');
  });

  it('a generated image, a screenshot, ciphertext and file data are opaque', () => {
    expect(tokenText({ type: 'image_generation_call', revised_prompt: 'a cat', result: base64(60_000) })).toEqual({ text: 'a cat', opaque: { kind: 'image', bytes: 45_000 } });
    expect(tokenText({ type: 'computer_call_output', call_id: 'c', output: { type: 'computer_screenshot', image_url: `data:image/png;base64,${base64(5000)}` } }).opaque?.kind).toBe('image');
    expect(tokenText({ type: 'compaction', encrypted_content: `gAAAA${base64(60_000)}` })).toEqual({ text: expect.any(String), opaque: { kind: 'encrypted', bytes: 45_003 } });
    expect(tokenText({ type: 'compaction', encrypted_content: `gAAAA${base64(60_000)}` }).text.length).toBeLessThan(100);
    expect(tokenText({ type: 'reasoning', summary: [{ type: 'summary_text', text: 'Think' }], encrypted_content: 'gAAAA-short' })).toEqual({ text: 'Think', opaque: { kind: 'encrypted', bytes: 8 } });
    expect(tokenText({ type: 'function_call_output', call_id: 'c', output: base64(4096) }).opaque).toEqual({ kind: 'data', bytes: 3072 });
  });

  it('takes base64 and data URLs out of a tool output that is JSON, as it would given directly', () => {
    const output = JSON.stringify({ mime: 'image/png', data: base64(40_000), note: 'chart of build times' });
    const result = tokenText({ type: 'function_call_output', call_id: 'c1', output });
    expect(result.text).toBe('{"mime":"image/png","data":"","note":"chart of build times"}');
    expect(result.opaque).toEqual({ kind: 'data', bytes: 30_000 });
    const image = tokenText({ type: 'function_call_output', call_id: 'c1', output: JSON.stringify({ image: `data:image/png;base64,${base64(2_000)}` }) });
    expect(image).toEqual({ text: '{"image":""}', opaque: { kind: 'image', bytes: 1_500 } });
  });

  it('counts the page a web search opened and what it looked for there, as its row shows them', () => {
    const [open, find] = agentRun.items.filter((item) => item.type === 'web_search_call' && (item.action?.type === 'open_page' || item.action?.type === 'find_in_page'));
    expect(tokenText(open)).toEqual({ text: 'https://www.npmjs.com/package/@types/node?activeTab=versions', opaque: null });
    expect(tokenText(find)).toEqual({ text: 'ProcessEnv\n\nhttps://github.com/DefinitelyTyped/DefinitelyTyped/tree/master/types/node', opaque: null });
    // The sources it read are not part of the row's text.
    expect(tokenText({ type: 'web_search_call', action: { type: 'search', query: 'node env', sources: [{ type: 'url', url: 'https://nodejs.org' }] } }).text).toBe('node env');
  });

  it('keeps long text without spaces as text: only what is shaped like encoded bytes is data', () => {
    // The hostile demo's 200 KB user message: one unbroken line of capitals, digits and dashes.
    const line = `LONGLINE-${'ABCDEFGHIJ0123456789'.repeat(10_000).slice(0, 200_000 - 18)}-END-HERE`;
    expect(tokenText({ type: 'message', role: 'user', content: [{ type: 'input_text', text: line }] })).toEqual({ text: line, opaque: null });
    for (const text of ['a'.repeat(4096), 'Z'.repeat(4096), `${base64(4095)}.`, `${base64(4093)}`, `${base64(1000)}==${base64(1002)}`, `${base64(2000)}+_${base64(2002)}`]) {
      expect(tokenText({ type: 'function_call_output', call_id: 'c', output: text })).toEqual({ text, opaque: null });
    }
  });

  it('still counts real base64 as data: padded, wrapped in lines, or URL-safe', () => {
    const padded = `${base64(4094)}==`;
    expect(tokenText({ type: 'function_call_output', call_id: 'c', output: padded }).opaque).toEqual({ kind: 'data', bytes: 3070 });
    const wrapped = base64(4104).match(/.{1,76}/g)!.join('\n');
    expect(tokenText({ type: 'function_call_output', call_id: 'c', output: wrapped }).opaque?.kind).toBe('data');
    const urlSafe = base64(4096).replaceAll('w', '-').replaceAll('K', '_');
    expect(tokenText({ type: 'function_call_output', call_id: 'c', output: urlSafe }).opaque).toEqual({ kind: 'data', bytes: 3072 });
  });

  it('keeps long prose and code as text', () => {
    const prose = 'The build failed because the type of PORT changed. '.repeat(200);
    expect(tokenText({ type: 'function_call_output', call_id: 'c', output: prose })).toEqual({ text: prose, opaque: null });
  });

  it('in the demo agent run, the icon no longer counts as two thirds of the run', () => {
    let textLength = 0;
    let opaque = 0;
    for (const item of agentRun.items) {
      const result = tokenText(item);
      textLength += result.text.length;
      opaque += result.opaque?.bytes ?? 0;
    }
    expect(opaque).toBeGreaterThan(5000);
    const image = tokenText(agentRun.items.find((item) => item.type === 'image_generation_call')!);
    expect(image.opaque?.kind).toBe('image');
    expect(image.text.length).toBeLessThan(500);
    expect(textLength).toBeLessThan(40_000);
  });

  it('gives an image one size: the decoded file\'s, written as its row writes it', () => {
    const image = agentRun.items.find((item) => item.type === 'image_generation_call')!;
    expect(itemSummaryLine(image)).toBe('PNG image, 6.0 KB');
    expect(describeOpaque(tokenText(image).opaque!)).toBe('image, 6.0 KB');
    // 301 bytes: 404 characters of base64, two of them padding.
    const small = { type: 'image_generation_call', status: 'completed', result: `${base64(402)}==` };
    expect(itemSummaryLine(small)).toBe('PNG image, 301 B');
    expect(tokenText(small).opaque).toEqual({ kind: 'image', bytes: 301 });
  });

  it('walks items nested far deeper than the stack allows', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 20_000; level += 1) deep = { output: deep };
    expect(tokenText({ type: 'function_call_output', call_id: 'c', output: deep }).text).toBe('bottom');
  });
});
