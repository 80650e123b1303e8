import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../create';
import type { Scenario } from '../../scenario/schema';
import { committedOf, leaderOf, loadExample, roles, simulate, zabStates } from './testkit';
import type { ZabState } from './types';

function narrated(scenario: Scenario, untilMs: number): { sim: ReturnType<typeof createSimulation>; keys: { t: number; node: number; key: string; params: Record<string, unknown> }[] } {
  const keys: { t: number; node: number; key: string; params: Record<string, unknown> }[] = [];
  const sim = createSimulation(scenario, {
    onTrace: (e) => {
      if (e.k === 'narrate') keys.push({ t: e.t, node: e.node, key: e.key, params: e.params });
    },
  });
  sim.runUntil(untilMs);
  return { sim, keys };
}

describe('Fast Leader Election, whole clusters', () => {
  it('startup: S1 alone is no quorum; S2 leads once both are up (same zxid, higher id); S3 starting later follows S2 and does not lead', () => {
    const { sim, keys } = narrated(loadExample('zab-startup'), 999);
    expect(leaderOf(sim)).toBe('none');
    expect(zabStates(sim)[1]!.state).toBe('looking');
    expect(keys.filter((k) => k.key === 'zab.notify.timeout').map((k) => k.params.nextMs)).toEqual([400, 800]);
    sim.runUntil(2000);
    expect(leaderOf(sim)).toBe('S2/e1');
    expect(roles(sim)).toEqual(['following S2', 'leading', 'down']);
    const late = narrated(loadExample('zab-startup'), 5000);
    expect(roles(late.sim)).toEqual(['following S2', 'leading', 'following S2']);
    expect(late.keys.some((k) => k.node === 3 && k.key === 'zab.join.follow')).toBe(true);
    expect(late.keys.some((k) => k.node === 3 && (k.key === 'zab.elected.lead' || k.key === 'zab.lead.start'))).toBe(false);
  });

  it('the election takes a few hundred ms of virtual time, not ticks: 3 servers start together and a leader broadcasts within 600 ms (20 seeds)', () => {
    const base = { version: 1, protocol: 'zab', nodes: 3, network: { latency: [10, 30] } } as Scenario;
    for (let seed = 1; seed <= 20; seed++) {
      const sim = simulate(base, { seed });
      expect(sim.runUntilCondition(() => leaderOf(sim) !== 'none', 600), `seed ${seed}`).toBe(true);
    }
  });

  it('runtime: S1 (zxid 0x7b) beats S3 (0x7a) in the same epoch, leads epoch 1, and S3 syncs to it with a DIFF of 0x7b', () => {
    const { sim, keys } = narrated(loadExample('zab-runtime'), 2000);
    expect(leaderOf(sim)).toBe('S1/e1');
    const sw = keys.find((k) => k.node === 3 && k.key === 'zab.vote.switch.zxid');
    expect(sw?.params).toMatchObject({ leader: 1, zxid: '0x7b', oldZxid: '0x7a' });
    expect(keys.find((k) => k.key === 'zab.lead.sync.diff')?.params).toMatchObject({ to: 3, count: 1, theirZxid: '0x7a', zxid: '0x7b' });
    expect(zabStates(sim)[3]!.commitIndex).toBe(123);
  });

  it('runtime: the crashed old leader S2 returns with 0x7c, which nobody else logged; it follows S1 and TRUNC drops 0x7c', () => {
    const { sim, keys } = narrated(loadExample('zab-runtime'), 3500);
    expect(roles(sim)).toEqual(['leading', 'following S1', 'following S1']);
    expect(keys.find((k) => k.node === 2 && k.key === 'zab.sync.trunc')?.params).toMatchObject({ zxid: '0x7b', removedZxids: '0x7c' });
    expect(zabStates(sim)[2]!.history.at(-1)!.zxid).toBe(123);
  });

  it('five servers with equal zxids: the highest id, S5, leads (20 seeds)', () => {
    const base = loadExample('zab-five-equal');
    for (let seed = 1; seed <= 20; seed++) {
      const sim = simulate(base, { seed });
      sim.runUntil(1000);
      expect(leaderOf(sim), `seed ${seed}`).toBe('S5/e2');
    }
  });
});

