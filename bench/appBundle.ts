import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, fmt, type Figure } from './appReport';

/** KiB of a built file gzipped at level 9. */
function gz(dist: string, file: string): number {
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
}

/**
 * Gzipped size (zlib level 9) of the entry chunk dist/index.html loads, and of every other chunk.
 * The entry only starts the worker and imports the app, so it carries no target: the figure
 * that does is `startupJs`, all the JS fetched before the cluster is drawn.
 */
export function measureBundle(dist = 'dist'): Figure[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]*type="module"[^>]*src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${dist}/index.html loads no module script from assets/`);
  const others = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') && `assets/${f}` !== entry)
    .map((f) => `${f} ${fmt(gz(dist, `assets/${f}`))} KiB`);
  return [
    figure({
      section: 'bundle',
      name: `entry chunk ${entry}, gzip -9`,
      unit: 'KiB',
      samples: [gz(dist, entry)],
      note: `other chunks (gzip -9): ${others.length ? others.join(', ') : 'none'}`,
    }),
  ];
}

/**
 * The JS a load fetched before its cluster was drawn (whatever the chunking: an entry that only
 * starts the worker and imports the app counts with what it imports), gzipped; `workerUrls`
 * are the page's workers' scripts, counted apart.
 */
export function startupJs(dist: string, requests: readonly string[], workerUrls: readonly string[]): Figure {
  const files = [...new Set(requests)].filter((u) => /\/assets\/[^/?#]+\.js(?:[?#].*)?$/.test(u));
  const name = (u: string) => new URL(u).pathname.replace(/^.*\/assets\//, '');
  const main = files.filter((u) => !workerUrls.includes(u));
  const worker = files.filter((u) => workerUrls.includes(u));
  const sizes = (list: string[]) => list.map((u) => ({ file: name(u), kib: gz(dist, `assets/${name(u)}`) }));
  const mainSizes = sizes(main);
  const workerSizes = sizes(worker);
  const sum = (list: { kib: number }[]) => list.reduce((a, b) => a + b.kib, 0);
  return figure({
    section: 'load',
    name: 'main-thread JS fetched before the cluster was drawn, gzip -9',
    unit: 'KiB',
    samples: [sum(mainSizes)],
    target: { op: '≤', value: 150 },
    note: `${mainSizes.map((s) => `${s.file} ${fmt(s.kib)}`).join(' + ')} KiB; the worker's script besides: ${workerSizes.map((s) => `${s.file} ${fmt(s.kib)} KiB`).join(', ') || 'none'}`,
  });
}
