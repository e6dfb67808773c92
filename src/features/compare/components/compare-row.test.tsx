import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConversationItem } from '../../transcript/types';
import { CompareRow } from './compare-row';

const answer = (text: string): ConversationItem => ({ type: 'message', id: `msg_${text.length}_${text.at(-3)}`, role: 'assistant', content: [{ type: 'output_text', text }] });

describe('CompareRow', () => {
  it('shows a change at the end of a long text, the shared start cut to its end', () => {
    const start = 'The report goes on. '.repeat(400);
    const { container } = render(<CompareRow row={{ diff: 'changed', a: 0, b: 0 }} a={{ item: answer(`${start}The total is 12 EUR.`) }} b={{ item: answer(`${start}The total is 14 EUR.`) }} failedA={false} failedB={false} current={false} />);
    expect(container.querySelector('del')?.textContent).toBe('12');
    expect(container.querySelector('ins')?.textContent).toBe('14');
    const [sideA] = container.querySelectorAll('p.whitespace-pre-wrap');
    expect(sideA.textContent).toMatch(/^….*The report goes on\. The total is 12 EUR\.$/);
    expect(sideA.textContent!.length).toBeLessThan(1000);
  });

  it('shows a short text whole', () => {
    const { container } = render(<CompareRow row={{ diff: 'changed', a: 0, b: 0 }} a={{ item: answer('Paris is warm.') }} b={{ item: answer('Paris is cold.') }} failedA={false} failedB={false} current={false} />);
    expect(container.querySelectorAll('p.whitespace-pre-wrap')[0].textContent).toBe('Paris is warm.');
  });
});
