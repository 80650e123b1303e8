import { describe, expect, it } from 'vitest';
import type { Checker, ClientReply, ClusterSnapshot } from '../../kernel/protocol';
import { acknowledgedWrites, committedDurability, electionSafety, leaderAppendOnly, leaderCompleteness, logMatching, stateMachineSafety } from './checkers';
import { FULL_SCAN_ENTRIES, ROTATING_ENTRIES, scanRanges, TAIL_ENTRIES } from './checkers/logScan';
import { truncateFrom } from './log';
import { bootNode } from './testHarness';
import type { LogEntry, RaftState } from './types';

/*
 * The checkers against hand-made clusters: states built as a buggy implementation could leave
 * them, to see each one fire with a message that says what broke (Raft Figure 3's properties).
 */

const entry = (term: number, value: string | null): LogEntry => ({ term, value });

function node(id: number, n: number, patch: Partial<RaftState>): RaftState {
  const { state } = bootNode(id, n);
  return Object.assign(state, patch);
}

function cluster(states: (RaftState | null)[], touched = 0): ClusterSnapshot<RaftState> {
  return { now: 0, states: [null, ...states], persisted: [], nodeCount: states.length, params: {}, touched, replies: [] };
}

/** Runs a checker over successive cluster pictures (one memory), returning all its reports. */
function run<M>(checker: Checker<RaftState, M>, ...pictures: ClusterSnapshot<RaftState>[]): string[] {
  const memory = checker.init();
  const reports: string[] = [];
  for (const c of pictures) checker.check(c, memory, (m) => reports.push(m));
  return reports;
}

function replying(picture: ClusterSnapshot<RaftState>, node: number, reply: ClientReply): ClusterSnapshot<RaftState> {
  return { ...picture, replies: [{ node, reply }] };
}

describe('Acknowledged Writes: a write its client was told is done is in every leader of its term or later', () => {
  const ok = (value: string, index: number, term: number): ClientReply => ({ client: 1, outcome: 'ok', value, index, term });

  it('a later leader without the acknowledged write is reported; one that holds it, or an older leader, is not', () => {
    const old = node(1, 3, { role: 'leader', term: 1, log: [entry(1, null)] });
    const holder = node(2, 3, { term: 2, log: [entry(1, null), entry(2, 'x=1')] });
    const lacking = node(3, 3, { term: 2, log: [entry(1, null)] });
    // S2 answers its client at index 2, term 2; S1, a leader of term 1, is not bound by it.
    const acked = replying(cluster([old, holder, lacking]), 2, ok('x=1', 2, 2));
    expect(run(acknowledgedWrites, acked)).toEqual([]);
    holder.role = 'leader';
    expect(run(acknowledgedWrites, acked, cluster([old, holder, lacking], 2))).toEqual([]);
    lacking.term = 3;
    lacking.role = 'leader';
    expect(run(acknowledgedWrites, acked, cluster([old, holder, lacking], 3))).toEqual([
      'S3, leader of term 3, lacks the write "x=1" its client was told is done at index 2 (term 2); its log ends at 1',
    ]);
    lacking.log.push(entry(3, 'y=2'));
    expect(run(acknowledgedWrites, acked, cluster([old, holder, lacking], 3))).toEqual([
      'S3, leader of term 3, lacks the write "x=1" its client was told is done at index 2 (term 2); it holds "y=2" of term 3 there',
    ]);
  });

  it('only "ok" replies count, and each leadership is compared once with each write', () => {
    const leader = node(1, 3, { role: 'leader', term: 4, log: [entry(4, null)] });
    const timedOut = replying(cluster([leader]), 1, { client: 2, outcome: 'timeout', value: 'z=9' });
    expect(run(acknowledgedWrites, timedOut, cluster([leader], 1))).toEqual([]);
    const memory = acknowledgedWrites.init();
    const reports: string[] = [];
    acknowledgedWrites.check(replying(cluster([leader]), 2, ok('w=1', 1, 3)), memory, (m) => reports.push(m));
    acknowledgedWrites.check(cluster([leader], 1), memory, (m) => reports.push(m));
    expect(reports).toHaveLength(1);
    expect(memory.checked[1]).toBe(1);
  });
});

