import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenario/schema';
import { liveLeaders, logOf, raftCase, raftStates, simulate } from './scenarioHelpers';
import { loadExample } from './testHarness';

function withParams(s: Scenario, params: Record<string, unknown>): Scenario {
  return { ...s, params: { ...(s.params ?? {}), ...params } } as Scenario;
}

describe('§5.2 leader election, whole clusters', () => {
  it('the first election of 5 servers: one leader, everyone knows it, the writes commit everywhere', () => {
    const sim = simulate(loadExample('raft-first-election'));
    sim.runUntil(1500);
    const leaders = liveLeaders(sim);
    expect(leaders).toHaveLength(1);
    const views = sim.nodeViews();
    for (const v of views) {
      expect(v.leader).toBe(leaders[0].id);
      expect(v.commitIndex).toBe(3);
      expect(v.kv).toEqual({ x: '1', y: '2' });
    }
    expect(sim.violations).toEqual([]);
  });

  it('even-node tie: 4 servers with fixed timeouts elect no leader in 10 s of virtual time', () => {
    const sim = simulate(loadExample('raft-even-tie-fixed'));
    const led = sim.runUntilCondition(() => liveLeaders(sim).length > 0, 10_000);
    expect(led).toBe(false);
    expect(Math.min(...raftStates(sim).slice(1).map((s) => s?.term ?? 0))).toBeGreaterThan(50);
  });

  it('even-node tie broken: with randomized timeouts 4 servers elect a leader within 2 s (20 seeds)', () => {
    const base = loadExample('raft-even-tie-randomized');
    for (let seed = 1; seed <= 20; seed++) {
      const sim = simulate(base, { seed });
      expect(sim.runUntilCondition(() => liveLeaders(sim).length === 1, 2000), `seed ${seed}`).toBe(true);
    }
  });
});

