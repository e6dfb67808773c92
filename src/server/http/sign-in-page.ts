import { createHash } from 'node:crypto';

/**
 * What a browser shows when its reader closes the password dialog, or has no password: the viewer's 401 to a page
 * request, as a page rather than the API's JSON. It holds nothing of any conversation and runs no script.
 */
const STYLE = `
:root { color-scheme: light dark; font-family: ui-sans-serif, system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; min-height: 100dvh; display: grid; place-items: center; background: #fafafa; color: #18181b; }
main { max-width: 30rem; margin: 1.5rem; padding: 1.75rem; border: 1px solid #e4e4e7; border-radius: 0.75rem; background: #fff; }
h1 { margin: 0 0 0.75rem; font-size: 1.25rem; }
header { display: flex; align-items: center; gap: 0.5rem; margin-bottom: 1.25rem; font-weight: 600; }
svg { width: 1.5rem; height: 1.5rem; }
p { margin: 0.5rem 0 0; color: #52525b; }
a { color: #4338ca; font-weight: 600; }
@media (prefers-color-scheme: dark) {
  body { background: #09090b; color: #f4f4f5; }
  main { border-color: #27272a; background: #18181b; }
  p { color: #a1a1aa; }
  a { color: #a5b4fc; }
}
`;

/** The page's one style block, allowed by the viewer's content security policy by its hash (no other inline style is). */
export const SIGN_IN_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

export function signInPage({ publicSnapshots }: { publicSnapshots: boolean }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Conversation Viewer</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><svg viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="7" fill="#4f46e5"/><path d="M8 10h16v9H14l-5 4v-4H8z" fill="#fff"/></svg>Conversation Viewer</header>
<h1>This viewer asks for a password</h1>
<p>Your browser asks for it as the page opens. If you closed that dialog, <a href="">open the page again</a> to sign in.</p>
<p>No password? Ask whoever runs this viewer for your team.${publicSnapshots ? ' A shared snapshot link opens without one.' : ''}</p>
</main>
</body>
</html>
`;
}

/** Whether a refused request is a browser opening a page (not the API, a script or an SDK): it gets the page above. */
export function wantsPage(method: string, path: string, accept: string | undefined): boolean {
  return (method === 'GET' || method === 'HEAD') && !path.startsWith('/api/') && (accept ?? '').includes('text/html');
}
