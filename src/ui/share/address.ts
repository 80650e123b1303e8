/**
 * Puts a hash in the address bar without a new history entry and without a `hashchange` (so
 * nothing reloads): the address follows the run, and a reload restores it.
 */
export function setAddressHash(hash: string): void {
  if (location.hash === hash || (hash === '' && location.hash === '#')) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
}