describe('Raft Figure 3 properties, checked from outside the nodes', () => {
  it('§5.2 Election Safety: two leaders of one term', () => {
    const a = node(1, 3, { role: 'leader', term: 3 });
    const b = node(2, 3, { term: 3 });
    const c = node(3, 3, { term: 2 });
    const first = cluster([a, b, c]);
    b.role = 'leader';
    expect(run(electionSafety, first, cluster([a, b, c], 2))).toEqual(['S1 and S2 are both leaders in term 3']);
    expect(run(electionSafety, cluster([a, null, c]))).toEqual([]);
  });

  it('§5.3 Leader Append-Only: a leader that deletes or overwrites its own entries', () => {
    const a = node(1, 1, { role: 'leader', term: 2, log: [entry(1, 'x=1'), entry(2, 'x=2')] });
    const before = cluster([a]);
    const memory = leaderAppendOnly.init();
    const reports: string[] = [];
    leaderAppendOnly.check(before, memory, (m) => reports.push(m));
    truncateFrom(a, 2);
    a.log.push(entry(2, 'x=9'));
    leaderAppendOnly.check(cluster([a], 1), memory, (m) => reports.push(m));
    expect(reports).toEqual(['S1, leader of term 2, overwrote its entry at index 2: "x=2" of term 2 became "x=9" of term 2']);
    a.log[1] = entry(2, 'x=7');
    leaderAppendOnly.check(cluster([a], 1), memory, (m) => reports.push(m));
    expect(reports.at(-1)).toBe('S1, leader of term 2, overwrote its entry at index 2: "x=9" of term 2 became "x=7" of term 2');
    a.log.length = 1;
    leaderAppendOnly.check(cluster([a], 1), memory, (m) => reports.push(m));
    expect(reports.at(-1)).toBe('S1, leader of term 2, shortened its log from 2 to 1 entries');
  });

  it('§5.3 Leader Append-Only trusts no bookkeeping of the node: an entry below the last one changed in place', () => {
    const a = node(1, 1, { role: 'leader', term: 2, log: [entry(1, 'x=1'), entry(2, 'x=2'), entry(2, 'x=3')] });
    const memory = leaderAppendOnly.init();
    const reports: string[] = [];
    leaderAppendOnly.check(cluster([a]), memory, (m) => reports.push(m));
    // A buggy node mutating an entry in place (the type forbids it; a bug need not respect that).
    (a.log[1] as { value: string | null }).value = 'y=2';
    a.log.push(entry(2, 'x=4'));
    leaderAppendOnly.check(cluster([a], 1), memory, (m) => reports.push(m));
    expect(reports).toEqual(['S1, leader of term 2, overwrote its entry at index 2: "x=2" of term 2 became "y=2" of term 2']);
    // Appending is what a leader does: nothing more to report.
    a.log.push(entry(2, 'x=5'));
    leaderAppendOnly.check(cluster([a], 1), memory, (m) => reports.push(m));
    expect(reports).toHaveLength(1);
  });

  it('§5.3 Log Matching: same index and term but a different command, or a different history before it', () => {
    const a = node(1, 2, { log: [entry(1, 'x=1'), entry(2, 'x=2')] });
    const b = node(2, 2, { log: [entry(1, 'x=1'), entry(2, 'y=2')] });
    expect(run(logMatching, cluster([a, b]))).toEqual([
      'S1 and S2 both have an entry at index 2 in term 2, but S1\'s is "x=2" and S2\'s is "y=2"',
    ]);
    const c = node(2, 2, { log: [entry(2, 'x=0'), entry(2, 'x=2')] });
    expect(run(logMatching, cluster([a, c]))).toEqual([
      'S1 and S2 agree on index 2 (term 2) but not on the entry before it: index 1 has term 1 on S1 and term 2 on S2',
    ]);
  });

  it('§5.3 Log Matching re-checks what a log already held: a rewrite is seen though the node says nothing of it', () => {
    const a = node(1, 2, { log: [entry(1, 'x=1'), entry(1, 'x=2')] });
    const b = node(2, 2, { log: [entry(1, 'x=1')] });
    const memory = logMatching.init();
    const reports: string[] = [];
    logMatching.check(cluster([a, b]), memory, (m) => reports.push(m));
    truncateFrom(b, 1);
    b.log.push(entry(1, 'x=0'), entry(1, 'x=2'));
    logMatching.check(cluster([a, b], 2), memory, (m) => reports.push(m));
    expect(reports).toEqual(['S1 and S2 both have an entry at index 1 in term 1, but S1\'s is "x=1" and S2\'s is "x=0"']);
    // The same length, one entry replaced in place.
    a.log[1] = entry(1, 'z=2');
    logMatching.check(cluster([a, b], 1), memory, (m) => reports.push(m));
    expect(reports.at(-1)).toBe('S1\'s entry at index 2 in term 1 changed from "x=2" to "z=2"');
  });

  it('§5.4.3 State Machine Safety: two servers apply different commands at one index', () => {
    const a = node(1, 2, { log: [entry(1, 'x=1')], commitIndex: 1, lastApplied: 1 });
    const b = node(2, 2, { log: [entry(2, 'x=2')], commitIndex: 1, lastApplied: 1 });
    expect(run(stateMachineSafety, cluster([a, b]))).toEqual([
      'S1 applied "x=1" (term 1) at index 1, but S2 applied "x=2" (term 2) there',
    ]);
  });

  it('§5.4.3 State Machine Safety: stores that differ after the same number of applied entries', () => {
    // The logs agree now, but S2 applied another command before it repaired its log (in one step,
    // between two looks of the checker): only the stores still show it.
    const log = [entry(1, 'x=1'), entry(3, 'x=2')];
    const a = node(1, 2, { log: [...log], commitIndex: 2, lastApplied: 2, kv: new Map([['x', '2']]) });
    const b = node(2, 2, { log: [...log], commitIndex: 2, lastApplied: 2, kv: new Map([['x', '1'], ['y', '9']]) });
    expect(run(stateMachineSafety, cluster([a, b]))).toEqual(['S1 and S2 have both applied 2 entries, but their stores differ: {x=2} on S1, {x=1, y=9} on S2']);
    // The same store in another insertion order is the same store.
    const c = node(2, 2, { log: [...log], commitIndex: 2, lastApplied: 2, kv: new Map([['y', '9'], ['x', '2']]) });
    const d = node(1, 2, { log: [...log], commitIndex: 2, lastApplied: 2, kv: new Map([['x', '2'], ['y', '9']]) });
    expect(run(stateMachineSafety, cluster([d, c]))).toEqual([]);
  });

  it('§5.4 Leader Completeness: a leader of a later term without a committed entry', () => {
    const a = node(1, 2, { term: 2, role: 'leader', log: [entry(2, 'x=1')], commitIndex: 1, lastApplied: 1 });
    const b = node(2, 2, { term: 2, log: [] });
    const first = cluster([a, b]);
    const a2 = node(1, 2, { term: 2, log: [entry(2, 'x=1')] });
    const b2 = node(2, 2, { term: 3, role: 'leader', log: [entry(3, null)] });
    expect(run(leaderCompleteness, first, cluster([a2, b2]))).toEqual([
      'S2 became leader of term 3 without the entry committed at index 1 ("x=1", term 2, committed in term 2)',
    ]);
  });

  it('a healthy cluster reports nothing', () => {
    const log = [entry(1, null), entry(1, 'x=1')];
    const states = [node(1, 3, { role: 'leader', term: 1, log: [...log], commitIndex: 2, lastApplied: 2 }), node(2, 3, { term: 1, log: [...log], commitIndex: 2, lastApplied: 2 }), node(3, 3, { term: 1, log: [log[0]] })];
    for (const checker of [electionSafety, leaderAppendOnly, logMatching, leaderCompleteness, stateMachineSafety] as Checker<RaftState, unknown>[]) {
      expect(run(checker, cluster(states)), checker.invariant).toEqual([]);
    }
  });
});

