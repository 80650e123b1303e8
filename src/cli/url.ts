import { buildShareHash } from '../sim/scenario/shareLink';
import { UsageError } from './errors';
import { loadScenario } from './load';

/**
 * The share link: a path and hash the app reads (`--base` prefixes an origin or path). With
 * `--at <ms>` the link opens paused at that virtual time, as the app's Share makes it.
 */
export function urlCommand(source: string | undefined, options: { base?: string; at?: string }, out: (line: string) => void): void {
  const scenario = loadScenario(source);
  const at = options.at === undefined ? undefined : Number(options.at);
  if (at !== undefined && !(Number.isFinite(at) && at >= 0 && options.at!.trim() !== '')) {
    throw new UsageError(`--at expects a virtual time in ms (a number ≥ 0), got "${options.at}"`);
  }
  out(`${options.base ?? '/'}${buildShareHash({ scenario, moment: at === undefined ? null : { at } })}`);
}
