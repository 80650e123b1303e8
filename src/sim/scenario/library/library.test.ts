import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../create';
import type { Simulation } from '../../kernel/simulation';
import type { TraceEvent } from '../../kernel/trace';
import { serfConvergence, serfRoundsTo } from '../../protocols/gossip/analytic';
import { shareHash } from '../codec';
import { parseScenario } from '../validate';
import { defaultScenario } from './defaultScenario';
import { findLibraryEntry, libraryGroups, scenarioLibrary, type LibraryEntry } from './index';

/*
 * The built-in library: every entry is well formed, and every run shows what its "watch" note
 * promises, checked concretely (who leads in which term or epoch, what committed where, which
 * checkers fire, detection and convergence times). Each check runs the entry's scenario
 * headless to its `until` (sometimes stopping on the way to look at the middle of the story).
 */

// Node views and metrics are plain JSON; the tests read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Said {
  t: number;
  node: number;
  key: string;
  params: Json;
}

function said(sim: Simulation, key: string, where: (p: Json, e: Said) => boolean = () => true): Said[] {
  const out: Said[] = [];
  for (const e of sim.traceLog ?? []) {
    if (e.k === 'narrate' && e.key === key) {
      const s = { t: e.t, node: e.node, key: e.key, params: e.params };
      if (where(e.params, s)) out.push(s);
    }
  }
  return out;
}

function views(sim: Simulation): Json[] {
  return sim.nodeViews();
}

function leaderOf(sim: Simulation): string | null {
  const l = sim.protocol.leader?.(sim.snapshot() as never) ?? null;
  if (!l) return null;
  return `S${l.id}/${sim.protocol.name === 'zab' ? 'e' : 't'}${l.term}`;
}

function metrics(sim: Simulation): Json {
  return sim.protocol.metrics?.(sim.snapshot()) ?? {};
}

/** What the issue asks of a share link (browsers and chat apps cope with a couple of thousand characters). */
const SHARE_LINK_MAX_CHARS = 2000;

const values = (log: { value: string | null }[]) => log.map((e) => e.value);
const ids = (pred: (v: Json, i: number) => boolean, vs: Json[]) => vs.flatMap((v, i) => (pred(v, i) ? [i + 1] : []));

