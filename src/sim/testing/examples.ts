import { readFileSync } from 'node:fs';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';

/** Test helpers (Node only; never imported by the app): validated scenarios and examples/. */
export function parseOrThrow(json: unknown): Scenario {
  const r = parseScenario(json);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

/** Loads and validates examples/<name> (with or without the .json ending). */
export function loadExample(name: string): Scenario {
  const file = name.endsWith('.json') ? name : `${name}.json`;
  const text = readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8');
  try {
    return parseOrThrow(JSON.parse(text));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`, { cause: err });
  }
}
