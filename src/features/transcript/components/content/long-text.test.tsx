import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BLOCK_CHARS, textBlocks } from '../../lib/text-blocks';
import { LongText, revealLength } from './long-text';

const shownCharacters = (element: HTMLElement) => (element.textContent ?? '').replace(/…$/, '').length;

describe('long text', () => {
  it('expands five megabytes of unbroken text a step at a time, in bounded blocks', async () => {
    const text = 'A'.repeat(5_000_000);
    render(<LongText text={text} label="Body" />);
    const body = screen.getByLabelText('Body');
    expect(shownCharacters(body)).toBe(4_000);

    await userEvent.click(screen.getByRole('button', { name: 'Show more (5,000,000 characters)' }));
    expect(shownCharacters(body)).toBe(100_000);
    expect(body.children.length).toBe(100_000 / BLOCK_CHARS);
    for (const block of body.children) expect((block.textContent ?? '').length).toBeLessThanOrEqual(BLOCK_CHARS);

    await userEvent.click(screen.getByRole('button', { name: 'Show 100,000 more characters (4,900,000 not shown)' }));
    expect(shownCharacters(body)).toBe(200_000);
    expect(screen.getByRole('button', { name: 'Download' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Show less' }));
    expect(shownCharacters(body)).toBe(4_000);
  });

  it('shows short text whole, without buttons', () => {
    render(<LongText text="short" label="Body" />);
    expect(screen.getByLabelText('Body')).toHaveTextContent(/^short$/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('cuts blocks after a line break when there is one, and keeps every character', () => {
    const text = `${'word '.repeat(900)}\n${'more '.repeat(900)}\n${'B'.repeat(12_000)}`;
    const blocks = textBlocks(text, text.length);
    expect(blocks.join('')).toBe(text);
    expect(blocks[0].endsWith('\n')).toBe(true);
    expect(blocks.every((block) => block.length <= BLOCK_CHARS)).toBe(true);
  });
});

describe('revealLength', () => {
  it('opens a collapsed text up to a search match past the cut', () => {
    const text = `${'a'.repeat(5000)}NEEDLE${'b'.repeat(5000)}`;
    expect(revealLength(text, 4000, 'needle')).toBe(5000 + 6 + 200);
    expect(revealLength(text, 4000, 'absent')).toBeNull();
    expect(revealLength(text, 6000, 'needle')).toBeNull();
    expect(revealLength(text, 4000, '')).toBeNull();
  });

  it('does not lay out megabytes for a match far away', () => {
    const text = `${'a'.repeat(1_000_000)}needle`;
    expect(revealLength(text, 4000, 'needle')).toBeNull();
  });
});
