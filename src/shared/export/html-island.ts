/**
 * The HTML export's one script, inline and pinned by its hash in the file's Content-Security-Policy.
 *
 * Rows between the first chunk and the last ones are written inside `<noscript>`: with scripts off the browser reads
 * them as markup, so every item shows as it always did; with scripts on it keeps them as text it does not parse,
 * which is most of what opening a file of 50,000 items cost (a tool row's `<details>` alone builds a shadow tree
 * with its own style sheet). This script turns a chunk's text into rows when the chunk comes near the screen, when
 * a link points into it, before printing, and, a few milliseconds at a time after the page has loaded, all the
 * others, so that find-in-page reaches every item. It reads nothing but the file and sends nothing anywhere.
 */
export const ISLAND_SCRIPT = `(() => {
  const textOf = (chunk) => chunk.querySelector(':scope > noscript');
  const waiting = [...document.querySelectorAll('.chunk > noscript')].map((text) => text.parentElement);
  const show = (chunk) => {
    const text = textOf(chunk);
    if (!text) return;
    if (seen) seen.unobserve(chunk);
    chunk.replaceChildren();
    chunk.insertAdjacentHTML('afterbegin', text.textContent);
    chunk.classList.remove('pending');
  };
  // A chunk is made into rows once it has stayed near the screen a moment: a jump to the end passes the ones between.
  const near = new Set();
  const seen = typeof window.IntersectionObserver === 'function' ? new IntersectionObserver((entries) => {
    entries.forEach((entry) => (entry.isIntersecting ? near.add(entry.target) : near.delete(entry.target)));
    setTimeout(() => near.forEach((chunk) => { near.delete(chunk); show(chunk); }), 60);
  }, { rootMargin: '150% 0px' }) : null;
  waiting.forEach((chunk) => { chunk.classList.add('pending'); if (seen) seen.observe(chunk); });
  const attribute = (id) => ' id="' + id.replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';') + '"';
  const reveal = (id) => {
    if (!id || document.getElementById(id)) return;
    const key = attribute(id);
    const chunk = waiting.find((c) => textOf(c)?.textContent.includes(key));
    if (chunk) show(chunk);
  };
  const fragment = () => { try { return decodeURIComponent(location.hash.slice(1)); } catch { return location.hash.slice(1); } };
  const go = () => { reveal(fragment()); const target = document.getElementById(fragment()); if (target) target.scrollIntoView(); };
  addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href^="#"]');
    if (link) reveal(link.getAttribute('href').slice(1));
  }, true);
  addEventListener('hashchange', go);
  addEventListener('beforeprint', () => waiting.forEach(show));
  if (location.hash) go();
  // The rest, a few chunks per idle moment: each frame then sets up the new rows' own parts, never a pile of them.
  const idle = typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback : ((callback) => setTimeout(() => callback({ timeRemaining: () => 10 }), 16));
  let next = 0;
  const rest = (deadline) => {
    for (let count = 0; count < 3 && next < waiting.length && (count === 0 || deadline.timeRemaining() > 8); next += 1) {
      if (textOf(waiting[next])) { show(waiting[next]); count += 1; }
    }
    if (next < waiting.length) idle(rest);
  };
  addEventListener('load', () => setTimeout(() => idle(rest), 100));
})();`;

/**
 * Said in a chunk of rows kept as text when the script could not run with scripts on (a server's own policy may
 * block it), so the gap is not silent; hidden with scripts off, where the rows themselves show, and by the script.
 */
export const HELD_NOTE = '<p class="note held">The rows here are shown by this file’s own script, which was blocked: open the file from disk, with scripts on or off, to read them.</p>';

/** `sha256-…` of ISLAND_SCRIPT, as the Content-Security-Policy pins it; a unit test checks it against the script. */
export const ISLAND_SCRIPT_HASH = 'sha256-f9KuUQgQgzCUUHTyGlrzxNXA2pOZqv0ORKDw2LJ8tiA=';
