/** The range's first line box, or null while it takes no space (inside a folded or hidden part). */
function firstBox(range: Range): DOMRect | null {
  const box = range.getClientRects()[0];
  return box && (box.width > 0 || box.height > 0) ? box : null;
}

/**
 * Scrolls a range into the part of the screen between `top` and `bottom`, centred there, when it is not already in
 * it: first the boxes around it that scroll on their own (up to `within`), then the page. Returns whether it shows.
 */
export function showRange(range: Range, within: Element, top: number, bottom: number): boolean {
  let box = firstBox(range);
  if (!box) return false;
  for (let scroller = range.startContainer.parentElement; scroller && scroller !== within; scroller = scroller.parentElement) {
    const tall = scroller.scrollHeight > scroller.clientHeight;
    // Deep JSON or a long line of code scrolls sideways too.
    const wide = scroller.scrollWidth > scroller.clientWidth && /auto|scroll/.test(getComputedStyle(scroller).overflowX);
    if (!tall && !wide) continue;
    const edges = scroller.getBoundingClientRect();
    if (tall && (box.top < edges.top || box.bottom > edges.bottom)) scroller.scrollTop += box.top - edges.top - (scroller.clientHeight - box.height) / 2;
    if (wide && (box.left < edges.left || box.right > edges.right)) scroller.scrollLeft += box.left - edges.left - (scroller.clientWidth - Math.min(box.width, scroller.clientWidth)) / 2;
    box = firstBox(range);
    if (!box) return false;
  }
  if (box.top >= top && box.bottom <= bottom) return true;
  window.scrollBy({ top: box.top - top - (bottom - top - box.height) / 2, behavior: 'instant' });
  return true;
}
