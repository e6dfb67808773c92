import { useState } from 'react';
import { ownEntry } from '../../../../shared/items/display-text';
import { roleStyle } from '../../lib/roles';
import { MessageContent } from '../content/message-content';
import type { TextMode } from '../content/rich-text';
import { ItemFrame, toolButton } from '../item-frame';
import type { ItemViewProps } from '../item-view-props';

const PHASES: Record<string, string> = { commentary: 'commentary', final_answer: 'final answer' };

/** Assistant text reads as Markdown; everyone else's as written. Each message has a switch. */
export function MessageItem({ item, highlighted }: ItemViewProps) {
  const [mode, setMode] = useState<TextMode>(item.role === 'assistant' ? 'markdown' : 'plain');
  const phase = typeof item.phase === 'string' ? (ownEntry(PHASES, item.phase) ?? item.phase.slice(0, 40)) : null;
  return (
    <ItemFrame
      item={item}
      style={roleStyle(item.role)}
      subtitle={phase ? <span className="rounded bg-zinc-200/70 px-1.5 py-0.5 text-xs dark:bg-zinc-800">{phase}</span> : null}
      highlighted={highlighted}
      controls={
        <button
          type="button"
          onClick={() => setMode((value) => (value === 'markdown' ? 'plain' : 'markdown'))}
          aria-pressed={mode === 'markdown'}
          title={mode === 'markdown' ? 'Shown as Markdown: show the plain text' : 'Shown as plain text: show as Markdown'}
          className={toolButton}
        >
          {/* On a phone the switch is the Markdown mark, so the badge and the actions share a line. */}
          <span aria-hidden="true" className="max-sm:hidden">
            {mode === 'markdown' ? '✓ ' : ''}
          </span>
          <span className="max-sm:sr-only">Markdown</span>
          <span aria-hidden="true" className="sm:hidden">
            M↓
          </span>
        </button>
      }
    >
      <div className="text-[15px] text-zinc-900 dark:text-zinc-100">
        <MessageContent content={item.content} mode={mode} />
      </div>
    </ItemFrame>
  );
}
