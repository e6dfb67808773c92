import { roleStyle } from '../lib/roles';
import type { ItemViewProps } from './item-view-props';
import { ItemFrame } from './item-frame';
import { MessageContent } from './message-content';

export function MessageItem({ item, highlighted }: ItemViewProps) {
  const phase = item.phase === 'commentary' ? 'commentary' : item.phase === 'final_answer' ? 'final answer' : null;
  return (
    <ItemFrame item={item} style={roleStyle(item.role)} subtitle={phase} highlighted={highlighted}>
      <div className="text-[15px] text-zinc-900 dark:text-zinc-100">
        <MessageContent content={item.content} />
      </div>
    </ItemFrame>
  );
}
