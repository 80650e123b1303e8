import type { Scenario } from '../schema';
import { formatErrors, parseScenario } from '../validate';

/**
 * Validates a library scenario when the module loads and fails loudly: a broken built-in
 * scenario is a bug to find at startup (and in every test run), not a silent picker entry.
 */
export function libraryScenario(id: string, json: unknown): Scenario {
  const result = parseScenario(json);
  if (!result.ok) throw new Error(`scenario library: "${id}" is not a valid scenario:\n${formatErrors(result.errors)}`);
  return result.scenario;
}