describe('split brain: two rooms', () => {
  it('5 servers split 3 | 2: the 2 side never leads again nor commits; only the 3 side elects a leader', () => {
    const sim = simulate(loadExample('zab-two-rooms-5'));
    sim.runUntil(1000);
    expect(leaderOf(sim)).toBe('S5/e1');
    const before = zabStates(sim).map((s) => s?.commitIndex ?? 0);
    while (sim.nextEventTime() < 23_000) {
      sim.step();
      const states = zabStates(sim);
      for (const id of [4, 5]) {
        const s = states[id]!;
        expect(s.state === 'leading' && s.currentEpoch > 1).toBe(false);
        expect(s.commitIndex).toBe(before[id]);
      }
    }
    expect(leaderOf(sim)).toBe('S3/e2');
    expect(roles(sim)).toEqual(['following S3', 'following S3', 'leading', 'looking', 'looking']);
  });

  it('6 servers split 3 | 3: the old leader steps down within syncLimit ticks (plus one tick) and nobody leads for the next minute', () => {
    const { sim, keys } = narrated(loadExample('zab-two-rooms-6'), 1000);
    expect(leaderOf(sim)).toBe('S6/e1');
    sim.runUntil(1000 + 10_000 + 2000 + 100);
    expect(keys.some((k) => k.node === 6 && k.key === 'zab.lead.quorumLost')).toBe(true);
    expect(leaderOf(sim)).toBe('none');
    const led = sim.runUntilCondition(() => zabStates(sim).some((s) => s?.state === 'leading'), 60_000);
    expect(led).toBe(false);
    expect(sim.violations).toEqual([]);
  });

  it('unsafe.quorum "half": each room of a 3 | 3 split elects its own leader of epoch 1, and the Leadership checker catches it', () => {
    const sim = simulate(loadExample('zab-unsafe-half-quorum'));
    sim.runUntil(2000);
    const leaders = zabStates(sim).filter((s): s is ZabState => s?.state === 'leading');
    expect(leaders.map((s) => s.currentEpoch)).toEqual([1, 1]);
    expect(sim.violations.map((v) => v.invariant)).toEqual(['Leadership', 'Prefix Consistency']);
    expect(sim.violations[0].message).toBe('S3 and S6 both became the established leader of epoch 1 (each got a "quorum" of ACKEPOCH)');
  });

  it('with the majority rule the same 3 | 3 boot elects nobody and breaks nothing', () => {
    const s = loadExample('zab-unsafe-half-quorum');
    const sim = simulate(s, { params: {} });
    sim.runUntil(10_000);
    expect(leaderOf(sim)).toBe('none');
    expect(sim.violations).toEqual([]);
  });
});

describe('ZAB recovery', () => {
  it('a write committed before the leader crashed survives under the new leader (it has the most up-to-date history)', () => {
    const sim = simulate(loadExample('zab-write-survives-crash'));
    sim.runUntil(999);
    expect(committedOf(zabStates(sim)[3]!)).toEqual(['0x100000001=x=1']);
    sim.runUntil(13_500);
    expect(leaderOf(sim)).toBe('S2/e2');
    expect(committedOf(zabStates(sim)[2]!)).toEqual(['0x100000001=x=1', '0x200000001=y=2']);
    sim.runUntil(16_000);
    for (const s of zabStates(sim).slice(1)) expect(committedOf(s!)).toEqual(['0x100000001=x=1', '0x200000001=y=2']);
  });

  it('an old leader that comes back with a lower epoch is fenced off: followers reject its packets, it steps down, and its unreplicated proposal is truncated', () => {
    const { sim, keys } = narrated(loadExample('zab-old-leader-fenced'), 25_000);
    const fenced = keys.filter((k) => k.key === 'zab.fence.oldLeader');
    expect(fenced.length).toBeGreaterThan(0);
    expect(fenced[0].params).toMatchObject({ from: 5, epoch: 1, acceptedEpoch: 2 });
    expect(keys.some((k) => k.node === 5 && k.key === 'zab.lead.propose' && k.params.zxid === '0x100000002')).toBe(true);
    expect(keys.some((k) => k.node === 5 && k.key === 'zab.lead.quorumLost')).toBe(true);
    expect(keys.find((k) => k.node === 5 && k.key === 'zab.sync.trunc')?.params).toMatchObject({ removedZxids: '0x100000002' });
    expect(roles(sim)).toEqual(['following S4', 'following S4', 'following S4', 'leading', 'following S4']);
    expect(sim.violations).toEqual([]);
  });

  it('observers do not vote: the observer with the highest id never leads, and a write commits without its ACK', () => {
    const { sim, keys } = narrated(loadExample('zab-observer'), 1500);
    expect(roles(sim)).toEqual(['following S3', 'following S3', 'leading', 'observing S3']);
    expect(keys.find((k) => k.key === 'zab.lead.commit')?.params.ackers).not.toContain('S4');
    expect(keys.some((k) => k.node === 4 && k.key === 'zab.learn.inform')).toBe(true);
    sim.runUntil(13_000);
    expect(leaderOf(sim)).toBe('none');
  });
});

describe('determinism and time travel', () => {
  it('the same scenario and seed give the same trace; seeking back and replaying reaches the same state', () => {
    const scenario = loadExample('zab-old-leader-fenced');
    const a = createSimulation(scenario, { checkpointEvery: 50 });
    a.runUntil(20_000);
    const b = createSimulation(scenario);
    b.runUntil(20_000);
    expect(a.traceHash()).toBe(b.traceHash());
    const views = JSON.stringify(a.nodeViews());
    a.seek(5_000);
    a.seek(20_000);
    expect(a.traceHash()).toBe(b.traceHash());
    expect(JSON.stringify(a.nodeViews())).toBe(views);
  });
});
