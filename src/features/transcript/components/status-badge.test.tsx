import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBadge } from './status-badge';

describe('StatusBadge', () => {
  it('flags a failed status as a failure, not as a quiet label', () => {
    render(<StatusBadge status="failed" />);
    const badge = screen.getByText('failed');
    expect(badge).toHaveClass('bg-rose-100');
    expect(badge.querySelector('svg')).not.toBeNull();
  });

  it('keeps completed quiet and other statuses neutral', () => {
    const { container } = render(
      <>
        <StatusBadge status="completed" />
        <StatusBadge status="searching" />
      </>,
    );
    expect(container.textContent).toBe('searching');
    expect(screen.getByText('searching')).not.toHaveClass('bg-rose-100');
  });
});