describe('§5.2 and §5.4 split brain (network partitions)', () => {
  it('5 servers, 3 | 2: one leader in the majority, the minority commits nothing, after the heal all logs agree', () => {
    const sim = simulate(loadExample('raft-split-brain-5'));
    sim.runUntil(999);
    const before = raftStates(sim).map((s) => s?.commitIndex ?? 0);
    expect(liveLeaders(sim)).toEqual([{ id: 1, term: 1 }]);
    while (sim.nextEventTime() < 3000) {
      sim.step();
      const states = raftStates(sim);
      expect(states[1]?.commitIndex).toBe(before[1]);
      expect(states[2]?.commitIndex).toBe(before[2]);
    }
    const majority = liveLeaders(sim).filter((l) => l.id >= 3);
    expect(majority).toHaveLength(1);
    expect(majority[0].term).toBeGreaterThan(1);
    expect(raftStates(sim)[majority[0].id]!.commitIndex).toBeGreaterThan(before[3]);
    sim.runUntil(5000);
    const states = raftStates(sim).slice(1);
    const reference = logOf(states[0]!);
    for (const s of states) {
      expect(logOf(s!)).toEqual(reference);
      expect(s!.commitIndex).toBe(reference.length);
    }
    expect(reference).not.toContain('1:x=2'); // the minority's write was never committed, and is gone
    expect(liveLeaders(sim)).toHaveLength(1);
    expect(sim.violations).toEqual([]);
  });

  it('6 servers, 3 | 3: nothing written after the split commits; the old leader lingers, the other side churns terms', () => {
    const sim = simulate(loadExample('raft-split-brain-6'));
    sim.runUntil(1000);
    const before = raftStates(sim).map((s) => s?.commitIndex ?? 0);
    sim.runUntil(5000);
    expect(raftStates(sim).map((s) => s?.commitIndex ?? 0)).toEqual(before);
    expect(liveLeaders(sim)).toEqual([{ id: 1, term: 1 }]);
    expect(raftStates(sim)[4]!.term).toBeGreaterThan(5);
    expect(sim.violations).toEqual([]);
  });

  it('6 servers, 3 | 3 with CheckQuorum (thesis §6.2) and PreVote (§9.6): nobody leads and no term rises', () => {
    const sim = simulate(loadExample('raft-split-brain-6-checkquorum'));
    sim.runUntil(1000);
    const before = raftStates(sim).map((s) => s?.commitIndex ?? 0);
    sim.runUntil(1000 + 2 * 300 + 100); // a CheckQuorum period (the longest timeout) after the cut, plus slack
    while (sim.nextEventTime() <= 5000) {
      sim.step();
      expect(liveLeaders(sim)).toEqual([]);
    }
    const states = raftStates(sim).slice(1);
    expect(states.map((s) => s!.term)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(raftStates(sim).map((s) => s?.commitIndex ?? 0)).toEqual(before);
    expect(sim.violations).toEqual([]);
  });
});

describe('Figure 2 persistence across crash and restart', () => {
  it('currentTerm, votedFor and the log survive; commitIndex, role and the state machine do not', () => {
    const sim = simulate(loadExample('raft-leader-crash'));
    sim.runUntil(999);
    const s1 = raftStates(sim)[1]!;
    expect(s1.role).toBe('leader');
    const disk = { term: s1.term, votedFor: s1.votedFor, log: logOf(s1) };
    sim.runUntil(1000);
    const down = sim.nodeViews()[0];
    expect(down).toMatchObject({ up: false, role: 'follower', term: disk.term, votedFor: disk.votedFor, leader: null, commitIndex: 0 });
    sim.runUntil(2000);
    const leaders = liveLeaders(sim);
    expect(leaders).toHaveLength(1);
    expect(leaders[0].term).toBeGreaterThan(disk.term);
    sim.runUntil(2500);
    const back = raftStates(sim)[1]!;
    expect({ term: back.term, votedFor: back.votedFor, log: logOf(back) }).toEqual(disk);
    expect(back).toMatchObject({ role: 'follower', commitIndex: 0, lastApplied: 0, leader: null });
    expect(back.kv.size).toBe(0);
    sim.runUntil(4000);
    const states = raftStates(sim).slice(1);
    for (const s of states) expect(logOf(s!)).toEqual(logOf(states[0]!));
    expect(sim.nodeViews()[0].kv).toEqual({ x: '3', y: '2', z: '4' });
    expect(sim.violations).toEqual([]);
  });
});

describe('thesis §9.6 PreVote and §6.2 CheckQuorum', () => {
  const isolateS5 = (params: Record<string, unknown>): Scenario =>
    withParams(
      {
        ...loadExample('raft-first-election'),
        events: [
          { at: 50, do: 'timeout', node: 1 },
          { at: 500, do: 'partition', groups: [[5]] },
          { at: 3000, do: 'heal' },
        ],
      } as Scenario,
      params,
    );

  it('without PreVote an isolated server inflates its term and deposes the leader when it returns', () => {
    const sim = simulate(isolateS5({ preVote: false }));
    sim.runUntil(2999);
    expect(raftStates(sim)[5]!.term).toBeGreaterThan(5);
    sim.runUntil(4000);
    expect(liveLeaders(sim)[0].term).toBeGreaterThan(5);
  });

  it('with PreVote an isolated server keeps its term and the leader stays undisturbed', () => {
    const sim = simulate(isolateS5({ preVote: true }));
    sim.runUntil(2999);
    expect(raftStates(sim)[5]!.term).toBe(1);
    expect(raftStates(sim)[5]!.role).toBe('precandidate');
    sim.runUntil(4000);
    expect(liveLeaders(sim)).toEqual([{ id: 1, term: 1 }]);
    expect(raftStates(sim)[5]!.leader).toBe(1);
  });

  it('with CheckQuorum an isolated leader steps down within two election timeouts; without, it stays', () => {
    const events = [
      { at: 50, do: 'timeout', node: 1 },
      { at: 500, do: 'partition', groups: [[1]] },
    ];
    const base = { ...loadExample('raft-first-election'), events } as Scenario;
    const on = simulate(withParams(base, { checkQuorum: true }));
    on.runUntil(500 + 2 * 300);
    expect(raftStates(on)[1]!.role).toBe('follower');
    const off = simulate(withParams(base, { checkQuorum: false }));
    off.runUntil(500 + 2 * 300);
    expect(raftStates(off)[1]!.role).toBe('leader');
  });

  // Issue 14's audit scenario: a `set` that turns CheckQuorum on mid-run arms the sitting leader's check.
  const setMidRun = (checkQuorum: boolean): Scenario =>
    raftCase(3, [
      { at: 0, do: 'timeout', node: 1 },
      { at: 500, do: 'set', params: { checkQuorum } },
      { at: 600, do: 'partition', groups: [[1], [2, 3]] },
    ]);

  it('CheckQuorum set on mid-run: the leader elected before it is checked, and steps down once isolated', () => {
    const sim = simulate(setMidRun(true));
    // Checks every 300 ms (the election timeout's maximum) from the set at 500: at 800 S2 and S3
    // had answered since 500 (the cut came at 600); at 1,100 nobody had since 800.
    sim.runUntil(499);
    expect(sim.timersOf(1).map((t) => t.name)).not.toContain('checkQuorum');
    sim.runUntil(500);
    expect(sim.timersOf(1)).toContainEqual({ name: 'checkQuorum', due: 800 });
    sim.runUntil(1099);
    expect(raftStates(sim)[1]!.role).toBe('leader');
    sim.runUntil(1100);
    expect(raftStates(sim)[1]!.role).toBe('follower');
    // Alone, it then runs for elections it cannot win; it never leads again.
    sim.runUntil(3000);
    expect(raftStates(sim)[1]!.role).not.toBe('leader');
    expect(liveLeaders(sim).map((l) => l.id)).not.toContain(1);
    expect(liveLeaders(sim)).toHaveLength(1);
  });

  it('a leader paused when CheckQuorum is set hears of it when it resumes', () => {
    const scenario = setMidRun(true);
    scenario.events = [...(scenario.events ?? []), { at: 400, do: 'pause', node: 1 }, { at: 550, do: 'resume', node: 1 }].sort((a, b) => a.at - b.at) as Scenario['events'];
    const sim = simulate(scenario);
    sim.runUntil(549);
    expect(sim.timersOf(1).map((t) => t.name)).not.toContain('checkQuorum');
    sim.runUntil(550);
    expect(raftStates(sim)[1]!.role).toBe('leader');
    expect(sim.timersOf(1)).toContainEqual({ name: 'checkQuorum', due: 850 });
  });

  it('set off again, the isolated leader keeps believing it leads (no check is left armed)', () => {
    const scenario = setMidRun(true);
    scenario.events = [...(scenario.events ?? []), { at: 550, do: 'set', params: { checkQuorum: false } }].sort((a, b) => a.at - b.at) as Scenario['events'];
    const sim = simulate(scenario);
    sim.runUntil(520);
    expect(sim.timersOf(1).map((t) => t.name)).toContain('checkQuorum');
    sim.runUntil(560);
    expect(sim.timersOf(1).map((t) => t.name)).not.toContain('checkQuorum');
    sim.runUntil(3000);
    expect(raftStates(sim)[1]!.role).toBe('leader');
    expect(raftStates(sim)[1]!.term).toBe(1);
  });
});

describe('Figure 7: a new leader brings every follower log to its own', () => {
  const sim = simulate(loadExample('raft-figure7'));
  sim.runUntil(2000);
  const states = raftStates(sim);
  const leader = states[1]!;

  it('S1 leads term 8; c (S4) and d (S5) refused their votes because their logs are more up to date', () => {
    expect(liveLeaders(sim)).toEqual([{ id: 1, term: 8 }]);
    expect(states[4]!.votedFor).toBeNull();
    expect(states[5]!.votedFor).toBeNull();
  });

  it.each([
    ['a', 2],
    ['b', 3],
    ['c', 4],
    ['d', 5],
    ['e', 6],
    ['f', 7],
  ])('follower (%s), S%i, ends with the leader’s log and commit index', (_name, id) => {
    expect(logOf(states[id]!)).toEqual(logOf(leader));
    expect(states[id]!.commitIndex).toBe(leader.log.length);
  });

  it('no checker fires', () => {
    expect(sim.violations).toEqual([]);
  });
});

describe('ARCHITECTURE principles 1 and 3: determinism and time travel', () => {
  it('the same scenario and seed give the same trace, bit for bit', () => {
    const a = simulate(loadExample('raft-split-brain-5'));
    const b = simulate(loadExample('raft-split-brain-5'));
    a.runUntil(5000);
    b.runUntil(5000);
    expect(a.traceHash()).toBe(b.traceHash());
  });

  it('seeking back to a checkpoint and replaying reproduces the same run (states are plain data)', async () => {
    const { createSimulation } = await import('../../create');
    const sim = createSimulation(loadExample('raft-leader-crash'), { checkpointEvery: 50 });
    sim.runUntil(4000);
    const hash = sim.traceHash();
    const views = JSON.stringify(sim.nodeViews());
    sim.seek(1200);
    sim.seek(4000);
    expect(sim.traceHash()).toBe(hash);
    expect(JSON.stringify(sim.nodeViews())).toBe(views);
  });
});
