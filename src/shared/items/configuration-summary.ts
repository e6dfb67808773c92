type Loose = Record<string, unknown>;

const record = (value: unknown): Loose | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : null);

const FORMAT_NAMES: Record<string, string> = { text: 'plain text', json_schema: 'JSON schema', json_object: 'JSON object' };

/**
 * What a configuration update changes, in the viewer's words: the reasoning effort ("high", or "default" when it
 * names none), the text format ("JSON schema “ci_triage” (strict)"), each null when the update leaves it; and the
 * format's schema, if any.
 */
export function configurationSummary(item: Loose): { effort: string | null; format: string | null; schema: unknown } {
  const effort = record(item.reasoning)?.effort;
  const format = record(record(item.text)?.format);
  let formatText: string | null = null;
  if (format) {
    const type = typeof format.type === 'string' ? format.type : '';
    const name = Object.hasOwn(FORMAT_NAMES, type) ? FORMAT_NAMES[type] : type || 'unknown';
    const named = typeof format.name === 'string' && format.name ? `${name} “${format.name}”` : name;
    formatText = `${named}${format.strict === true ? ' (strict)' : ''}`;
  }
  return { effort: item.reasoning === undefined ? null : typeof effort === 'string' ? effort : 'default', format: formatText, schema: format?.schema };
}