describe('Committed Durability, from the logs alone', () => {
  const log3 = () => [entry(1, 'x=1'), entry(1, 'x=2'), entry(1, 'x=3')];

  it('a node that counts more entries committed than it holds', () => {
    expect(run(committedDurability, cluster([node(1, 1, { log: log3(), commitIndex: 4 })]))).toEqual(['S1 counts 4 entries as committed but holds only 3']);
  });

  it('a committed entry overwritten in place, even below the last entry (Leader Append-Only looks only at the end)', () => {
    const a = node(1, 2, { role: 'leader', term: 1, log: log3(), commitIndex: 3 });
    const before = cluster([a, node(2, 2, { log: log3() })]);
    const changed = structuredClone(a);
    changed.log[1] = entry(1, 'y=2');
    expect(run(committedDurability, before, cluster([changed, before.states[2]], 1))).toEqual(['S1 replaced the committed entry at index 2: "x=2" of term 1 became "y=2" of term 1']);
  });

  it('a committed entry that vanishes from a log that held it, also across a crash and restart', () => {
    const a = node(1, 2, { log: log3(), commitIndex: 3 });
    const b = node(2, 2, { log: log3(), commitIndex: 0 });
    const restarted = node(2, 2, { log: log3().slice(0, 1), commitIndex: 0 });
    expect(run(committedDurability, cluster([a, b]), cluster([a, null]), cluster([a, restarted]))).toEqual([
      'S2 lost the committed entry at index 2 ("x=2", term 1): its log has 1 entries',
    ]);
  });

  it('a follower with a stale entry at a committed index it has not caught up to is fine; once it holds the committed one, it must keep it', () => {
    const leader = node(1, 2, { role: 'leader', term: 2, log: [entry(1, 'x=1'), entry(2, 'x=2')], commitIndex: 2 });
    const stale = node(2, 2, { term: 2, log: [entry(1, 'x=1'), entry(1, 'old')] });
    const caughtUp = node(2, 2, { term: 2, log: [entry(1, 'x=1'), entry(2, 'x=2')] });
    const broken = node(2, 2, { term: 2, log: [entry(1, 'x=1'), entry(1, 'old')] });
    expect(run(committedDurability, cluster([leader, stale]), cluster([leader, caughtUp]))).toEqual([]);
    expect(run(committedDurability, cluster([leader, stale]), cluster([leader, caughtUp]), cluster([leader, broken], 2))).toEqual([
      'S2 replaced the committed entry at index 2: "x=2" of term 2 became "old" of term 1',
    ]);
  });
});

