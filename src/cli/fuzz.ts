import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFuzzTarget } from '../sim/fuzz/targets';
import { fuzz } from '../sim/fuzz/runner';
import { shareHash } from '../sim/scenario/codec';
import { PROTOCOL_IDS, type ProtocolId } from '../sim/scenario/schema';
import { UsageError } from './errors';

export interface FuzzOptions {
  protocol?: string;
  runs?: string;
  seed?: string;
  out?: string;
}

/** Swarm fuzzing: returns the process exit code (1 when any seed failed). */
export function fuzzCommand(opts: FuzzOptions, out: (line: string) => void): number {
  if (!opts.protocol) throw new UsageError(`fuzz: --protocol is required (${PROTOCOL_IDS.join(', ')})`);
  if (!PROTOCOL_IDS.includes(opts.protocol as ProtocolId)) {
    throw new UsageError(`fuzz: --protocol must be one of ${PROTOCOL_IDS.join(', ')}, got "${opts.protocol}"`);
  }
  const runs = wholeNumber('--runs', opts.runs ?? '100', 1);
  const seed = wholeNumber('--seed', opts.seed ?? '1', 0);
  const target = findFuzzTarget(opts.protocol as ProtocolId);
  if (!target) throw new UsageError(`fuzz: no protocol registered for "${opts.protocol}" yet`);
  const dir = opts.out ?? 'fuzz-failures';
  out(`fuzz ${target.protocol}: ${runs} swarm runs from seed ${seed}`);
  const report = fuzz(target, runs, seed, (s, failure) => {
    if (!failure) return;
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${target.protocol}-seed-${s}.json`);
    writeFileSync(file, JSON.stringify(failure.scenario, null, 2) + '\n');
    out(`FAIL seed ${s}: ${failure.violations.map((v) => `${v.at} ms ${v.invariant}: ${v.message}`).join('; ') || `did not settle: ${failure.unsettled}`}`);
    out(`  reproduce: npm run sim -- run ${file}   open: /${shareHash(failure.scenario)}`);
  });
  out(`${report.runs - report.failures.length} passed, ${report.failures.length} failed (${report.events} events)`);
  return report.failures.length > 0 ? 1 : 0;
}

function wholeNumber(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > 0xffffffff) throw new UsageError(`fuzz: ${flag} expects a whole number ≥ ${min}, got "${text}"`);
  return n;
}
