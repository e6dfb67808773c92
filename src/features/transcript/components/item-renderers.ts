import type { ComponentType } from 'react';
import type { ItemViewProps } from './item-view-props';
import { ConfigurationUpdateItem } from './items/configuration-update-item';
import { MessageItem } from './items/message-item';
import { ITEM_CATALOG } from '../../../shared/items/item-catalog';
import { CallItem, OutputItem } from './items/paired-items';
import * as standalone from './items/standalone-items';

/** The one place that maps an item type to its view; unknown types get the generic card. */
const ITEM_RENDERERS: Record<string, ComponentType<ItemViewProps>> = {
  message: MessageItem,
  reasoning: standalone.ReasoningItem,
  compaction: standalone.CompactionItem,
  web_search_call: standalone.WebSearchItem,
  file_search_call: standalone.FileSearchItem,
  code_interpreter_call: standalone.CodeInterpreterItem,
  image_generation_call: standalone.ImageGenerationItem,
  mcp_list_tools: standalone.McpListToolsItem,
  mcp_call: standalone.McpCallItem,
  additional_tools: standalone.AdditionalToolsItem,
  configuration_update: ConfigurationUpdateItem,
  ...Object.fromEntries(Object.entries(ITEM_CATALOG).flatMap(([type, entry]) => (entry.pair ? [[type, entry.pair.side === 'call' ? CallItem : OutputItem]] : []))),
};

export function rendererFor(type: string): ComponentType<ItemViewProps> {
  return Object.hasOwn(ITEM_RENDERERS, type) ? ITEM_RENDERERS[type] : standalone.GenericItem;
}

export const RENDERED_TYPES = Object.keys(ITEM_RENDERERS);
