import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sourcesQueryOptions } from '../../features/sources/api/get-sources';
import { SnapshotsPage } from '../../features/snapshots/components/snapshots-page';
import type { SourcesResponse } from '../../features/sources/api/get-sources';
import { RootLayout } from './root-layout';

function viewer(snapshots: SourcesResponse['snapshots']) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(sourcesQueryOptions().queryKey, { sources: [{ id: 'demo', label: 'Demo', kind: 'demo' }], defaultSource: 'demo', remoteImages: 'load', snapshots } as SourcesResponse);
  vi.stubGlobal('fetch', vi.fn(async () => Response.json({ error: { message: 'Snapshots are turned off on this viewer (VIEWER_SNAPSHOTS=off).', type: 'invalid_request_error', code: 'snapshots_disabled', param: null } }, { status: 404 })));
  return render(
    <QueryClientProvider client={client}>
      <RootLayout>
        <SnapshotsPage />
      </RootLayout>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('snapshots turned off', () => {
  it('are not offered in the header, nor promised on their page', async () => {
    viewer('off');
    expect(await screen.findByRole('alert')).toHaveTextContent('Snapshots are turned off');
    expect(screen.queryByRole('link', { name: 'Snapshots' })).toBeNull();
    expect(screen.queryByText(/can read it/)).toBeNull();
  });

  it('are offered where they are on', () => {
    viewer('public');
    expect(screen.getByRole('link', { name: 'Snapshots' })).toBeInTheDocument();
    expect(screen.getByText(/Anyone with a snapshot’s link can read it/)).toBeInTheDocument();
  });
});
