import { buildShareHash } from '../sim/scenario/shareLink';
import { UsageError } from './errors';
import { loadScenario } from './load';
import { parseMs } from './run';

/**
 * The share link: a path and hash the app reads (`--base` prefixes an origin or path). With
 * `--at <ms>` the link opens paused at that virtual time, as the app's Share makes it.
 */
export function urlCommand(source: string | undefined, options: { base?: string; at?: string }, out: (line: string) => void): void {
  const scenario = loadScenario(source);
  const at = options.at === undefined ? undefined : parseMs('--at', options.at);
  out(`${checkBase(options.base ?? '/')}${buildShareHash({ scenario, moment: at === undefined ? null : { at } })}`);
}

/** `--base`: an http(s) address or a path on the same site; nothing a browser would run. */
function checkBase(base: string): string {
  if (base.startsWith('/') && !base.startsWith('//')) return base;
  let url: URL | null;
  try {
    url = new URL(base);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`--base must be an http:// or https:// address, or a path starting with /, got "${base}"`);
  }
  return base;
}
