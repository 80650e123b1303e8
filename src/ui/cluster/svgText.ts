/** Sets an attribute only when it differs: an unchanged value costs the page no style or paint work. */
export function setAttr(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * Sets an element's text only when it differs, changing its text node's data in place (D3's
 * `.text()` and `textContent` replace the node every time, which the page must take out of
 * layout and add again).
 */
export function setText(element: Element, text: string): void {
  if (element.textContent === text) return;
  const only = element.firstChild;
  if (only && only === element.lastChild && only.nodeType === Node.TEXT_NODE) (only as Text).data = text;
  else element.textContent = text;
}

/** A coordinate rounded to a tenth of a px: shorter attribute strings, and equal values compare equal. */
export function roundTenth(v: number): number {
  return Math.round(v * 10) / 10;
}
