import { downloadBlob, downloadText } from './download';
import { exportFileName } from './fileName';
import { canvasAsSvg, canvasBlob, serializeSvg, svgToPng } from './svgExport';

/** The cluster drawing on the page: the SVG view, or the canvas of a large gossip cluster. */
function clusterElement(): SVGSVGElement | HTMLCanvasElement | null {
  return document.querySelector<SVGSVGElement>('svg.cluster-svg') ?? document.querySelector<HTMLCanvasElement>('canvas.cluster-canvas');
}

function background(element: Element): string {
  const panel = element.closest('.panel') ?? document.body;
  const color = getComputedStyle(panel).backgroundColor;
  return color && color !== 'rgba(0, 0, 0, 0)' ? color : '#ffffff';
}

function clusterSvg(): { text: string; width: number; height: number } {
  const element = clusterElement();
  if (!element) throw new Error('no cluster view on the page');
  return element instanceof HTMLCanvasElement ? canvasAsSvg(element) : serializeSvg(element, background(element));
}

export function exportClusterSvg(title: string): void {
  downloadText(clusterSvg().text, exportFileName(title, 'svg'), 'image/svg+xml');
}

/** PNG: the canvas itself for a large gossip cluster; the inlined SVG drawn on a canvas otherwise. */
export async function exportClusterPng(title: string): Promise<void> {
  const element = clusterElement();
  if (!element) throw new Error('no cluster view on the page');
  const blob = element instanceof HTMLCanvasElement ? await canvasBlob(element) : await svgToPng(clusterSvg());
  downloadBlob(blob, exportFileName(title, 'png'));
}