/** Per entry: what the run shows, beyond the leader and violations in `entry.outcome`. Each check ends at `until`. */
const checks: Record<string, (sim: Simulation, entry: LibraryEntry) => void> = {
  'raft-first-election': (sim, { until }) => {
    sim.runUntil(until);
    const vs = views(sim);
    // Three candidates in term 1: S3 timed out first and wins with S1's and S5's votes; S2 and
    // S4 fall back to follower on its first AppendEntries. Everybody stays in term 1.
    expect(said(sim, 'raft.election.start').map((s) => `S${s.node}/t${s.params.term}`)).toEqual(['S3/t1', 'S2/t1', 'S4/t1']);
    const won = said(sim, 'raft.election.won');
    expect(won.map((s) => `S${s.node}/t${s.params.term}:${s.params.voters}`)).toEqual(['S3/t1:S1, S3, S5']);
    expect(won[0].t).toBeLessThan(400);
    expect(said(sim, 'raft.candidate.leaderSeen').map((s) => s.node).sort()).toEqual([2, 4]);
    expect(vs.map((v) => v.role)).toEqual(['follower', 'follower', 'leader', 'follower', 'follower']);
    expect(vs.map((v) => v.term)).toEqual([1, 1, 1, 1, 1]);
    // The leader's no-op is committed on every server.
    for (const v of vs) expect([v.log, v.commitIndex]).toEqual([[{ term: 1, value: null }], 1]);
  },

  'raft-replication': (sim, { until }) => {
    sim.runUntil(1300);
    let vs = views(sim);
    // S5 is down and missed x=3 and z=4; they committed anyway, with 4 of 5.
    expect(vs.map((v) => v.up)).toEqual([true, true, true, true, false]);
    expect(vs.map((v) => v.commitIndex).slice(0, 4)).toEqual([5, 5, 5, 5]);
    expect(values(vs[4].log)).toEqual([null, 'x=1', 'y=2']);
    sim.runUntil(until);
    vs = views(sim);
    // Writes sent to followers were forwarded to the leader.
    expect(said(sim, 'raft.request.forward').map((s) => `S${s.node}:${s.params.value}`)).toEqual(['S3:y=2', 'S2:z=4']);
    // The restarted S5 gets exactly the two entries it missed, and learns they are committed.
    expect(said(sim, 'raft.append.accept', (_, e) => e.node === 5 && e.t > 1500).map((s) => `${s.params.first}-${s.params.last}`)).toEqual(['4-5']);
    for (const v of vs) {
      expect(values(v.log)).toEqual([null, 'x=1', 'y=2', 'x=3', 'z=4']);
      expect(v.commitIndex).toBe(5);
      expect(v.kv).toEqual({ x: '3', y: '2', z: '4' });
    }
    expect(said(sim, 'raft.election.won').length).toBe(1);
  },

  'raft-leader-crash': (sim, { until }) => {
    sim.runUntil(999);
    expect(leaderOf(sim)).toBe('S1/t1');
    expect(views(sim).map((v) => v.commitIndex)).toEqual([3, 3, 3, 3, 3]);
    sim.runUntil(2400);
    expect(views(sim)[0].up).toBe(false);
    expect(leaderOf(sim)).toBe('S3/t2');
    sim.runUntil(until);
    const vs = views(sim);
    // S1 is back as a follower of term 2 with every entry, all committed.
    expect(vs[0].role).toBe('follower');
    expect(vs.map((v) => v.term)).toEqual([2, 2, 2, 2, 2]);
    for (const v of vs) expect([values(v.log), v.commitIndex]).toEqual([[null, 'x=1', 'y=2', null, 'x=3', 'z=4'], 6]);
  },

  'raft-vote-tie-fixed': (sim, { until }) => {
    sim.runUntil(until);
    const vs = views(sim);
    // Every round: four candidates, one vote each (their own), three needed; nobody ever wins.
    expect(said(sim, 'raft.election.won')).toEqual([]);
    expect(said(sim, 'raft.vote.received')).toEqual([]);
    const ended = said(sim, 'raft.election.timedOut');
    expect(ended.length).toBeGreaterThan(4 * 15);
    expect(new Set(ended.map((s) => `${s.params.votes}/${s.params.needed}`))).toEqual(new Set(['1/3']));
    expect(vs.map((v) => v.role)).toEqual(['candidate', 'candidate', 'candidate', 'candidate']);
    const term = vs[0].term;
    expect(vs.map((v) => v.term)).toEqual([term, term, term, term]);
    expect(term).toBeGreaterThanOrEqual(19);
  },

  'raft-vote-tie-randomized': (sim, { until }) => {
    sim.runUntil(until);
    expect(said(sim, 'raft.election.start').map((s) => `S${s.node}/t${s.params.term}`)).toEqual(['S1/t1']);
    expect(said(sim, 'raft.election.won').map((s) => `S${s.node}:${s.params.votes}/${s.params.nodes}`)).toEqual(['S1:3/4']);
    expect(views(sim).map((v) => v.term)).toEqual([1, 1, 1, 1]);
  },

  'raft-rejoin-without-prevote': (sim, { until }) => {
    sim.runUntil(2999);
    const cutOff = views(sim)[4];
    // Alone, S5 has raised its term again and again.
    expect(cutOff.role).toBe('candidate');
    expect(cutOff.term).toBeGreaterThan(10);
    expect(leaderOf(sim)).toBe('S1/t1');
    sim.runUntil(until);
    // Its term reaches the healthy leader, which steps down: a new election in a higher term.
    expect(said(sim, 'raft.term.stepDown', (p) => p.role === 'leader').map((s) => `S${s.node}/t${s.params.oldTerm}`)).toEqual(['S1/t1']);
    const vs = views(sim);
    expect(vs.map((v) => v.term)).toEqual([15, 15, 15, 15, 15]);
    expect(vs.map((v) => v.commitIndex)).toEqual([3, 3, 3, 3, 3]);
  },

  'raft-rejoin-prevote': (sim, { until }) => {
    sim.runUntil(2999);
    const cutOff = views(sim)[4];
    // S5 only asks for pre-votes and never leaves term 1.
    expect([cutOff.role, cutOff.term]).toEqual(['precandidate', 1]);
    expect(said(sim, 'raft.prevote.start', (p) => p.term === 2).filter((s) => s.node === 5).length).toBeGreaterThan(5);
    sim.runUntil(until);
    expect(said(sim, 'raft.election.start').map((s) => `S${s.node}/t${s.params.term}`)).toEqual(['S1/t1']);
    expect(said(sim, 'raft.precandidate.leaderSeen').map((s) => `S${s.node}<-S${s.params.leader}/t${s.params.term}@${s.t > 3000}`)).toEqual(['S5<-S1/t1@true']);
    const vs = views(sim);
    expect(vs.map((v) => v.term)).toEqual([1, 1, 1, 1, 1]);
    expect(vs.map((v) => v.commitIndex)).toEqual([2, 2, 2, 2, 2]);
  },

  'raft-split-brain-5': (sim, { until }) => {
    sim.runUntil(2900);
    let vs = views(sim);
    // Two leaders in different terms: S1 (term 1, minority) and S5 (term 2, majority).
    expect(ids((v) => v.role === 'leader', vs)).toEqual([1, 5]);
    expect([vs[0].term, vs[4].term]).toEqual([1, 2]);
    // x=2 sits in the minority's logs uncommitted; the majority commits y=3 and z=4.
    expect(values(vs[0].log)).toEqual([null, 'x=1', 'x=2']);
    expect(vs[0].commitIndex).toBe(2);
    expect(vs.slice(2).map((v) => v.commitIndex)).toEqual([5, 5, 5]);
    sim.runUntil(until);
    vs = views(sim);
    expect(said(sim, 'raft.term.stepDown', (p) => p.role === 'leader').map((s) => s.node)).toEqual([1]);
    for (const v of vs) expect([values(v.log), v.commitIndex]).toEqual([[null, 'x=1', null, 'y=3', 'z=4'], 5]);
  },

  'raft-split-brain-6': (sim, { until }) => {
    sim.runUntil(until);
    const vs = views(sim);
    // S1 still leads its half, the other half's terms run away, and nothing after the split commits.
    expect(vs.map((v) => v.role)).toEqual(['leader', 'follower', 'follower', expect.any(String), expect.any(String), expect.any(String)]);
    expect(vs.slice(0, 3).map((v) => v.term)).toEqual([1, 1, 1]);
    for (const v of vs.slice(3)) expect(v.term).toBeGreaterThan(15);
    expect(said(sim, 'raft.election.won').map((s) => `S${s.node}/t${s.params.term}`)).toEqual(['S1/t1']);
    expect(vs.map((v) => v.commitIndex)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(values(vs[0].log)).toEqual([null, 'x=1', 'x=2']);
  },

  'raft-stale-leader': (sim, { until }) => {
    sim.runUntil(5900);
    let vs = views(sim);
    // Awake and still cut off, S1 lingers as leader of term 1 next to the real leader of term 2.
    expect([vs[0].role, vs[0].term, vs[1].role, vs[1].term]).toEqual(['leader', 1, 'leader', 2]);
    expect(said(sim, 'raft.request.append', (p) => p.value === 'x=2').map((s) => `S${s.node}@${s.t}`)).toEqual(['S1@3500']);
    expect([values(vs[0].log), vs[0].commitIndex]).toEqual([[null, 'x=1', 'x=2'], 2]);
    expect(said(sim, 'raft.checkQuorum.stepDown')).toEqual([]);
    sim.runUntil(until);
    vs = views(sim);
    // The heal deposes it; its x=2 never committed and is gone.
    expect(said(sim, 'raft.term.stepDown', (p) => p.role === 'leader').map((s) => `S${s.node}@${s.t >= 6000}`)).toEqual(['S1@true']);
    for (const v of vs) expect([values(v.log), v.commitIndex, v.term]).toEqual([[null, 'x=1', null, 'y=2'], 4, 2]);
  },

  'raft-stale-leader-checkquorum': (sim, { until }) => {
    sim.runUntil(5900);
    let vs = views(sim);
    // Within an election timeout of waking, S1 finds it hears from nobody and steps down by itself.
    const down = said(sim, 'raft.checkQuorum.stepDown');
    expect(down.map((s) => `S${s.node}/t${s.params.term}:${s.params.active}/${s.params.needed}`)).toEqual(['S1/t1:1/3']);
    expect(down[0].t).toBeGreaterThanOrEqual(3000);
    expect(down[0].t).toBeLessThanOrEqual(3000 + 300);
    // So the client's x=2 is refused at once, and PreVote keeps S1 in term 1 while it is alone.
    expect(said(sim, 'raft.request.reject').map((s) => `S${s.node}:${s.params.value}`)).toEqual(['S1:x=2']);
    expect([vs[0].role, vs[0].term]).toEqual(['precandidate', 1]);
    expect(said(sim, 'raft.request.append', (p) => p.value === 'x=2')).toEqual([]);
    sim.runUntil(until);
    vs = views(sim);
    for (const v of vs) expect([values(v.log), v.commitIndex, v.term]).toEqual([[null, 'x=1', null, 'y=2'], 4, 2]);
  },

  'raft-etcd-half-cut': (sim, { until }) => {
    sim.runUntil(until);
    expect(said(sim, 'raft.prevote.grant.despiteLeader').map((s) => `S${s.node}→S${s.params.candidate} following S${s.params.leader}@${s.t}`)).toEqual(['S2→S3 following S1@1573']);
    expect(said(sim, 'raft.election.won').map((s) => `S${s.node}/t${s.params.term}`)).toEqual(['S1/t1', 'S3/t2']);
    // S1's pre-votes fail on the log; nobody's term moves past 2.
    expect(said(sim, 'raft.prevote.reject.logTerm', (p) => p.candidate === 1).length).toBeGreaterThan(1);
    expect(views(sim).map((v) => v.term)).toEqual([2, 2, 2]);
  },

  'raft-etcd-half-cut-checkquorum': (sim, { until }) => {
    sim.runUntil(until);
    expect(said(sim, 'raft.prevote.ignore.lease').every((s) => s.node === 2 && s.params.candidate === 3)).toBe(true);
    expect(said(sim, 'raft.prevote.ignore.lease').length).toBeGreaterThan(1);
    expect(said(sim, 'raft.election.won').map((s) => `S${s.node}/t${s.params.term}`)).toEqual(['S1/t1']);
    const vs = views(sim);
    expect([values(vs[0].log), vs[0].commitIndex]).toEqual([[null, 'x=1', 'x=2'], 3]);
  },

  'raft-figure8-safe': (sim, { until }) => {
    sim.runUntil(until);
    const vs = views(sim);
    // S1 holds x=2 back although a majority stores it (§5.4.2)…
    expect(said(sim, 'raft.commit.heldBack', (_, e) => e.node === 1).map((s) => `S${s.node}:${s.params.index}/t${s.params.entryTerm}<t${s.params.term}`)).toEqual(['S1:2/t2<t4']);
    expect(said(sim, 'raft.commit.oldTermUnsafe')).toEqual([]);
    // …so when S5 overwrites index 2 with x=3, nothing committed is lost.
    for (const v of vs.slice(1)) expect(v.log).toEqual([{ term: 1, value: 'x=1' }, { term: 3, value: 'x=3' }]);
    expect(vs.map((v) => v.commitIndex)).toEqual([0, 0, 0, 0, 0]);
  },

  'raft-figure8-unsafe': (sim, { until }) => {
    sim.runUntil(until);
    const vs = views(sim);
    // S1 commits x=2 (term 2) at index 2 by counting; later S5 commits its own x=3 (term 3) there the same way.
    expect(said(sim, 'raft.commit.oldTermUnsafe').map((s) => `S${s.node}:${s.params.index}/t${s.params.entryTerm}`)).toEqual(['S1:2/t2', 'S5:2/t3']);
    // The committed x=2 is overwritten with x=3 on the servers that later commit index 2.
    for (const v of vs.slice(1)) expect([v.log[1], v.commitIndex]).toEqual([{ term: 3, value: 'x=3' }, 2]);
    const first = new Map<string, number>();
    for (const v of sim.violations) if (!first.has(v.invariant)) first.set(v.invariant, v.at);
    expect(first.get('Leader Completeness')).toBeLessThanOrEqual(first.get('State Machine Safety')!);
  },

  'raft-unsafe-stale-votes': (sim, { until }) => {
    sim.runUntil(until);
    // S1's election for term 2 is won with S2's grant from term 1; S2's real vote in term 2 went to S3.
    expect(said(sim, 'raft.vote.receivedStale').map((s) => `S${s.node}<-S${s.params.from}:t${s.params.grantedIn}->t${s.params.term}@${s.t}`)).toEqual(['S1<-S2:t1->t2@20']);
    expect(views(sim).map((v) => [v.role, v.term, v.votedFor])).toEqual([
      ['leader', 2, 1],
      ['follower', 2, 3],
      ['leader', 2, 3],
    ]);
  },

  'raft-unsafe-skip-prev-log-term': (sim, { until }) => {
    sim.runUntil(until);
    const vs = views(sim);
    // S3 kept its y=9 under the leader's no-op; every log commits index 3.
    expect(values(vs[2].log)).toEqual(['x=1', 'y=9', null]);
    expect(values(vs[0].log)).toEqual(['x=1', 'x=2', null]);
    expect(vs.map((v) => [v.commitIndex, v.kv])).toEqual([
      [3, { x: '2' }],
      [3, { x: '2' }],
      [3, { x: '1', y: '9' }],
    ]);
  },

  'raft-unsafe-commit-short': (sim, { until }) => {
    sim.runUntil(until);
    expect(said(sim, 'raft.commit.shortUnsafe', (_, e) => e.node === 1).map((s) => `${s.params.index}:${s.params.replicas}@${s.t}`)).toEqual(['1:S1@20', '2:S1@110']);
    // Every log ends as S2's; S1 alone applied x=1.
    for (const v of views(sim)) expect(values(v.log)).toEqual([null, null]);
    expect(views(sim).map((v) => v.kv)).toEqual([{ x: '1' }, {}, {}]);
  },

  'raft-unsafe-commit-beyond-last-new': (sim, { until }) => {
    sim.runUntil(until);
    expect(said(sim, 'raft.commit.learnUnchecked').map((s) => `S${s.node}:${s.params.index}=${s.params.value}@${s.t}`)).toEqual(['S3:2=y=9@50']);
    const vs = views(sim);
    // The logs agree; the state machines do not.
    for (const v of vs) expect([values(v.log), v.commitIndex]).toEqual([['x=1', 'x=2', null], 3]);
    expect(vs.map((v) => v.kv)).toEqual([{ x: '2' }, { x: '2' }, { x: '1', y: '9' }]);
  },

  'raft-unsafe-ack-before-commit': (sim, { until }) => {
    sim.runUntil(until);
    expect(said(sim, 'raft.client.ackEarly').map((s) => `S${s.node}:${s.params.index}=${s.params.value}@${s.t}`)).toEqual(['S1:2=x=1@110']);
    // Every log ends as S2's: x=1, acknowledged, is gone.
    for (const v of views(sim)) expect(values(v.log)).toEqual([null, null]);
  },

  'raft-unsafe-overwrite-committed': (sim, { until }) => {
    sim.runUntil(until);
    expect(said(sim, 'raft.request.overwriteUnsafe').map((s) => `S${s.node}:${s.params.index} ${s.params.oldValue}->${s.params.value}@${s.t}`)).toEqual(['S1:1 x=1->y=2@100']);
    const vs = views(sim);
    expect(vs.map((v) => values(v.log))).toEqual([['y=2'], ['x=1'], ['x=1']]);
    expect(vs.map((v) => v.kv)).toEqual([{ y: '2' }, { x: '1' }, { x: '1' }]);
  },

  'zab-startup': (sim, { until }) => {
    sim.runUntil(900);
    expect(views(sim)[0].state).toBe('looking');
    expect(leaderOf(sim)).toBeNull();
    sim.runUntil(until);
    const vs = views(sim);
    // S2 wins on server id; S3 joins the established leader (its id is higher) and is synced by SNAP.
    expect(said(sim, 'zab.vote.switch.sid').map((s) => `S${s.node}->S${s.params.leader}`)).toContain('S1->S2');
    expect(said(sim, 'zab.join.follow').map((s) => `S${s.node}->S${s.params.leader}`)).toEqual(['S3->S2']);
    expect(said(sim, 'zab.lead.sync.snap').map((s) => s.params.to)).toEqual([3]);
    expect(vs.map((v) => v.state)).toEqual(['following', 'leading', 'following']);
    for (const v of vs) expect(v.history.map((t: Json) => t.value)).toEqual(['x=1', 'y=2']);
    expect(vs.map((v) => v.committed)).toEqual(Array(3).fill([0x100000001, 0x100000002]));
  },

  'zab-leader-crash': (sim, { until }) => {
    sim.runUntil(until);
    const vs = views(sim);
    // Same epoch, so the zxid decides: S3 (0x7a) switches to S1 (0x7b).
    expect(said(sim, 'zab.vote.switch.zxid').map((s) => `S${s.node}->S${s.params.leader}:${s.params.zxid}>${s.params.oldZxid}`)).toEqual(['S3->S1:0x7b>0x7a']);
    expect(said(sim, 'zab.lead.sync.diff').map((s) => `S${s.params.to}:${s.params.count}`)).toEqual(['S3:1']);
    // The old leader's unreplicated 0x7c is truncated away when it returns.
    expect(said(sim, 'zab.lead.sync.trunc').map((s) => `S${s.params.to}:${s.params.truncZxid}`)).toEqual(['S2:0x7b']);
    expect(vs.map((v) => v.state)).toEqual(['leading', 'following', 'following']);
    for (const v of vs) {
      expect(v.committed.length).toBe(124);
      expect(v.committed.at(-1)).toBe(0x100000001);
      expect(v.history.at(-1).value).toBe('x=1');
    }
  },

  'zab-two-rooms-5': (sim, { until }) => {
    sim.runUntil(until);
    const vs = views(sim);
    // The small room's leader loses its quorum; the big room elects S3 for epoch 2.
    expect(said(sim, 'zab.lead.quorumLost').map((s) => `S${s.node}/e${s.params.epoch}:${s.params.count}/${s.params.needed}`)).toEqual(['S5/e1:2/3']);
    expect(vs.map((v) => [v.state, v.currentEpoch])).toEqual([['following', 2], ['following', 2], ['leading', 2], ['looking', 1], ['looking', 1]]);
    // x=2 commits in the big room; y=3, sent to the small room, fails.
    expect(vs.map((v) => v.committed.length)).toEqual([2, 2, 2, 1, 1]);
    expect(said(sim, 'zab.request.noLeader').map((s) => `S${s.node}:${s.params.value}`)).toEqual(['S4:y=3']);
  },

  'zab-two-rooms-6': (sim, { until }) => {
    sim.runUntil(until);
    const vs = views(sim);
    expect(said(sim, 'zab.lead.quorumLost').map((s) => `S${s.node}/e${s.params.epoch}:${s.params.count}/${s.params.needed}`)).toEqual(['S6/e1:3/4']);
    expect(vs.map((v) => v.state)).toEqual(Array(6).fill('looking'));
    expect(said(sim, 'zab.lead.established').map((s) => `S${s.node}/e${s.params.epoch}`)).toEqual(['S6/e1']);
    expect(said(sim, 'zab.request.noLeader').map((s) => `S${s.node}:${s.params.value}`)).toEqual(['S1:x=2', 'S6:y=3']);
    expect(vs.map((v) => v.committed.length)).toEqual([1, 1, 1, 1, 1, 1]);
  },

  'zab-old-leader-fenced': (sim, { until }) => {
    sim.runUntil(until);
    const vs = views(sim);
    // Back from its pause, S5 sends packets of epoch 1 to servers that accepted epoch 2: refused.
    const fenced = said(sim, 'zab.fence.oldLeader');
    expect(fenced.length).toBeGreaterThan(0);
    for (const s of fenced) expect([s.params.from, s.params.epoch, s.params.acceptedEpoch, s.t >= 15000]).toEqual([5, 1, 2, true]);
    expect(said(sim, 'zab.lead.propose', (p) => p.zxid === '0x100000002').map((s) => `S${s.node}@${s.t}`)).toEqual(['S5@15000']);
    expect(vs.map((v) => [v.state, v.currentEpoch])).toEqual([...Array(3).fill(['following', 2]), ['leading', 2], ['following', 2]]);
    // S5 truncated its unreplicated proposal; only x=1 is there, committed everywhere.
    for (const v of vs) expect([v.history.map((t: Json) => t.value), v.committed]).toEqual([['x=1'], [0x100000001]]);
  },

  'gossip-rumor-100': (sim, { until }) => {
    sim.runUntil(until);
    const m = metrics(sim);
    expect(m.informed).toBe(100);
    expect(m.convergedAt).toBeGreaterThan(1000);
    expect(m.convergedAt).toBeLessThan(2000);
    const model = { nodes: 100, fanout: 3, loss: 0, failed: 0 };
    // After a slow first round and a half (the first push waits for the next 200 ms tick) the
    // simulated run overtakes Serf's curve and stays ahead: half informed before the model's
    // half, everyone before the model's 99%.
    const curve: [number, number][] = m.informedFraction;
    const rounds = (t: number) => (t - 1000) / 200;
    for (const [t, fraction] of curve) {
      if (rounds(t) >= 1.5) expect(fraction, `round ${rounds(t)}`).toBeGreaterThanOrEqual(serfConvergence(model, rounds(t)));
    }
    expect(rounds(curve.find(([, f]) => f >= 0.5)![0])).toBeLessThan(serfRoundsTo(model, 0.5));
    expect(m.roundsToConverge).toBeLessThan(serfRoundsTo(model, 0.99));
    expect(m.roundsToConverge).toBeLessThan(4);
    expect(curve.at(-1)).toEqual([m.convergedAt, 1]);
    // It goes quiet: every node pushed it 4 x ceil(log10 101) = 12 times and stopped.
    expect(m.messagesPerNode).toBe(12);
  },

  'gossip-swim-crash': (sim, { until }) => {
    sim.runUntil(until);
    const m = metrics(sim);
    const [failure] = m.failures;
    expect(failure.node).toBe(7);
    // The first prober that misses S7's ack asks others to ping it (ping-req) before suspecting it.
    const indirect = said(sim, 'gossip.indirectProbe', (p) => p.target === 7);
    expect(indirect.length).toBeGreaterThan(0);
    expect(indirect[0].t).toBeLessThan(failure.firstSuspectedAt);
    // Suspected within a few protocol periods, dead after the (shrinking) suspicion timeout,
    // known dead by every live member shortly after.
    const minTimeoutMs = Math.floor(4 * Math.log10(30) * 1000);
    expect(failure.firstSuspectedAt).toBeGreaterThan(5000);
    expect(failure.firstSuspectedAt).toBeLessThan(5000 + 3000);
    expect(failure.firstDeadAt - failure.firstSuspectedAt).toBeGreaterThanOrEqual(minTimeoutMs);
    expect(failure.firstDeadAt - failure.firstSuspectedAt).toBeLessThanOrEqual(6 * minTimeoutMs);
    expect(failure.allLiveMembersKnowAt - failure.firstDeadAt).toBeLessThan(2000);
    for (const [i, v] of views(sim).entries()) if (i !== 6) expect(v.members['7'].status, `S${i + 1}`).toBe('dead');
    // Loss gets live nodes suspected; they refute, and none is declared dead.
    expect(m.refutations).toBeGreaterThan(0);
    expect(m.falsePositives.declarations).toBe(0);
  },

  'gossip-two-dcs': (sim, { until }) => {
    const dc = (id: number) => (id <= 10 ? 0 : 1);
    const statuses = (status: string) =>
      views(sim).every((v, i) => Object.entries(v.members as Record<string, Json>).every(([id, m]) => dc(Number(id)) === dc(i + 1) || m.status === status));
    sim.runUntil(4900);
    expect(metrics(sim).membership.agree).toBe(true);
    sim.runUntil(20_000);
    // Each datacenter has declared the whole other one dead: two different views of the cluster.
    expect(statuses('dead')).toBe(true);
    expect(metrics(sim).membership.agree).toBe(false);
    sim.runUntil(59_900);
    expect(metrics(sim).membership.agree).toBe(false);
    sim.runUntil(until);
    const m = metrics(sim);
    // After the heal everyone is alive in every view again, within seconds.
    expect(statuses('alive')).toBe(true);
    expect(m.membership.agree).toBe(true);
    expect(m.convergedAt).toBeGreaterThan(60_000);
    expect(m.convergedAt).toBeLessThan(75_000);
    expect(m.falsePositives.declarations).toBe(2 * 10 * 10);
    // Serf's reconnect (every 30 s, to one member believed dead) is what brings the sides back in touch.
    const reconnects = said(sim, 'gossip.reconnect', (p, e) => e.t > 60_000 && dc(p.member) !== dc(e.node));
    expect(reconnects.length).toBeGreaterThan(0);
    expect(reconnects[0].t).toBeLessThan(m.convergedAt);
  },
};

/**
 * What one trace event is, in a few words: "S3 raft.election.won", "crash S5", "heal",
 * "violation Leader Completeness", "state S2". Sends, deliveries, drops and timers are null: a
 * timeline moment must be something the run says or does, not a message in flight.
 */
function happening(e: TraceEvent): string | null {
  switch (e.k) {
    case 'narrate':
      return `S${e.node} ${e.key}`;
    case 'action': {
      const a = e.action as Json;
      return a.node === undefined ? a.do : `${a.do} S${a.node}`;
    }
    case 'violation':
      return `violation ${e.invariant}`;
    case 'state':
      return `state S${e.node}`;
    default:
      return null;
  }
}

/** Everything that happens at exactly `t` ms of a recorded run. */
function happeningsAt(sim: Simulation, t: number): string[] {
  return (sim.traceLog ?? []).flatMap((e) => (e.t === t ? [happening(e)].filter((h): h is string => h !== null) : []));
}

/**
 * Per entry, per moment (in order): one thing that happens at exactly that instant and is what
 * the label says (the win, the crash, the partition, the checker firing...).
 */
const momentEvidence: Record<string, string[]> = {
  'raft-first-election': ['S3 raft.election.start', 'S4 raft.election.start', 'S3 raft.election.won', 'S2 raft.candidate.leaderSeen'],
  'raft-replication': ['S1 raft.election.won', 'S3 raft.request.forward', 'crash S5', 'S1 raft.commit.advance', 'S5 raft.append.accept'],
  'raft-leader-crash': ['S1 raft.election.won', 'crash S1', 'S3 raft.election.start', 'S3 raft.election.won', 'S1 raft.append.accept'],
  'raft-vote-tie-fixed': ['S4 raft.election.start', 'S4 raft.election.timedOut', 'S4 raft.election.start'],
  'raft-vote-tie-randomized': ['S1 raft.election.start', 'S2 raft.vote.grant', 'S1 raft.election.won'],
  'raft-rejoin-without-prevote': ['partition', 'S5 raft.election.start', 'heal', 'S1 raft.term.stepDown', 'S2 raft.election.won'],
  'raft-rejoin-prevote': ['partition', 'S5 raft.prevote.start', 'heal', 'S5 raft.precandidate.leaderSeen'],
  'raft-split-brain-5': ['partition', 'S5 raft.election.won', 'S1 raft.request.append', 'S1 raft.term.stepDown', 'S1 raft.append.truncateOne'],
  'raft-split-brain-6': ['partition', 'S6 raft.election.start', 'S1 raft.request.append', 'S5 raft.request.reject', 'S6 raft.election.start'],
  'raft-stale-leader': ['pause S1', 'S2 raft.election.won', 'resume S1', 'S1 raft.request.append', 'S1 raft.term.stepDown'],
  'raft-stale-leader-checkquorum': ['pause S1', 'S2 raft.election.won', 'S1 raft.checkQuorum.stepDown', 'S1 raft.request.reject', 'S1 raft.term.stepDown'],
  'raft-etcd-half-cut': ['cut', 'S2 raft.prevote.grant.despiteLeader', 'S3 raft.election.won', 'S1 raft.term.stepDown', 'S2 raft.prevote.reject.logTerm'],
  'raft-etcd-half-cut-checkquorum': ['cut', 'S2 raft.prevote.ignore.lease', 'S2 raft.request.forward'],
  'raft-figure8-safe': ['S1 raft.election.won', 'S1 raft.commit.heldBack', 'crash S1', 'S5 raft.election.won', 'S2 raft.append.truncateOne'],
  'raft-figure8-unsafe': ['S1 raft.commit.oldTermUnsafe', 'crash S1', 'violation Leader Completeness', 'S2 raft.append.truncateCommitted', 'violation State Machine Safety'],
  'raft-unsafe-stale-votes': ['S1 raft.election.start', 'S1 raft.vote.receivedStale', 'violation Election Safety'],
  'raft-unsafe-skip-prev-log-term': ['S1 raft.election.won', 'S3 raft.append.prevTermUnchecked', 'violation State Machine Safety'],
  'raft-unsafe-commit-short': ['partition', 'S1 raft.commit.shortUnsafe', 'violation Leader Completeness', 'violation Committed Durability'],
  'raft-unsafe-commit-beyond-last-new': ['S1 raft.election.won', 'S3 raft.append.reject.conflict', 'S3 raft.commit.learnUnchecked'],
  'raft-unsafe-ack-before-commit': ['partition', 'S1 raft.client.ackEarly', 'violation Acknowledged Writes', 'S1 raft.append.truncateOne'],
  'raft-unsafe-overwrite-committed': ['S1 raft.commit.advance', 'S1 raft.request.overwriteUnsafe', 'crash S1', 'violation State Machine Safety'],
  'zab-startup': ['S1 zab.election.start', 'S1 zab.vote.switch.sid', 'S2 zab.lead.broadcast.empty', 'S3 zab.join.follow', 'S3 zab.sync.snap'],
  'zab-leader-crash': ['S3 zab.election.start', 'S3 zab.vote.switch.zxid', 'S1 zab.lead.sync.diff', 'S1 zab.lead.broadcast', 'S1 zab.lead.sync.trunc'],
  'zab-two-rooms-5': ['partition', 'S3 zab.lead.broadcast', 'S5 zab.lead.quorumLost', 'S4 zab.request.noLeader', 'S3 zab.lead.commit'],
  'zab-two-rooms-6': ['partition', 'S2 zab.learn.leaderSilent', 'S6 zab.lead.quorumLost', 'S4 zab.election.start', 'S6 zab.request.noLeader'],
  'zab-old-leader-fenced': ['pause S5', 'S4 zab.lead.broadcast', 'S5 zab.lead.propose', 'S2 zab.fence.oldLeader', 'S5 zab.sync.trunc'],
  'gossip-rumor-100': ['S1 gossip.rumorStart', 'S72 gossip.informed', 'S10 gossip.informed', 'S83 gossip.informed'],
  'gossip-swim-crash': ['crash S7', 'S19 gossip.refute', 'S18 gossip.indirectProbe', 'S18 gossip.probeFailed', 'S3 gossip.deadHeard'],
  'gossip-two-dcs': ['partition', 'S3 gossip.deadHeard', 'heal', 'S19 gossip.reconnect', 'S9 gossip.alive'],
};

/** Runs to just before `t`, then to `t`: what a moment claims must hold at `t` and (where it is news) not at `t - 1`. */
function before(sim: Simulation, t: number, look: () => void): void {
  sim.runUntil(t - 1);
  look();
  sim.runUntil(t);
}

const roles = (sim: Simulation) => views(sim).map((v) => v.role);

/** For some entries, what each moment's label claims, checked at that instant. Each check ends at `until`. */
const momentClaims: Record<string, (sim: Simulation, entry: LibraryEntry) => void> = {
  'raft-first-election': (sim, { moments, until }) => {
    const [first, three, won, back] = moments.map((m) => m.at);
    before(sim, first, () => expect(roles(sim)).toEqual(Array(5).fill('follower')));
    expect(views(sim).map((v) => [v.role, v.term])[2]).toEqual(['candidate', 1]);
    sim.runUntil(three);
    expect(ids((v) => v.role === 'candidate', views(sim))).toEqual([2, 3, 4]);
    before(sim, won, () => expect(leaderOf(sim)).toBeNull());
    expect(leaderOf(sim)).toBe('S3/t1');
    before(sim, back, () => expect(roles(sim)[1]).toBe('candidate'));
    expect(roles(sim)).toEqual(['follower', 'follower', 'leader', 'follower', 'follower']);
    sim.runUntil(until);
  },

  'raft-split-brain-5': (sim, { moments, until }) => {
    const [cut, second, x2, down, replaced] = moments.map((m) => m.at);
    sim.runUntil(cut);
    expect(happeningsAt(sim, cut)).toContain('partition');
    before(sim, second, () => expect(ids((v) => v.role === 'leader', views(sim))).toEqual([1]));
    // Split brain: two leaders, in terms 1 and 2.
    let vs = views(sim);
    expect(ids((v) => v.role === 'leader', vs)).toEqual([1, 5]);
    expect([vs[0].term, vs[4].term]).toEqual([1, 2]);
    sim.runUntil(x2);
    expect(values(views(sim)[0].log)).toEqual([null, 'x=1', 'x=2']);
    before(sim, down, () => expect(roles(sim)[0]).toBe('leader'));
    vs = views(sim);
    expect([vs[0].role, vs[0].term]).toEqual(['follower', 2]);
    before(sim, replaced, () => expect(values(views(sim)[0].log)).toEqual([null, 'x=1', 'x=2']));
    expect(values(views(sim)[0].log)).toEqual([null, 'x=1', null, 'y=3', 'z=4']);
    sim.runUntil(until);
  },

  'raft-figure8-unsafe': (sim, { moments, until }) => {
    const [committed, crash, lc, overwritten, sms] = moments.map((m) => m.at);
    sim.runUntil(until);
    expect(said(sim, 'raft.commit.oldTermUnsafe', (_, e) => e.node === 1).map((s) => s.t)).toEqual([committed]);
    expect(happeningsAt(sim, crash)).toContain('crash S1');
    // Each checker fires first at its moment; S5 takes office at the first.
    const first = new Map<string, number>();
    for (const v of sim.violations) if (!first.has(v.invariant)) first.set(v.invariant, v.at);
    expect(Object.fromEntries(first)).toEqual({ 'Leader Completeness': lc, 'Committed Durability': overwritten, 'State Machine Safety': sms });
    expect(said(sim, 'raft.election.won').map((s) => `S${s.node}/t${s.params.term}@${s.t}`)).toEqual(['S1/t4@20', `S5/t5@${lc}`]);
    // The committed x=2 is replaced on S2, S3 and S4 at once.
    expect(said(sim, 'raft.append.truncateCommitted').map((s) => `S${s.node}@${s.t}`)).toEqual([2, 3, 4].map((n) => `S${n}@${overwritten}`));
  },

  'zab-leader-crash': (sim, { moments, until, scenario }) => {
    const [start, switched, diff, leads, trunc] = moments.map((m) => m.at);
    sim.runUntil(until);
    expect(said(sim, 'zab.election.start').map((s) => `S${s.node}:${s.params.zxid}@${s.t}`).slice(0, 2)).toEqual([`S1:0x7b@${start}`, `S3:0x7a@${start}`]);
    expect(said(sim, 'zab.vote.switch.zxid').map((s) => `S${s.node}->S${s.params.leader}@${s.t}`)).toEqual([`S3->S1@${switched}`]);
    expect(said(sim, 'zab.lead.sync.diff').map((s) => `S${s.params.to}@${s.t}`)).toEqual([`S3@${diff}`]);
    expect(said(sim, 'zab.lead.sync.trunc').map((s) => `S${s.params.to}:${s.params.theirZxid}@${s.t}`)).toEqual([`S2:0x7c@${trunc}`]);
    // S1 leads (the status line's "S1/e1") from exactly that moment.
    const again = createSimulation(scenario);
    before(again, leads, () => expect(leaderOf(again)).toBeNull());
    expect(leaderOf(again)).toBe('S1/e1');
  },

  'gossip-swim-crash': (sim, { moments, until }) => {
    const [crash, refute, pingReq, suspect, known] = moments.map((m) => m.at);
    sim.runUntil(until);
    const [failure] = metrics(sim).failures;
    expect(happeningsAt(sim, crash)).toContain('crash S7');
    expect(said(sim, 'gossip.refute').map((s) => `S${s.node}@${s.t}`)[0]).toBe(`S19@${refute}`);
    expect(said(sim, 'gossip.indirectProbe', (p, e) => p.target === 7 && e.t > crash).map((s) => `S${s.node}@${s.t}`)[0]).toBe(`S18@${pingReq}`);
    expect([failure.node, failure.firstSuspectedAt, failure.allLiveMembersKnowAt]).toEqual([7, suspect, known]);
    expect(said(sim, 'gossip.probeFailed', (p) => p.target === 7).map((s) => `S${s.node}@${s.t}`)).toEqual([`S18@${suspect}`]);
  },

  'gossip-rumor-100': (sim, { moments, until }) => {
    const [start, firstPush, half, all] = moments.map((m) => m.at);
    const informed = () => metrics(sim).informed;
    sim.runUntil(start);
    expect(informed()).toBe(1);
    before(sim, firstPush, () => expect(informed()).toBe(3));
    expect(informed()).toBe(4);
    expect(said(sim, 'gossip.informed').map((s) => s.params.from)).toEqual([1, 1, 1]);
    before(sim, half, () => expect(informed()).toBe(49));
    expect(informed()).toBe(50);
    sim.runUntil(until);
    expect(metrics(sim).convergedAt).toBe(all);
  },

  'gossip-two-dcs': (sim, { moments, until }) => {
    const [, diverged, , reconnect, agree] = moments.map((m) => m.at);
    const dc = (id: number) => (id <= 10 ? 0 : 1);
    const allDead = () =>
      views(sim).every((v, i) => Object.entries(v.members as Record<string, Json>).every(([id, m]) => dc(Number(id)) === dc(i + 1) || m.status === 'dead'));
    before(sim, diverged, () => expect(allDead()).toBe(false));
    expect(allDead()).toBe(true);
    sim.runUntil(until);
    expect(said(sim, 'gossip.reconnect', (p, e) => e.t > 60_000 && dc(p.member) !== dc(e.node))[0].t).toBe(reconnect);
    expect(metrics(sim).convergedAt).toBe(agree);
  },
};

describe('the scenario library', () => {
  it('has an entry for each scenario the issue lists, with unique kebab-case ids', () => {
    const idList = scenarioLibrary.map((e) => e.id);
    expect(new Set(idList).size).toBe(idList.length);
    for (const id of idList) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(idList.length).toBe(29);
    expect(Object.keys(checks).sort()).toEqual([...idList].sort());
  });

  it.each(scenarioLibrary.map((e) => [e.id, e] as const))('%s is valid, titled and noted in English and Chinese, and shares in under 2,000 characters', (_, entry) => {
    const result = parseScenario(JSON.parse(JSON.stringify(entry.scenario)));
    expect(result.ok ? [] : result.errors).toEqual([]);
    // Already canonical: validating it again changes not even its key order (libraryIdOf relies on it).
    expect(result.ok && JSON.stringify(result.scenario)).toBe(JSON.stringify(entry.scenario));
    expect(entry.scenario.protocol).toBe(entry.protocol);
    for (const text of [entry.title.en, entry.title.zh, entry.watch.en, entry.watch.zh]) {
      expect(text.trim()).toBe(text);
      expect(text.length).toBeGreaterThan(0);
      // Plain text: no markup, one line.
      expect(text).not.toMatch(/[<>\n`*]|&[a-z]+;/);
    }
    expect(entry.title.zh).toMatch(/\p{Script=Han}/u);
    expect(entry.watch.zh).toMatch(/\p{Script=Han}/u);
    expect(entry.title.en.length).toBeLessThanOrEqual(80);
    expect(shareHash(entry.scenario).length).toBeLessThan(SHARE_LINK_MAX_CHARS);
    const lastEvent = Math.max(0, ...(entry.scenario.events ?? []).map((e) => e.at));
    expect(entry.until).toBeGreaterThan(lastEvent);
    if (entry.compare) expect(findLibraryEntry(entry.compare)?.compare).toBe(entry.id);
    expect(libraryGroups.map((g) => g.id)).toContain(entry.group);
  });

  it('lists each picker group once, in order, and opens with the default scenario', () => {
    const order = scenarioLibrary.map((e) => e.group).filter((g, i, all) => i === 0 || all[i - 1] !== g);
    expect(order).toEqual(libraryGroups.map((g) => g.id));
    expect(scenarioLibrary.find((e) => e.protocol === 'raft')!.scenario).toBe(defaultScenario);
  });

  it.each(scenarioLibrary.map((e) => [e.id, e] as const))('%s shows its teaching outcome', (id, entry) => {
    const sim = createSimulation(entry.scenario, { recordTrace: true });
    checks[id](sim, entry);
    expect(sim.now).toBe(entry.until);
    const outcome = {
      ...(entry.protocol === 'gossip' ? {} : { leader: leaderOf(sim) }),
      violations: [...new Set(sim.violations.map((v) => v.invariant))],
    };
    expect(outcome).toEqual(entry.outcome);
  });

  it.each(scenarioLibrary.map((e) => [e.id, e] as const))('%s has 2 to 5 timeline moments, in order, labelled briefly in English and Chinese', (_, entry) => {
    const { moments, until } = entry;
    expect(moments.length).toBeGreaterThanOrEqual(2);
    expect(moments.length).toBeLessThanOrEqual(5);
    moments.forEach((m, i) => {
      expect(Number.isInteger(m.at)).toBe(true);
      expect(m.at).toBeGreaterThanOrEqual(0);
      expect(m.at).toBeLessThanOrEqual(until);
      if (i > 0) expect(m.at, `moment ${i + 1} after moment ${i}`).toBeGreaterThan(moments[i - 1].at);
      for (const text of [m.label.en, m.label.zh]) {
        expect(text.trim()).toBe(text);
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(80);
        expect(text).not.toMatch(/[<>\n`*]|&[a-z]+;/);
      }
      expect(m.label.zh).toMatch(/\p{Script=Han}/u);
    });
  });

  it.each(scenarioLibrary.map((e) => [e.id, e] as const))('%s: each moment is an instant where what its label says happens', (id, entry) => {
    const sim = createSimulation(entry.scenario, { recordTrace: true });
    sim.runUntil(entry.until);
    const evidence = momentEvidence[id];
    expect(evidence?.length, 'one piece of evidence per moment').toBe(entry.moments.length);
    entry.moments.forEach((m, i) => {
      const there = happeningsAt(sim, m.at);
      expect(there.length, `something happens at ${m.at} ms (${m.label.en})`).toBeGreaterThan(0);
      expect(there, `${m.label.en} at ${m.at} ms`).toContain(evidence[i]);
    });
  });

  it.each(Object.keys(momentClaims).map((id) => [id, findLibraryEntry(id)!] as const))('%s: its moments say what the run shows at those instants', (id, entry) => {
    const sim = createSimulation(entry.scenario, { recordTrace: true });
    momentClaims[id](sim, entry);
    expect(sim.now).toBe(entry.until);
  });
});
