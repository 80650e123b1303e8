import { execFileSync } from 'node:child_process';
import type { LibraryEntry } from '../src/sim/scenario/library';

/**
 * A built-in scenario as the simulation defines it. The library imports the JSON examples,
 * which Playwright's test loader cannot import without import attributes, so it is read through
 * tsx in a child process.
 */
export function libraryEntry(id: string): LibraryEntry {
  const script = `import('./src/sim/scenario/library/index.ts').then((m) => process.stdout.write(JSON.stringify(m.findLibraryEntry(${JSON.stringify(id)}) ?? null)))`;
  const out = execFileSync('npx', ['tsx', '-e', script], { encoding: 'utf8' });
  const entry = JSON.parse(out) as LibraryEntry | null;
  if (!entry) throw new Error(`no library entry ${id}`);
  return entry;
}
