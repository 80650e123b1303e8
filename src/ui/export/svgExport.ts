/**
 * The cluster view as a standalone SVG document. The live SVG is styled by the page's CSS
 * (custom properties per theme, classes); a file has no stylesheet, so each element's computed
 * style is written onto its copy, as an inline `style`. Text stays text (searchable, sharp).
 */

/** The presentation properties the cluster view uses; only these are copied (a full computed style is ~300). */
export const INLINE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
] as const;

/** `fill: #0072b2; stroke: none; …` from a computed style, leaving out what is already the SVG default. */
export function inlineStyle(get: (property: string) => string): string {
  const out: string[] = [];
  for (const property of INLINE_PROPERTIES) {
    const value = get(property).trim();
    if (value === '' || isDefault(property, value)) continue;
    out.push(`${property}: ${value}`);
  }
  return out.join('; ');
}

const DEFAULTS: Partial<Record<(typeof INLINE_PROPERTIES)[number], string[]>> = {
  'fill-opacity': ['1'],
  'stroke-opacity': ['1'],
  opacity: ['1'],
  visibility: ['visible'],
  display: ['inline', 'block'],
  'stroke-dasharray': ['none'],
  'stroke-linecap': ['butt'],
  'stroke-linejoin': ['miter'],
  'font-style': ['normal'],
  'paint-order': ['normal'],
};

function isDefault(property: string, value: string): boolean {
  return DEFAULTS[property as (typeof INLINE_PROPERTIES)[number]]?.includes(value) ?? false;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A copy of `svg` with inline styles, its size, and the page's background behind it, serialized. */
export function serializeSvg(svg: SVGSVGElement, background: string): { text: string; width: number; height: number } {
  const width = Math.round(svg.clientWidth || svg.viewBox.baseVal.width || 640);
  const height = Math.round(svg.clientHeight || svg.viewBox.baseVal.height || 440);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  live.forEach((element, i) => {
    const target = copies[i];
    const computed = getComputedStyle(element);
    const style = inlineStyle((p) => computed.getPropertyValue(p));
    if (style) target.setAttribute('style', style);
    else target.removeAttribute('style');
    // Messages in flight move by Web Animations, not by their attribute: the file keeps where they are now.
    if (element.getAnimations().length > 0 && computed.transform && computed.transform !== 'none') target.setAttribute('transform', computed.transform);
    // Interaction attributes mean nothing in a file.
    for (const name of ['tabindex', 'role', 'aria-haspopup', 'aria-expanded', 'class']) target.removeAttribute(name);
  });
  // Hidden helpers (the partition-line surface) are not part of the picture.
  for (const hidden of [...copy.querySelectorAll('[style*="display: none"], [style*="visibility: hidden"]')]) hidden.remove();
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const rect = document.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  copy.insertBefore(rect, copy.firstChild);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
  return { text, width, height };
}

/** An SVG document holding a canvas's pixels (the 1,000-node gossip view is drawn on a canvas). */
export function canvasAsSvg(canvas: HTMLCanvasElement): { text: string; width: number; height: number } {
  const width = Math.round(canvas.clientWidth || canvas.width);
  const height = Math.round(canvas.clientHeight || canvas.height);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><image width="${width}" height="${height}" href="${canvas.toDataURL('image/png')}"/></svg>\n`;
  return { text, width, height };
}

/** Rasterizes an SVG document at `scale` × its size (2: sharp on slides). */
export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = svg.width * scale;
    canvas.height = svg.height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvasBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no image'))), 'image/png'));
}
