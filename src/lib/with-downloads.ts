import { announce } from '../components/announcer';

type Downloads = typeof import('./download-text');

/**
 * Runs `use` with the download helpers, whose code comes with the first download, not with a page's first rows. When
 * it cannot be fetched (the viewer was updated since the page opened, or the network failed), the page says so.
 */
export function withDownloads<T>(use: (downloads: Downloads) => T | Promise<T>): Promise<T | null> {
  return import('./download-text').then(use, () => {
    announce('Nothing was downloaded: the viewer’s code for it could not be fetched. Reload the page and try again.', { problem: true });
    return null;
  });
}
