import { TOOL_STYLE } from '../lib/roles';
import type { ItemViewProps } from './item-view-props';
import { ItemFrame } from './item-frame';
import { ToolPayload } from './tool-payload';

export function FunctionCallItem({ item, partner, highlighted }: ItemViewProps) {
  const name = typeof item.name === 'string' ? item.name : 'function';
  return (
    <ItemFrame
      item={item}
      style={{ ...TOOL_STYLE, label: 'Tool call' }}
      subtitle={<code className="font-mono">{name}()</code>}
      highlighted={highlighted}
    >
      <div className="space-y-3">
        <ToolPayload label="Arguments" value={item.arguments ?? ''} />
        {partner ? (
          <ToolPayload label="Output" value={partner.output} />
        ) : (
          <p className="text-xs italic text-zinc-500 dark:text-zinc-400">
            No output loaded for call {String(item.call_id ?? '')} (it may be on a page not loaded yet).
          </p>
        )}
      </div>
    </ItemFrame>
  );
}

export function FunctionCallOutputItem({ item, partner, highlighted }: ItemViewProps) {
  const callName = typeof partner?.name === 'string' ? partner.name : null;
  return (
    <ItemFrame
      item={item}
      style={{ ...TOOL_STYLE, label: 'Tool output' }}
      subtitle={callName ? <code className="font-mono">{callName}()</code> : null}
      highlighted={highlighted}
    >
      {partner ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Output of call <code className="font-mono text-xs">{String(item.call_id)}</code>, shown with{' '}
          <a className="text-indigo-700 underline dark:text-indigo-300" href={`#${encodeURIComponent(partner.id)}`}>
            its call
          </a>
          .
        </p>
      ) : (
        <div className="space-y-2">
          <p className="text-xs italic text-zinc-500 dark:text-zinc-400">
            The call {String(item.call_id ?? '')} is not loaded (it may be on a page not loaded yet).
          </p>
          <ToolPayload label="Output" value={item.output} />
        </div>
      )}
    </ItemFrame>
  );
}
