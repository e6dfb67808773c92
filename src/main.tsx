// First: requests the page's address already names start before anything else is evaluated.
import './app/start-early-requests';
import './index.css';
import { CODE_NOT_LOADED_HINT } from './app/load-failure';

const root = document.getElementById('root') as HTMLElement;

/** Said in the page when the app's code cannot be fetched: the viewer was updated since this tab opened, or the network failed. */
function showLoadFailure() {
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.className = 'mx-auto max-w-xl space-y-3 px-4 py-10 text-center';
  const title = document.createElement('h1');
  title.className = 'text-xl font-semibold';
  title.textContent = 'The viewer could not be loaded';
  const hint = document.createElement('p');
  hint.className = 'text-zinc-600 dark:text-zinc-400';
  hint.textContent = CODE_NOT_LOADED_HINT;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'rounded-md bg-zinc-900 px-3 py-1 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => window.location.reload());
  alert.append(title, hint, reload);
  root.replaceChildren(alert);
}

// React and the app are evaluated after this script, in a task of their own (the page's HTML names their code, so it
// is fetched beside this one): evaluated together with the early requests they made one task of 50–150 ms here.
import('./app/start-app').then(({ startApp }) => startApp(root), showLoadFailure);
