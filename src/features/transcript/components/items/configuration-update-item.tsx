import { itemStyle } from '../../lib/roles';
import { JsonView } from '../content/json-view';
import { ItemFrame } from '../item-frame';
import type { ItemViewProps } from '../item-view-props';

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const FORMAT_NAMES: Record<string, string> = { text: 'plain text', json_schema: 'JSON schema', json_object: 'JSON object' };

function formatName(format: Record<string, unknown>): string {
  const type = typeof format.type === 'string' ? format.type : '';
  const name = Object.hasOwn(FORMAT_NAMES, type) ? FORMAT_NAMES[type] : type || 'unknown';
  return typeof format.name === 'string' && format.name ? `${name} “${format.name}”` : name;
}

/** A change of the settings later responses use (reasoning effort, text format), until another one replaces it. */
export function ConfigurationUpdateItem({ item, highlighted }: ItemViewProps) {
  const effort = record(item.reasoning)?.effort;
  const format = record(record(item.text)?.format);
  const schema = format?.schema;
  return (
    <ItemFrame item={item} style={itemStyle(item)} highlighted={highlighted}>
      <dl className="space-y-1 text-sm">
        {item.reasoning !== undefined ? (
          <div className="flex gap-2">
            <dt className="font-medium text-zinc-600 dark:text-zinc-400">Reasoning effort</dt>
            <dd className="font-mono">{typeof effort === 'string' ? effort : 'default'}</dd>
          </div>
        ) : null}
        {format ? (
          <div className="flex gap-2">
            <dt className="font-medium text-zinc-600 dark:text-zinc-400">Text format</dt>
            <dd>
              {formatName(format)}
              {format.strict === true ? ' (strict)' : ''}
            </dd>
          </div>
        ) : null}
        {item.reasoning === undefined && !format ? <p className="text-zinc-600 dark:text-zinc-400 italic">No settings changed.</p> : null}
      </dl>
      {schema !== undefined ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs font-medium text-zinc-600 pointer-coarse:py-1 dark:text-zinc-400">Schema</summary>
          <JsonView value={schema} openDepth={2} label="Text format schema" />
        </details>
      ) : null}
    </ItemFrame>
  );
}
