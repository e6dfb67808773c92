import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BLOCK_CHARS, guessedLines, textBlocks } from '../../lib/text-blocks';
import { LongText, nextStep, revealLength } from './long-text';
import { SearchQueryContext } from '../../search/search-query-context';

const shownCharacters = (element: HTMLElement) => (element.textContent ?? '').replace(/…$/, '').length;

describe('long text', () => {
  it('expands five megabytes of unbroken text a step at a time, in bounded blocks', async () => {
    const text = 'A'.repeat(5_000_000);
    render(<LongText text={text} label="Body" />);
    const body = screen.getByLabelText('Body');
    expect(shownCharacters(body)).toBe(4_000);

    await userEvent.click(screen.getByRole('button', { name: 'Show more (5,000,000 characters)' }));
    expect(shownCharacters(body)).toBe(50_000);
    expect(body.children.length).toBe(50_000 / BLOCK_CHARS);
    for (const block of body.children) expect((block.textContent ?? '').length).toBeLessThanOrEqual(BLOCK_CHARS);

    // The next step is sized by how long this one took to reach the screen, once it has.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const more = screen.getByRole('button', { name: /^Show [\d,]+ more characters \(4,950,000 not shown\)$/ });
    const next = Number(/Show ([\d,]+)/.exec(more.textContent ?? '')![1].replace(/,/g, ''));
    await userEvent.click(more);
    expect(shownCharacters(body)).toBe(50_000 + next);
    expect(screen.getByRole('button', { name: 'Download' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Show less' }));
    expect(shownCharacters(body)).toBe(4_000);
  });

  it('keeps the focus on its buttons when the one pressed goes', async () => {
    // Past the cut by less than the smallest step: one Show more shows it all.
    render(<LongText text={'C'.repeat(5_000)} label="Body" />);
    await userEvent.click(screen.getByRole('button', { name: 'Show more (5,000 characters)' }));
    // All of it shows: Show more is gone, and Show less has the focus.
    expect(screen.queryByRole('button', { name: /^Show more|more characters/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show less' }));
    await userEvent.click(screen.getByRole('button', { name: 'Show less' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show more (5,000 characters)' }));
  });

  it('steps on from where a search opened it, and Show less collapses it though the search stays', async () => {
    const text = `${'D'.repeat(120_000)} needle ${'E'.repeat(180_000)}`;
    render(
      <SearchQueryContext.Provider value="needle">
        <LongText text={text} label="Body" />
      </SearchQueryContext.Provider>,
    );
    const body = screen.getByLabelText('Body');
    const opened = shownCharacters(body);
    expect(opened).toBeGreaterThan(120_000);
    // Opened past its cut, it says what is left, and can be collapsed at once.
    expect(screen.getByRole('button', { name: /^Show [\d,]+ more characters \([\d,]+ not shown\)$/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show less' })).toBeInTheDocument();
    const more = screen.getByRole('button', { name: /more characters/ });
    await userEvent.click(more);
    // The step the page has learned, on from the match.
    expect(shownCharacters(body) - opened).toBeGreaterThanOrEqual(5_000);
    expect(shownCharacters(body) - opened).toBeLessThanOrEqual(200_000);
    await userEvent.click(screen.getByRole('button', { name: 'Show less' }));
    expect(shownCharacters(body)).toBe(4_000);
  });

  it('drops the timing of a reveal when the text goes away before the next frame', async () => {
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    const cancels = vi.spyOn(window, 'cancelAnimationFrame');
    const { unmount } = render(<LongText text={'B'.repeat(100_000)} label="Body" />);
    await userEvent.click(screen.getByRole('button', { name: 'Show more (100,000 characters)' }));
    const pending = frames.mock.results.at(-1)?.value as number;
    unmount();
    expect(cancels).toHaveBeenCalledWith(pending);
    vi.restoreAllMocks();
  });

  it('sizes the next step to fit a frame on this device, within bounds', () => {
    // 50,000 characters took 40 ms: 1,250 a millisecond, 15,000 in a 12 ms budget.
    expect(nextStep(50_000, 50_000, 40)).toBe(15_000);
    expect(nextStep(50_000, 50_000, 1)).toBe(200_000);
    expect(nextStep(50_000, 50_000, 5_000)).toBe(5_000);
    expect(nextStep(30_000, 0, 10)).toBe(30_000);
  });

  it('cuts an unbroken megabyte into blocks without scanning back to its start for each', () => {
    const text = 'x'.repeat(1_000_000);
    const blocks = textBlocks(text, text.length);
    expect(blocks).toHaveLength(200);
    expect(blocks.join('')).toBe(text);
  });

  it('cuts a long paragraph without line breaks after a space, so no word is split across two lines', () => {
    const text = 'abcdef '.repeat(2_000);
    const blocks = textBlocks(text, text.length);
    expect(blocks.join('')).toBe(text);
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks.slice(0, -1)) expect(block.endsWith(' ')).toBe(true);
    expect(blocks.every((block) => block.length <= BLOCK_CHARS)).toBe(true);
  });

  it('shows short text whole, without buttons', () => {
    render(<LongText text="short" label="Body" />);
    expect(screen.getByLabelText('Body')).toHaveTextContent(/^short$/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lays a text of one block out whole, so a row does not change height when it comes into view', () => {
    render(<LongText text={'A short answer.\n'.repeat(40)} label="Body" />);
    expect(screen.getByLabelText('Body').querySelector('span')).toBeNull();
  });

  it('holds the place of blocks away from the screen with a height guessed from their lines', async () => {
    const text = `${'word '.repeat(900)}\n${'line\n'.repeat(900)}\n${'B'.repeat(12_000)}`;
    render(<LongText text={text} label="Body" />);
    // The step is learnt from how long the last one took to show, so a busy machine may need several.
    // The first button says "Show more (…)", the next ones "Show 5,000 more characters (…)".
    const showMore = /^Show (more|[\d,]+ more)/;
    for (let clicks = 0; clicks < 40 && screen.queryByRole('button', { name: showMore }); clicks += 1) {
      await userEvent.click(screen.getByRole('button', { name: showMore }));
    }
    const blocks = [...screen.getByLabelText('Body').querySelectorAll('span')];
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) expect(block.style.getPropertyValue('contain-intrinsic-size')).toBe(`auto ${guessedLines(block.textContent!)}lh`);
    expect(guessedLines('word '.repeat(900))).toBe(50);
    expect(guessedLines('line\n'.repeat(3))).toBe(3);
    expect(guessedLines('x'.repeat(5_000))).toBe(56);
    expect(guessedLines('')).toBe(1);
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

  it('opens a text up to a match found through its accents, counted in the text’s own characters', () => {
    // Each "é" here is two characters (e and a combining accent): the folded text is shorter than the text.
    const text = `${'cafe\u0301 '.repeat(1000)}STRAẞE${'b'.repeat(5000)}`;
    expect(revealLength(text, 4000, 'strasse')).toBe(6000 + 6 + 200);
  });

  it('does not lay out megabytes for a match far away', () => {
    const text = `${'a'.repeat(1_000_000)}needle`;
    expect(revealLength(text, 4000, 'needle')).toBeNull();
  });
});

describe('direction controls', () => {
  it("show as code points in code and tool output as in prose", () => {
    render(<LongText text={'if (role != "admin\u202E \u2066// is user\u2069 \u2066") {'} variant="code" label="Output" />);
    expect(screen.getByLabelText('Output')).toHaveTextContent('if (role != "admin[U+202E] [U+2066]// is user[U+2069] [U+2066]") {');
    expect(screen.getByLabelText('Output').textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
