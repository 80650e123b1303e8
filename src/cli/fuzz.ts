import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFuzzTarget } from '../sim/fuzz/targets';
import { withParams } from '../sim/fuzz/target';
import { fuzz } from '../sim/fuzz/runner';
import { shareHash } from '../sim/scenario/codec';
import { PROTOCOL_IDS, type ProtocolId } from '../sim/scenario/schema';
import { formatErrors, parseScenario } from '../sim/scenario/validate';
import { UsageError } from './errors';

/** Failing seeds printed (and written as reproducers) one by one; the rest are counted. */
const MAX_REPORTED_FAILURES = 20;

export interface FuzzOptions {
  protocol?: string;
  runs?: string;
  seed?: string;
  out?: string;
  /** An `unsafe` switch turned on in every seed (`quorum` means `"half"`). */
  unsafe?: string;
  /** Raft's rules in every seed: `paper` (the default) or `etcd`. */
  profile?: string;
}

const RAFT_PROFILES = ['paper', 'etcd'];

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
  const unsafe = opts.unsafe === undefined ? null : unsafeSwitch(target.protocol, opts.unsafe);
  const profile = profileOption(target.protocol, opts.profile);
  const extra = { ...(unsafe === null ? {} : { unsafe }), ...(profile === null ? {} : { profile }) };
  const swarm = Object.keys(extra).length === 0 ? target : withParams(target, extra);
  const withWhat = [profile === null ? '' : ` under the ${profile} profile`, unsafe === null ? '' : ` with unsafe.${opts.unsafe} on in every seed`].join('');
  out(`fuzz ${target.protocol}: ${runs} swarm runs from seed ${seed}${withWhat}`);
  let caught = 0;
  let unsettledOnly = 0;
  let reported = 0;
  const report = fuzz(swarm, runs, seed, (s, failure) => {
    if (!failure) return;
    if (failure.violations.length > 0) caught++;
    else unsettledOnly++;
    if (++reported > MAX_REPORTED_FAILURES) return;
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${target.protocol}-seed-${s}.json`);
    writeFileSync(file, JSON.stringify(failure.scenario, null, 2) + '\n');
    out(`FAIL seed ${s}: ${failure.violations.map((v) => `${v.at} ms ${v.invariant}: ${v.message}`).join('; ') || `did not settle: ${failure.unsettled}`}`);
    out(`  reproduce: npm run sim -- run ${file}   open: /${shareHash(failure.scenario)}`);
  });
  const failed = report.failures.length;
  if (failed > MAX_REPORTED_FAILURES) out(`… and ${failed - MAX_REPORTED_FAILURES} more failed seeds (not written)`);
  out(`${report.runs - failed} passed, ${failed} failed (${report.events} events)`);
  if (failed > 0 || unsafe !== null) out(`a checker fired in ${caught} of ${runs} seeds (${percent(caught, runs)}); ${unsettledOnly} more did not settle`);
  return failed > 0 ? 1 : 0;
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

/** `--unsafe <name>`: the switch as the protocol's parameters spell it, checked by the scenario validator. */
function unsafeSwitch(protocol: ProtocolId, name: string): Record<string, unknown> {
  const unsafe = { [name]: name === 'quorum' ? 'half' : true };
  const parsed = parseScenario({ version: 1, protocol, nodes: 3, params: { unsafe } });
  if (!parsed.ok) throw new UsageError(`fuzz: --unsafe "${name}" is not an unsafe switch of ${protocol} (${formatErrors(parsed.errors)})`);
  return unsafe;
}

/** `--profile <paper|etcd>`: whose rules Raft follows in every seed. */
function profileOption(protocol: ProtocolId, profile: string | undefined): string | null {
  if (profile === undefined) return null;
  if (protocol !== 'raft') throw new UsageError(`fuzz: --profile is a Raft option; ${protocol} has none`);
  if (!RAFT_PROFILES.includes(profile)) throw new UsageError(`fuzz: --profile must be one of ${RAFT_PROFILES.join(', ')}, got "${profile}"`);
  return profile;
}

function wholeNumber(flag: string, text: string, min: number): number {
  const n = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > 0xffffffff) throw new UsageError(`fuzz: ${flag} expects a whole number ≥ ${min} written in decimal, got "${text}"`);
  return n;
}
