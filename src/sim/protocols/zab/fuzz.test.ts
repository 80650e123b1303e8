import { describe, expect, it } from 'vitest';
import { fuzzOne, type FuzzFailure } from '../../fuzz/runner';
import { findFuzzTarget } from '../../fuzz/targets';
import { zabFuzzTarget } from './fuzzTarget';

const SEEDS = 300;

/** Everything needed to reproduce a failure: the seed, what broke, and the scenario to open. */
function describeFailure(f: FuzzFailure): string {
  return [
    `fuzz --protocol zab failed for seed ${f.seed}`,
    ...f.violations.map((v) => `  at ${v.at} ms: ${v.message}`),
    ...(f.unsettled ? [`  not settled ${zabFuzzTarget.settleMs} ms after the heal: ${f.unsettled}`] : []),
    'scenario:',
    JSON.stringify(f.scenario, null, 2),
  ].join('\n');
}

describe('swarm fuzzing (VOPR style): random faults, then heal and settle', () => {
  it('is registered for `fuzz --protocol zab`', () => {
    expect(findFuzzTarget('zab')).toBe(zabFuzzTarget);
  });

  it(`${SEEDS} seeds: Leadership and Prefix Consistency hold, and each healed cluster settles (one leader in broadcast, followed by every live server, agreeing committed histories) within ${zabFuzzTarget.settleMs} ms`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { failure } = fuzzOne(zabFuzzTarget, seed);
      if (failure) failures.push(describeFailure(failure));
      if (failures.length >= 3) break;
    }
    if (failures.length > 0) console.error(failures.join('\n\n'));
    expect(failures.map((f) => f.split('\n').slice(0, 3).join(' | '))).toEqual([]);
  });
});
