import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ExpirySelect } from './expiry-select';

describe('ExpirySelect', () => {
  it('offers every expiry the server accepts, in words, and reports the one chosen', async () => {
    const onChange = vi.fn<(value: string) => void>();
    render(<ExpirySelect value="never" onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: 'Expires' });
    expect([...select.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['Never', 'After 1 day', 'After 7 days', 'After 30 days']);
    await userEvent.selectOptions(select, 'After 7 days');
    expect(onChange).toHaveBeenCalledWith('7d');
  });
});
