import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineMarker } from '../../worker/timeline';
import { i18n, loadLanguage } from '../i18n';
import { bandLabel, bandTitle, clusterName, markerName, markerWhat, momentName, partitionGroups } from './markerText';

// The Chinese table loads on demand (the page's first paint does not need it).
beforeAll(() => loadLanguage('zh'));

const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh');
const raft = { protocol: 'raft' as const, nodeCount: 5 };
const zab = { protocol: 'zab' as const, nodeCount: 5 };
const marker = (m: Partial<TimelineMarker> & Pick<TimelineMarker, 'kind'>): TimelineMarker => ({ at: 225, events: 40, node: 0, user: false, ...m });

describe('marker descriptions', () => {
  it('say who won or lost which term (Raft) or epoch (ZooKeeper), with the time', () => {
    expect(markerName(en, marker({ kind: 'won', node: 3, term: 1 }), raft)).toBe('0.225 s: S3 wins term 1');
    expect(markerWhat(en, marker({ kind: 'won', node: 2, term: 1 }), zab)).toBe('S2 leads epoch 1');
    expect(markerWhat(en, marker({ kind: 'lost', node: 3, term: 4 }), raft)).toBe('S3 no longer leads (term 4): no leader');
    expect(markerWhat(en, marker({ kind: 'lost', node: 3, term: 4 }), zab)).toBe('S3 no longer leads (epoch 4): no leader');
  });
  it('name faults and network changes; partitions list every group, the unlisted nodes last', () => {
    expect(markerWhat(en, marker({ kind: 'crash', node: 4, action: { at: 225, do: 'crash', node: 4 } }), raft)).toBe('S4 crashes');
    expect(markerWhat(en, marker({ kind: 'restart', node: 4 }), raft)).toBe('S4 restarts');
    expect(markerWhat(en, marker({ kind: 'pause', node: 1 }), raft)).toBe('S1 freezes (its timers and inbox wait)');
    expect(markerWhat(en, marker({ kind: 'resume', node: 1 }), raft)).toBe('S1 resumes');
    expect(markerWhat(en, marker({ kind: 'partition', action: { at: 0, do: 'partition', groups: [[1, 2], [3, 4, 5]] } }), raft)).toBe('Partition S1 S2 | S3 S4 S5');
    expect(markerWhat(en, marker({ kind: 'cut', action: { at: 0, do: 'cut', from: 2, to: 5 } }), raft)).toBe('Link S2 → S5 cut');
    expect(markerWhat(en, marker({ kind: 'heal', action: { at: 0, do: 'heal' } }), raft)).toBe('Network healed');
    expect(partitionGroups([[3]], 5)).toBe('S3 | S1 S2 S4 S5');
    expect(partitionGroups([[1, 2, 3], [4, 5, 6]], 6)).toBe('S1 S2 S3 | S4 S5 S6');
    // Long runs shorten (a gossip cluster's two datacenters).
    expect(partitionGroups([Array.from({ length: 10 }, (_, i) => i + 1)], 20)).toBe('S1–S10 | S11–S20');
    expect(partitionGroups([[9, 1, 2, 3, 4, 7]], 9)).toBe('S1–S4 S7 S9 | S5 S6 S8');
  });
  it('pick the words of other actions by what they do, and fall back to "Action"', () => {
    const action = (a: NonNullable<TimelineMarker['action']>) => markerWhat(en, marker({ kind: 'action', node: a.node ?? 0, action: a }), raft);
    expect(action({ at: 0, do: 'timeout', node: 2 })).toBe('S2 times out');
    expect(action({ at: 0, do: 'request', node: 1, value: 'x=1' })).toBe('Client request x=1 to S1');
    expect(action({ at: 0, do: 'drop', message: 17 })).toBe('Message #17 dropped');
    expect(action({ at: 0, do: 'set', params: { heartbeatInterval: 50 } })).toBe('Settings change');
    expect(action({ at: 0, do: 'rumor', node: 1 })).toBe('S1 starts a rumor');
    expect(action({ at: 0, do: 'join', node: 9 })).toBe('S9 joins');
    expect(action({ at: 0, do: 'leave', node: 9 })).toBe('S9 leaves');
    expect(action({ at: 0, do: 'teleport', node: 9 })).toBe('Action');
  });
  it('violations name the invariant', () => {
    expect(markerWhat(en, marker({ kind: 'violation', invariant: 'ElectionSafety', message: 'two leaders' }), raft)).toBe('Violation: ElectionSafety');
  });
  it('mark the user’s own actions', () => {
    const crash = marker({ kind: 'crash', node: 3, at: 300, user: true, action: { at: 300, do: 'crash', node: 3 } });
    expect(markerName(en, crash, raft)).toBe('0.300 s: You: S3 crashes');
    expect(markerName(zh, crash, raft)).toBe('0.300 s：你：S3 宕机');
  });
  it('speak Chinese in 中文', () => {
    expect(markerName(zh, marker({ kind: 'won', node: 3, term: 1 }), raft)).toBe('0.225 s：S3 赢得任期 1 的选举');
  });
});

describe('moments, clusters and bands', () => {
  it('moments read as what to watch', () => {
    expect(momentName(en, 175, 'S3 times out first, runs for term 1')).toBe('0.175 s: Watch: S3 times out first, runs for term 1');
  });
  it('clusters say how many marks and where', () => {
    expect(clusterName(en, 3, 175, 246)).toBe('3 marks from 0.175 s to 0.246 s: look closer');
  });
  it('bands are labelled by leader and term or epoch', () => {
    expect(bandLabel(en, 3, 1, 'raft')).toBe('S3 · t1');
    expect(bandLabel(en, 2, 1, 'zab')).toBe('S2 · e1');
    expect(bandLabel(zh, 3, 1, 'raft')).toBe('S3 · 任期 1');
    expect(bandTitle(en, 3, 1, 'raft')).toBe('S3 leads, term 1');
  });
});

describe('marker names never take a control’s name', () => {
  // Contract 3 selects buttons by name (Play, Pause, Step, Reset, Share), and a name matches as a
  // substring: a marker called "S1 is paused" would make `{ name: 'Pause' }` ambiguous.
  const CONTROL_WORDS = /play|pause|step|reset|share/i;
  it('holds for every marker kind, the cluster name and every library moment', async () => {
    const { en: strings } = await import('../i18n/en');
    const { scenarioLibrary } = await import('../../sim/scenario/library');
    const texts = [...Object.values(strings.timeline.kinds), strings.timeline.cluster, strings.timeline.you, strings.timeline.byYou];
    for (const entry of scenarioLibrary) for (const m of entry.moments) texts.push(m.label.en);
    expect(texts.filter((text) => CONTROL_WORDS.test(text))).toEqual([]);
  });
});
