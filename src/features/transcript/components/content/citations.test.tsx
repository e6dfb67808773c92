import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readCitations } from '../../lib/citations';
import { RichText } from './rich-text';

const LAZY = { timeout: 10_000 };

function renderCited(text: string, annotations: unknown[]) {
  return render(<RichText text={text} mode="markdown" citations={readCitations(text, annotations)} />).container;
}

describe('citations in Markdown', () => {
  it('cannot inject Markdown through a citation URL', { timeout: 20_000 }, async () => {
    const url = 'mailto:x@example.com> ![t](https://canary.invalid/injected.png) **Click to verify your account** [here](https://evil.example/login) <x';
    const container = renderCited('The answer is 42.', [{ type: 'url_citation', url, title: 'Source', start_index: 0, end_index: 16 }]);
    const marker = (await screen.findAllByRole('link', { name: '[1]' }, LAZY))[0];
    expect(marker.getAttribute('href')).toMatch(/^mailto:x@example\.com/);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('strong')).toBeNull();
    expect(container.querySelector('a[href^="https://evil.example"]')).toBeNull();
    expect(container.querySelector('p')?.textContent).toBe('The answer is 42[1].');
  });

  it('places each marker after the span it cites, also inside emphasis, and never inside code', { timeout: 20_000 }, async () => {
    const text = 'Use **Vite 8** and `npm ci` now.';
    const container = renderCited(text, [
      { type: 'url_citation', url: 'https://vite.dev', title: 'Vite', start_index: 0, end_index: 12 },
      { type: 'url_citation', url: 'https://docs.npmjs.com', title: 'npm', start_index: 18, end_index: 24 },
      { type: 'file_citation', file_id: 'file_1', filename: 'notes.md', index: text.length },
    ]);
    const strong = await screen.findByText('Vite 8', { exact: false, selector: 'strong' }, LAZY);
    expect(within(strong).getByRole('link', { name: '[1]' })).toHaveAttribute('href', 'https://vite.dev/');
    expect(container.querySelector('code')?.textContent).toBe('npm ci');
    expect(container.querySelector('[data-citation="3"]')?.textContent).toBe('[3]');
    expect(within(screen.getByRole('list', { name: 'Sources' })).getByRole('link', { name: 'npm' })).toBeInTheDocument();
  });

  it('keeps marker characters that were already in the text from posing as citations', { timeout: 20_000 }, async () => {
    const container = renderCited('odd \uE0001\uE001 text', [{ type: 'url_citation', url: 'https://a.example', title: 'A', start_index: 0, end_index: 3 }]);
    await screen.findAllByRole('link', { name: '[1]' }, LAZY);
    expect(container.querySelectorAll('[data-citation]')).toHaveLength(1);
  });
});
