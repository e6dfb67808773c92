import { configurationSummary } from '../../../../shared/items/configuration-summary';
import { itemStyle } from '../../lib/roles';
import { JsonView } from '../content/json-view';
import { ItemFrame } from '../item-frame';
import type { ItemViewProps } from '../item-view-props';

/** A change of the settings later responses use (reasoning effort, text format), until another one replaces it. */
export function ConfigurationUpdateItem({ item, highlighted }: ItemViewProps) {
  const { effort, format, schema } = configurationSummary(item);
  return (
    <ItemFrame item={item} style={itemStyle(item)} highlighted={highlighted}>
      <dl className="space-y-1 text-sm">
        {effort !== null ? (
          <div className="flex gap-2">
            <dt className="font-medium text-zinc-600 dark:text-zinc-400">Reasoning effort</dt>
            <dd className="font-mono">{effort}</dd>
          </div>
        ) : null}
        {format !== null ? (
          <div className="flex gap-2">
            <dt className="font-medium text-zinc-600 dark:text-zinc-400">Text format</dt>
            <dd>{format}</dd>
          </div>
        ) : null}
        {effort === null && format === null ? <p className="text-zinc-600 dark:text-zinc-400 italic">No settings changed.</p> : null}
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
