import { describe, expect, it } from 'vitest';
import { rowText } from './row-text';

describe('rowText', () => {
  it('shows what an item of a type it cannot summarise holds, by its fields', () => {
    expect(rowText({ id: 'cfg_1', type: 'configuration_update', reasoning: { effort: 'high' } }, undefined)).toBe('reasoning: {"effort":"high"}');
    expect(rowText({ id: 'x_1', type: 'future_thing', note: 'brand new', payload: { x: [1, 2] } }, undefined)).toBe('note: brand new · payload: {"x":[1,2]}');
    // An opaque blob is no text to read.
    expect(rowText({ id: 'cmp_1', type: 'compaction', encrypted_content: 'gAAAA' }, undefined)).toBe('');
    expect(rowText({ id: 'rs_1', type: 'reasoning', summary: [], encrypted_content: 'gAAAA' }, undefined)).toBe('');
  });

  it('clips a large item to a few lines', () => {
    expect(rowText({ id: 'x_2', type: 'future_thing', payload: 'y'.repeat(5000) }, undefined)).toHaveLength(600);
  });
});

describe('rowText of a refusal', () => {
  it('says what a message that refused said', () => {
    expect(rowText({ id: 'msg_1', type: 'message', role: 'assistant', content: [{ type: 'refusal', refusal: 'I can’t help with that.' }] }, undefined)).toBe('Refused: I can’t help with that.');
  });
});

describe('rowText of a message with images', () => {
  it('names the parts that hold no text, so a message of a screenshot alone is not blank', () => {
    expect(rowText({ id: 'msg_2', type: 'message', role: 'user', content: [{ type: 'input_image', image_url: 'data:image/png;base64,AAAA' }] }, undefined)).toBe('[image]');
    expect(rowText({ id: 'msg_3', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'What is this?' }, { type: 'input_file', file_id: 'file_1' }] }, undefined)).toBe('What is this?\n[file]');
  });
});

describe('rowText of reasoning', () => {
  it('reads reasoning that gives no summary from its reasoning text', () => {
    expect(rowText({ id: 'rs_1', type: 'reasoning', summary: [], content: [{ type: 'reasoning_text', text: 'The tests expect\nthe locale symbol.' }] }, undefined)).toBe('The tests expect the locale symbol.');
    expect(rowText({ id: 'rs_2', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Read the tests.' }], content: [{ type: 'reasoning_text', text: 'Long thoughts' }] }, undefined)).toBe('Read the tests.');
  });
});
