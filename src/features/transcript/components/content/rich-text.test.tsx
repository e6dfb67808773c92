import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RichText } from './rich-text';

const LAZY = { timeout: 10_000 };

describe('Markdown nested too deep', () => {
  it.each([
    ['quotes', `${'> '.repeat(3_000)}deep`],
    ['list items', `${'* '.repeat(3_000)}deep`],
  ])('3,000 levels of %s show as plain text, with the reason', (_, text) => {
    const { container } = render(<RichText text={text} mode="markdown" />);
    expect(screen.getByText('Shown as plain text: nested 3,000 levels deep, too deep to format as Markdown.')).toBeInTheDocument();
    expect(container.querySelector('blockquote, ul')).toBeNull();
    expect(container.textContent).toContain(text.slice(0, 12));
  });

  it('ordinary nesting still renders as Markdown', async () => {
    const { container } = render(<RichText text={'> quoted\n>\n> - item'} mode="markdown" />);
    await screen.findByText('item', {}, LAZY);
    expect(container.querySelector('blockquote ul')).not.toBeNull();
  });
});