describe('long logs: each check compares a bounded part of the log, and still sees every change', () => {
  const long = (n: number) => Array.from({ length: n }, (_, i) => entry(1, `x=${i + 1}`));

  it('scanRanges: short logs whole; long ones the newest entries and, with a cursor, older ones in turn until all were seen', () => {
    expect(scanRanges(FULL_SCAN_ENTRIES, null, 1)).toMatchObject({ olderTo: 0, tailFrom: 1, tailTo: FULL_SCAN_ENTRIES });
    expect(scanRanges(1000, null, 1)).toMatchObject({ olderFrom: 1, olderTo: 0, tailFrom: 1000 - TAIL_ENTRIES + 1, tailTo: 1000 });
    const cursor: number[] = [];
    const seen = new Set<number>();
    const older = 1000 - TAIL_ENTRIES;
    for (let k = 0; k < Math.ceil(older / ROTATING_ENTRIES); k++) {
      const r = scanRanges(1000, cursor, 2);
      for (let i = r.olderFrom; i <= r.olderTo; i++) seen.add(i);
    }
    expect(seen.size).toBe(older);
    // …and then it starts over.
    expect(scanRanges(1000, cursor, 2).olderFrom).toBe(1);
  });

  it('a change among the newest entries of a 1,000-entry log is reported at once by all three log checkers', () => {
    const leader = () => node(1, 2, { role: 'leader', term: 1, log: long(1000), commitIndex: 1000 });
    const before = leader();
    const after = leader();
    after.log[996] = entry(1, 'y');
    const pictures = [cluster([before, node(2, 2, { log: long(1000) })]), cluster([after, node(2, 2, { log: long(1000) })], 1)];
    expect(run(leaderAppendOnly, ...pictures)).toEqual(['S1, leader of term 1, overwrote its entry at index 997: "x=997" of term 1 became "y" of term 1']);
    expect(run(logMatching, ...pictures)).toEqual(['S1\'s entry at index 997 in term 1 changed from "x=997" to "y"']);
    expect(run(committedDurability, ...pictures)).toEqual(['S1 replaced the committed entry at index 997: "x=997" of term 1 became "y" of term 1']);
  });

  it('a committed entry changed deep in a long log is reported within length / ROTATING_ENTRIES checks of that node', () => {
    const a = node(1, 1, { log: long(1000), commitIndex: 1000 });
    const memory = committedDurability.init();
    const reports: string[] = [];
    committedDurability.check(cluster([a]), memory, (m) => reports.push(m));
    a.log[9] = entry(1, 'y');
    let checks = 0;
    while (reports.length === 0 && checks < 1000) {
      committedDurability.check(cluster([a], 1), memory, (m) => reports.push(m));
      checks++;
    }
    expect(reports).toEqual(['S1 replaced the committed entry at index 10: "x=10" of term 1 became "y" of term 1']);
    expect(checks).toBeLessThanOrEqual(Math.ceil(1000 / ROTATING_ENTRIES));
  });
});
