import { useEffect } from 'react';
import { revealBidi } from '../shared/markdown/link-spoofing';

const APP_NAME = 'Conversation Viewer';

/**
 * The tab's title while the page is open: what the page shows, then the viewer's name, so that tabs, history and a
 * screen reader arriving on the page tell pages apart. Leaving the page gives the tab the viewer's name back.
 */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    // A title from a conversation shows its direction controls as code points, as the page does: it cannot read backwards.
    document.title = title ? `${revealBidi(title)} · ${APP_NAME}` : APP_NAME;
    return () => void (document.title = APP_NAME);
  }, [title]);
}
