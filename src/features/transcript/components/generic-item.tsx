import { toPrettyJson } from '../lib/json-text';
import { GENERIC_STYLE } from '../lib/roles';
import type { ItemViewProps } from './item-view-props';
import { ItemFrame } from './item-frame';
import { JsonBlock } from './json-block';

/** Any item type without a dedicated view: nothing is dropped, the whole item shows as JSON. */
export function GenericItem({ item, highlighted }: ItemViewProps) {
  return (
    <ItemFrame
      item={item}
      style={{ ...GENERIC_STYLE, label: item.type.slice(0, 60) || 'item' }}
      highlighted={highlighted}
      fallback
    >
      <JsonBlock text={toPrettyJson(item)} label={`${item.type} item as JSON`} />
    </ItemFrame>
  );
}
