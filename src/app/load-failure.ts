/** What a page says when its code could not be fetched: the app's start (main.tsx) or a page's chunk (router.tsx). */
export const CODE_NOT_LOADED_HINT = 'The viewer may have been updated since this tab was opened, or the network failed.';
