import { describe, expect, it } from 'vitest';
import { configurationSummary } from './configuration-summary.ts';

describe('a configuration update in the viewer’s words', () => {
  it('names the reasoning effort and the text format, with its schema', () => {
    const schema = { type: 'object' };
    expect(configurationSummary({ type: 'configuration_update', reasoning: { effort: 'high' }, text: { format: { type: 'json_schema', name: 'ci_triage', strict: true, schema } } })).toEqual({
      effort: 'high',
      format: 'JSON schema “ci_triage” (strict)',
      schema,
    });
  });

  it('says "default" for a reasoning setting without an effort, and leaves out what the update does not change', () => {
    expect(configurationSummary({ type: 'configuration_update', reasoning: {} })).toEqual({ effort: 'default', format: null, schema: undefined });
    expect(configurationSummary({ type: 'configuration_update', text: { format: { type: 'toString' } } })).toEqual({ effort: null, format: 'toString', schema: undefined });
  });
});
