import { announce } from '../components/announcer';

type Downloads = typeof import('./download-text');

/**
 * Runs `use` with the download helpers, fetched with the first download rather than named by a page's first rows: the
 * transcript's code holds them anyway (its in-browser export uses them), but as a file of their own they were one
 * more request of a few hundred bytes before the first row. When it cannot be fetched (the viewer was updated since
 * the page opened, or the network failed), the page says so.
 */
export function withDownloads<T>(use: (downloads: Downloads) => T | Promise<T>): Promise<T | null> {
  return import('./download-text').then(use, () => {
    announce('Nothing was downloaded: the viewer’s code for it could not be fetched. Reload the page and try again.', { problem: true });
    return null;
  });
}
