import { shareHash } from '../sim/scenario/codec';
import { loadScenario } from './load';

/** The share link: a path and hash the app reads (`--base` prefixes an origin or path). */
export function urlCommand(source: string | undefined, base: string | undefined, out: (line: string) => void): void {
  const scenario = loadScenario(source);
  out(`${base ?? '/'}${shareHash(scenario)}`);
}
