import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenario/schema';
import { liveLeaders, logOf, raftCase, raftStates, simulate } from './scenarioHelpers';
import { loadExample } from './testHarness';

/** The same scenario with its unsafe switches off. */
function safeVersion(s: Scenario): Scenario {
  const params = { ...((s.params ?? {}) as Record<string, unknown>) };
  delete params.unsafe;
  return { ...s, params } as Scenario;
}

function invariants(sim: ReturnType<typeof simulate>): string[] {
  return [...new Set(sim.violations.map((v) => v.invariant))];
}

describe('Figure 8: why a leader commits only entries of its own term (§5.4.2)', () => {
  it('with leaderNoop off and commitOldTermByCount on, S5 overwrites a committed entry and the checkers say so', () => {
    const sim = simulate(loadExample('raft-figure8-unsafe'));
    sim.runUntil(1000);
    expect(sim.violations.map((v) => v.message)).toEqual([
      'S5 became leader of term 5 without the entry committed at index 2 ("x=2", term 2, committed in term 4)',
      'S2 replaced the committed entry at index 2: "x=2" of term 2 became "x=3" of term 3',
      'S3 replaced the committed entry at index 2: "x=2" of term 2 became "x=3" of term 3',
      'S4 replaced the committed entry at index 2: "x=2" of term 2 became "x=3" of term 3',
      'S1 applied "x=2" (term 2) at index 2, but S5 applied "x=3" (term 3) there',
    ]);
  });

  it('with the real rule S1 does not commit x=2, so S5 overwriting it breaks nothing', () => {
    const sim = simulate(loadExample('raft-figure8-safe'));
    sim.runUntil(1000);
    expect(sim.violations).toEqual([]);
    expect(liveLeaders(sim)).toEqual([{ id: 5, term: 5 }]);
    const states = raftStates(sim);
    for (const id of [2, 3, 4]) expect(logOf(states[id]!)).toEqual(['1:x=1', '3:x=3']);
  });

  it('Figure 8 (e): once S1 replicates an entry of its own term, x=2 commits with it and S5 can no longer win', () => {
    const sim = simulate(loadExample('raft-figure8-safe'), {
      events: [
        { at: 0, do: 'timeout', node: 1 },
        { at: 30, do: 'request', node: 1, value: 'y=4' },
        { at: 150, do: 'crash', node: 1 },
        { at: 160, do: 'restart', node: 5 },
        { at: 170, do: 'timeout', node: 5 },
        { at: 250, do: 'timeout', node: 5 },
      ],
    });
    sim.runUntil(149);
    expect(raftStates(sim)[1]!.commitIndex).toBe(3);
    sim.runUntil(1000);
    expect(liveLeaders(sim).map((l) => l.id)).not.toContain(5);
    expect(sim.violations).toEqual([]);
  });
});

describe('every unsafe switch has a scenario in which a checker catches it', () => {
  it.each([
    { example: 'raft-unsafe-quorum-half', caught: ['Election Safety', 'Log Matching', 'Acknowledged Writes', 'State Machine Safety'] },
    { example: 'raft-figure8-unsafe', caught: ['Leader Completeness', 'Committed Durability', 'State Machine Safety'] },
    { example: 'raft-unsafe-vote-without-log-check', caught: ['Leader Completeness', 'Acknowledged Writes', 'Committed Durability', 'State Machine Safety'] },
    { example: 'raft-unsafe-forget-vote', caught: ['Election Safety'] },
    { example: 'raft-unsafe-ack-before-commit', caught: ['Acknowledged Writes'] },
  ])('$example: caught by $caught; the same events with the switch off break nothing', ({ example, caught }) => {
    const scenario = loadExample(example);
    const unsafe = simulate(scenario);
    unsafe.runUntil(3000);
    expect(invariants(unsafe)).toEqual(caught);
    for (const v of unsafe.violations) {
      expect(v.message).toMatch(/\bS\d+\b/);
      expect(v.message.startsWith(v.invariant)).toBe(false);
    }
    const safe = simulate(safeVersion(scenario));
    safe.runUntil(3000);
    expect(safe.violations).toEqual([]);
  });

  it('the quorum "half" switch splits a 2 | 2 cluster into two leaders of one term', () => {
    const sim = simulate(loadExample('raft-unsafe-quorum-half'));
    sim.runUntil(1000);
    expect(liveLeaders(sim)).toEqual([
      { id: 1, term: 1 },
      { id: 3, term: 1 },
    ]);
    expect(sim.violations[0].message).toBe('S1 and S3 are both leaders in term 1');
  });

  it('forgetVoteOnRestart: S3 votes twice in term 1', () => {
    const sim = simulate(loadExample('raft-unsafe-forget-vote'));
    sim.runUntil(1000);
    expect(sim.violations.map((v) => v.message)).toEqual(['S1 and S2 are both leaders in term 1']);
  });
});

describe('the checkers see every message a resumed node handles (issue 14: the resumed-inbox blind spot)', () => {
  // The audit's scenario: S1 wins term 1 with half the votes while paused messages wait, and loses
  // it again within the same resume; S3 leads term 1 meanwhile.
  const scenario = (pause: boolean): Scenario =>
    raftCase(
      4,
      [
        { at: 0, do: 'partition', groups: [[1, 2], [3, 4]] },
        { at: 0, do: 'timeout', node: 1 },
        { at: 0, do: 'timeout', node: 3 },
        ...(pause ? [{ at: 5, do: 'pause', node: 1 }] : []),
        { at: 30, do: 'heal' },
        { at: 40, do: 'timeout', node: 2 },
        ...(pause ? [{ at: 100, do: 'resume', node: 1 }] : []),
      ],
      { unsafe: { quorum: 'half' }, leaderNoop: false, electionTimeout: [1000, 1500] },
    );

  it('without the pause, Election Safety fires when S1 wins term 1 at 20 ms', () => {
    const sim = simulate(scenario(false));
    sim.runUntil(500);
    expect(invariants(sim)).toContain('Election Safety');
    expect(sim.violations.find((v) => v.invariant === 'Election Safety')!.at).toBe(20);
  });

  it('with S1 paused and resumed, it fires at the resume, though S1 is no longer leader once its inbox is handled', () => {
    const sim = simulate(scenario(true));
    sim.runUntil(500);
    const violation = sim.violations.find((v) => v.invariant === 'Election Safety');
    expect(violation?.at).toBe(100);
    expect(violation?.message).toMatch(/term 1/);
  });
});
