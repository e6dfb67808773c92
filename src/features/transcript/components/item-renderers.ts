import type { ComponentType } from 'react';
import { FunctionCallItem, FunctionCallOutputItem } from './function-call-item';
import { GenericItem } from './generic-item';
import type { ItemViewProps } from './item-view-props';
import { MessageItem } from './message-item';

/** The one place that maps an item type to its view; unknown types get the generic card. */
const ITEM_RENDERERS: Record<string, ComponentType<ItemViewProps>> = {
  message: MessageItem,
  function_call: FunctionCallItem,
  function_call_output: FunctionCallOutputItem,
};

export function rendererFor(type: string): ComponentType<ItemViewProps> {
  return Object.hasOwn(ITEM_RENDERERS, type) ? ITEM_RENDERERS[type] : GenericItem;
}
