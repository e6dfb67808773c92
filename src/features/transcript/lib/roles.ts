import type { ConversationItem } from '../types';
import { catalogEntry, itemLabel, type ItemTone } from '../../../shared/items/item-catalog';

export interface RoleStyle {
  label: string;
  /** The role's badge. */
  badge: string;
  /** The card's accent: a left border and, for the person's own turns, a tint. */
  card: string;
}

const ROLE_STYLES: Record<string, RoleStyle> = {
  user: {
    label: 'User',
    badge: 'bg-indigo-600 text-white dark:bg-indigo-400 dark:text-indigo-950',
    card: 'border-l-indigo-500 bg-indigo-50/70 dark:bg-indigo-950/30',
  },
  assistant: {
    label: 'Assistant',
    badge: 'bg-emerald-700 text-white dark:bg-emerald-500 dark:text-emerald-950',
    card: 'border-l-emerald-500 bg-white dark:bg-zinc-900',
  },
  system: {
    label: 'System',
    badge: 'bg-amber-500 text-amber-950',
    card: 'border-l-amber-500 bg-amber-50/60 dark:bg-amber-950/20',
  },
  developer: {
    label: 'Developer',
    badge: 'bg-violet-700 text-white dark:bg-violet-400 dark:text-violet-950',
    card: 'border-l-violet-500 bg-violet-50/60 dark:bg-violet-950/20',
  },
  tool: {
    label: 'Tool',
    badge: 'bg-sky-700 text-white dark:bg-sky-500 dark:text-sky-950',
    card: 'border-l-sky-500 bg-sky-50/60 dark:bg-sky-950/20',
  },
  critic: {
    label: 'Critic',
    badge: 'bg-rose-700 text-white dark:bg-rose-400 dark:text-rose-950',
    card: 'border-l-rose-500 bg-white dark:bg-zinc-900',
  },
  discriminator: {
    label: 'Discriminator',
    badge: 'bg-pink-700 text-white dark:bg-pink-400 dark:text-pink-950',
    card: 'border-l-pink-500 bg-white dark:bg-zinc-900',
  },
};

const UNKNOWN_ROLE: RoleStyle = {
  label: 'Unknown',
  badge: 'bg-zinc-600 text-white',
  card: 'border-l-zinc-400 bg-white dark:bg-zinc-900',
};

export const TOOL_STYLE: RoleStyle = {
  label: 'Tool',
  badge: 'bg-sky-700 text-white dark:bg-sky-500 dark:text-sky-950',
  card: 'border-l-sky-500 bg-sky-50/50 dark:bg-sky-950/20',
};

export const GENERIC_STYLE: RoleStyle = {
  label: 'Item',
  badge: 'bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100',
  card: 'border-l-zinc-400 bg-white dark:bg-zinc-900',
};

export const REASONING_STYLE: RoleStyle = {
  label: 'Reasoning',
  badge: 'bg-fuchsia-700 text-white dark:bg-fuchsia-400 dark:text-fuchsia-950',
  card: 'border-l-fuchsia-400 bg-fuchsia-50/40 dark:bg-fuchsia-950/10',
};

const TONE_STYLES: Record<Exclude<ItemTone, 'message'>, RoleStyle> = { tool: TOOL_STYLE, reasoning: REASONING_STYLE, generic: GENERIC_STYLE };

/** The colours of an item: a message's come from its role, every other type's from its catalog tone. */
export function itemStyle(item: ConversationItem): RoleStyle {
  if (item.type === 'message') return roleStyle(item.role);
  const entry = catalogEntry(item.type);
  const tone = entry?.tone ?? 'generic';
  return { ...TONE_STYLES[tone === 'message' ? 'generic' : tone], label: itemLabel(item.type) };
}

export function roleStyle(role: unknown): RoleStyle {
  if (typeof role !== 'string') return UNKNOWN_ROLE;
  return (Object.hasOwn(ROLE_STYLES, role) ? ROLE_STYLES[role] : null) ?? { ...UNKNOWN_ROLE, label: role.slice(0, 40) || UNKNOWN_ROLE.label };
}
