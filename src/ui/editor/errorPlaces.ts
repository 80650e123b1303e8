import type { ScenarioError } from '../../sim/scenario/validate';
import { locateJsonPath, locateParseError, parseJsonPath, type TextPlace } from './jsonLocate';

export interface PlacedError extends ScenarioError {
  /** Where in the editor's text the error points, when it can be found. */
  place: TextPlace | null;
}

/**
 * The validator's errors (`$.events[2].node: node 9 is not in 1..5`) with the place in the text
 * each one names, so the editor can mark the line and jump there. A JSON syntax error (path `$`,
 * "not valid JSON (…position 57…)") points where the parser stopped.
 */
export function placeErrors(text: string, errors: readonly ScenarioError[]): PlacedError[] {
  return errors.map((error) => {
    if (error.path === '$' && error.message.startsWith('not valid JSON')) return { ...error, place: locateParseError(text, error.message) };
    const parts = parseJsonPath(error.path);
    return { ...error, place: parts ? locateJsonPath(text, parts) : null };
  });
}

/** The lines that carry an error (the gutter marks them). */
export function errorLines(errors: readonly PlacedError[]): Set<number> {
  return new Set(errors.flatMap((e) => (e.place ? [e.place.line] : [])));
}
