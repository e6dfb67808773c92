import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Announcer } from '../components/announcer';
import { withDownloads } from './with-downloads';

vi.mock('./download-text', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('withDownloads', () => {
  it('says on the page that nothing was downloaded when the code for it cannot be fetched', async () => {
    render(<Announcer />);
    const use = vi.fn<() => void>();
    await expect(withDownloads(use)).resolves.toBeNull();
    expect(use).not.toHaveBeenCalled();
    expect((await screen.findAllByText(/Nothing was downloaded: the viewer’s code for it could not be fetched/)).length).toBeGreaterThan(0);
  });
});
