import type { Scenario } from '../schema';
import { formatErrors, parseScenario } from '../validate';

const validated = new Map<string, Scenario>();

/**
 * A library scenario, validated the first time it is asked for and failing loudly: a broken
 * built-in scenario is a bug (library.test.ts asks for every one in every test run), not a
 * silent picker entry. Validating all of them when the module loads cost the page's worker tens
 * of ms at startup, before it could open the link.
 */
export function libraryScenario(id: string, json: unknown): Scenario {
  const known = validated.get(id);
  if (known) return known;
  const result = parseScenario(json);
  if (!result.ok) throw new Error(`scenario library: "${id}" is not a valid scenario:\n${formatErrors(result.errors)}`);
  validated.set(id, result.scenario);
  return result.scenario;
}
