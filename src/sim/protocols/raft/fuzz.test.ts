import { describe, expect, it } from 'vitest';
import { fuzzOne, type FuzzFailure } from '../../fuzz/runner';
import { swarmRun } from '../../fuzz/swarm';
import { withParams } from '../../fuzz/target';
import { RandomStream } from '../../kernel/prng';
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

  it.each(['paper', 'etcd'])(`${SEEDS} seeds under the %s profile: no invariant breaks, and each healed cluster settles (one known leader, agreeing committed logs) within ${raftFuzzTarget.settleMs} ms`, (profile) => {
    const target = withParams(raftFuzzTarget, { profile });
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { failure } = fuzzOne(target, seed);
      if (failure) failures.push(describeFailure(failure));
      if (failures.length >= 3) break;
    }
    if (failures.length > 0) console.error(failures.join('\n\n'));
    expect(failures.map((f) => f.split('\n').slice(0, 3).join(' | '))).toEqual([]);
  });

  /*
   * Every unsafe switch is caught (README: the share of 2,000 seeds each is caught in). Per
   * switch, two seeds caught with it on and clean with it off, and what fires; the whole sweep
   * is `npm run sim -- fuzz --protocol raft --unsafe <switch>`.
   */
  const caughtBy: [string, unknown, { paper: number[]; etcd: number[] }, string][] = [
    ['quorum', 'half', { paper: [2, 5], etcd: [2, 5] }, 'Election Safety'],
    ['commitOldTermByCount', true, { paper: [13, 28], etcd: [13, 34] }, 'Leader Completeness'],
    ['voteWithoutLogCheck', true, { paper: [1, 2], etcd: [1, 2] }, 'Leader Completeness'],
    ['forgetVoteOnRestart', true, { paper: [46, 114], etcd: [38, 69] }, 'Election Safety'],
    ['skipPrevLogTermCheck', true, { paper: [5, 8], etcd: [5, 11] }, 'Log Matching'],
    ['commitWithoutMajority', true, { paper: [37, 41], etcd: [37, 45] }, 'Leader Completeness'],
    ['countStaleVotes', true, { paper: [3, 7], etcd: [3, 102] }, 'Election Safety'],
    ['followerCommitBeyondLastNew', true, { paper: [5, 9], etcd: [1, 5] }, 'State Machine Safety'],
    ['overwriteCommitted', true, { paper: [1, 2], etcd: [1, 2] }, 'Leader Append-Only'],
    ['ackBeforeCommit', true, { paper: [5, 8], etcd: [1, 5] }, 'Acknowledged Writes'],
  ];
  it.each(caughtBy)('unsafe.%s is caught under both profiles', (name, value, seeds, invariant) => {
    for (const profile of ['paper', 'etcd'] as const) {
      const clean = withParams(raftFuzzTarget, { profile });
      const unsafe = withParams(clean, { unsafe: { [name]: value } });
      for (const seed of seeds[profile]) {
        const caught = fuzzOne(unsafe, seed).failure;
        expect(caught?.violations.map((v) => v.invariant), `${profile}, seed ${seed}`).toContain(invariant);
        expect(fuzzOne(clean, seed).failure, `${profile}, seed ${seed} without the switch`).toBeNull();
      }
    }
  });

  it('the nemesis finds what the plain swarm does not: a forgotten vote, a stale vote, Figure 8', () => {
    for (const [name, seed] of [
      ['forgetVoteOnRestart', 46],
      ['countStaleVotes', 7],
      ['commitOldTermByCount', 28],
    ] as const) {
      const unsafe = withParams(raftFuzzTarget, { unsafe: { [name]: true } });
      expect(fuzzOne(unsafe, seed).failure, `${name}, seed ${seed}`).not.toBeNull();
      expect(fuzzOne({ ...unsafe, nemesis: undefined }, seed).failure, `${name}, seed ${seed} without the nemesis`).toBeNull();
    }
  });

  it('a Figure 8 schedule runs in a quiet span: none of the swarm\'s own faults or writes fall in it', () => {
    let seen = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { scenario, healAt } = swarmRun(raftFuzzTarget, seed);
      const events = scenario.events ?? [];
      const script = events.filter((e) => e.do === 'request' && e.value.startsWith('f='));
      if (script.length === 0) continue;
      seen++;
      // The swarm draws the nemesis so: its own stream, between 100 ms and 100 ms before the heal.
      const nemesis = raftFuzzTarget.nemesis!(RandomStream.derive(seed, 'fuzz', 1), scenario.nodes, 100, healAt - 100);
      const [from, to] = nemesis.quiet!;
      const scripted = new Set(nemesis.events.map((e) => JSON.stringify(e)));
      const ownInSpan = events.filter((e) => e.at >= from && e.at <= to && !scripted.has(JSON.stringify(e)));
      expect(ownInSpan.length, `seed ${seed}`).toBe(0);
    }
    expect(seen).toBeGreaterThan(20);
  });
});
