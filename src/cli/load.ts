import { readFileSync } from 'node:fs';
import type { Scenario } from '../sim/scenario/schema';
import { formatErrors, parseScenarioText } from '../sim/scenario/validate';
import { UsageError } from './errors';

/** Reads and validates a scenario from a file, or from standard input for `-`. */
export function loadScenario(source: string | undefined): Scenario {
  if (!source) throw new UsageError('missing scenario: give a file path, or - for standard input');
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${source}: no such file` : `${source}: cannot read (${code ?? (err as Error).message})`);
  }
  // A UTF-8 byte order mark (as some editors save) is not part of the JSON.
  const result = parseScenarioText(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (!result.ok) {
    // One line: the first error names its JSON path; more are counted, not listed.
    const first = formatErrors(result.errors.slice(0, 1));
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
    throw new UsageError(`${source === '-' ? 'stdin' : source}: ${first}${more}`);
  }
  return result.scenario;
}
