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
        <StatusBadge status="queued_somewhere" />
      </>,
    );
    expect(container.textContent).toBe('queued_somewhere');
    expect(screen.getByText('queued_somewhere')).not.toHaveClass('bg-rose-100');
  });

  it("shows a tool's own words for work under way (searching, interpreting, generating, calling) as in progress", () => {
    const { container } = render(
      <>
        <StatusBadge status="in_progress" />
        <StatusBadge status="searching" />
        <StatusBadge status="interpreting" />
        <StatusBadge status="generating" />
        <StatusBadge status="calling" />
      </>,
    );
    expect(container.querySelectorAll('.animate-pulse')).toHaveLength(5);
    expect(container.textContent).toBe('in progresssearchinginterpretinggeneratingcalling');
  });
});
