/** Where the app lives: the page's origin and path, without query or hash (`http://host/app/`). */
export function shareBase(location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}`;
}

/** Embed mode (`?embed=1`): only the cluster view and the playback controls, for slides and iframes. */
export const EMBED_PARAM = 'embed';

export function isEmbed(search: string): boolean {
  return new URLSearchParams(search).get(EMBED_PARAM) === '1';
}

/**
 * The embed address of a share link: the same link with `?embed=1` before its hash
 * (`http://host/app/?embed=1#s=1.…`). Any query the link had is kept.
 */
export function embedUrl(shareLink: string): string {
  const hashAt = shareLink.indexOf('#');
  const base = hashAt < 0 ? shareLink : shareLink.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : shareLink.slice(hashAt);
  const queryAt = base.indexOf('?');
  const path = queryAt < 0 ? base : base.slice(0, queryAt);
  const params = new URLSearchParams(queryAt < 0 ? '' : base.slice(queryAt + 1));
  params.set(EMBED_PARAM, '1');
  return `${path}?${params.toString()}${hash}`;
}

/** The full page for an embedded view (its "Open in the simulator" link): the same address without `embed`. */
export function fullPageUrl(location: { origin: string; pathname: string; search: string; hash: string }): string {
  const params = new URLSearchParams(location.search);
  params.delete(EMBED_PARAM);
  const query = params.toString();
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

/** Text for an HTML attribute value in double quotes (scenario titles are user text). */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The `<iframe>` snippet for a share link: slides and pages paste it as it is. */
export function embedSnippet(shareLink: string, title: string, size = { width: 800, height: 500 }): string {
  return `<iframe src="${escapeAttribute(embedUrl(shareLink))}" title="${escapeAttribute(title)}" width="${size.width}" height="${size.height}" style="border:0" loading="lazy"></iframe>`;
}
