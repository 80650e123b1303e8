import { describe, expect, it } from 'vitest';
import { fuzzOne, type FuzzFailure } from '../../fuzz/runner';
import { withParams } from '../../fuzz/target';
import { findFuzzTarget } from '../../fuzz/targets';
import { raftFuzzTarget } from './fuzzTarget';

const SEEDS = 500;

/** Everything needed to reproduce a failure: the seed, what broke, and the scenario to open. */
function describeFailure(f: FuzzFailure): string {
  return [
    `fuzz --protocol raft failed for seed ${f.seed}`,
    ...f.violations.map((v) => `  at ${v.at} ms: ${v.message}`),
    ...(f.unsettled ? [`  not settled ${raftFuzzTarget.settleMs} ms after the heal: ${f.unsettled}`] : []),
    'scenario:',
    JSON.stringify(f.scenario, null, 2),
  ].join('\n');
}

describe('swarm fuzzing (VOPR style): random faults, then heal and settle', () => {
  it('is registered for `fuzz --protocol raft`', () => {
    expect(findFuzzTarget('raft')).toBe(raftFuzzTarget);
  });

  it(`${SEEDS} seeds: no invariant breaks, and each healed cluster settles (one known leader, agreeing committed logs) within ${raftFuzzTarget.settleMs} ms`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { failure } = fuzzOne(raftFuzzTarget, seed);
      if (failure) failures.push(describeFailure(failure));
      if (failures.length >= 3) break;
    }
    if (failures.length > 0) console.error(failures.join('\n\n'));
    expect(failures.map((f) => f.split('\n').slice(0, 3).join(' | '))).toEqual([]);
  });

  it('the nemesis (restarts between two candidates\' requests) catches forgetVoteOnRestart, which the plain swarm never did', () => {
    const unsafe = withParams(raftFuzzTarget, { unsafe: { forgetVoteOnRestart: true } });
    const plain = { ...unsafe, nemesis: undefined };
    for (const seed of [284, 386]) {
      const caught = fuzzOne(unsafe, seed).failure;
      expect(caught?.violations.map((v) => v.invariant), `seed ${seed}`).toContain('Election Safety');
      expect(fuzzOne(plain, seed).failure, `seed ${seed} without the nemesis`).toBeNull();
      // Without the switch the same schedule is safe.
      expect(fuzzOne(raftFuzzTarget, seed).failure, `seed ${seed} without the switch`).toBeNull();
    }
  });
});
