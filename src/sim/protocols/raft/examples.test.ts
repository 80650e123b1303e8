import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../create';
import { loadExample } from './testHarness';

/** What each example in examples/raft-*.json shows at 5 s of virtual time (leader/term, terms, commit indices, invariants broken). */
const expected: Record<string, { leader: string; terms: number[]; commit: number[]; violations: string[] }> = {
  'raft-first-election': { leader: 'S2/t1', terms: [1, 1, 1, 1, 1], commit: [3, 3, 3, 3, 3], violations: [] },
  'raft-leader-crash': { leader: 'S3/t2', terms: [2, 2, 2, 2, 2], commit: [6, 6, 6, 6, 6], violations: [] },
  'raft-split-brain-5': { leader: 'S5/t2', terms: [2, 2, 2, 2, 2], commit: [5, 5, 5, 5, 5], violations: [] },
  'raft-split-brain-6': { leader: 'S1/t1', terms: [1, 1, 1, 20, 21, 21], commit: [2, 2, 2, 2, 2, 2], violations: [] },
  'raft-split-brain-6-checkquorum': { leader: 'none', terms: [1, 1, 1, 1, 1, 1], commit: [2, 2, 2, 2, 2, 2], violations: [] },
  'raft-even-tie-fixed': { leader: 'none', terms: [33, 33, 33, 33], commit: [0, 0, 0, 0], violations: [] },
  'raft-even-tie-randomized': { leader: 'S1/t1', terms: [1, 1, 1, 1], commit: [1, 1, 1, 1], violations: [] },
  'raft-prevote-rejoin': { leader: 'S1/t1', terms: [1, 1, 1, 1, 1], commit: [2, 2, 2, 2, 2], violations: [] },
  'raft-figure7': { leader: 'S1/t8', terms: [8, 8, 8, 8, 8, 8, 8], commit: [11, 11, 11, 11, 11, 11, 11], violations: [] },
  'raft-figure8-safe': { leader: 'S5/t5', terms: [4, 5, 5, 5, 5], commit: [0, 0, 0, 0, 0], violations: [] },
  'raft-figure8-unsafe': {
    leader: 'S5/t5',
    terms: [4, 5, 5, 5, 5],
    commit: [0, 2, 2, 2, 2],
    violations: ['Leader Completeness', 'Committed Durability', 'State Machine Safety'],
  },
  'raft-unsafe-quorum-half': {
    leader: 'S1/t1',
    terms: [1, 1, 1, 1],
    commit: [2, 2, 2, 2],
    violations: ['Election Safety', 'Log Matching', 'Acknowledged Writes', 'State Machine Safety'],
  },
  'raft-unsafe-vote-without-log-check': {
    leader: 'S3/t2',
    terms: [1, 2, 2],
    commit: [0, 2, 1],
    violations: ['Leader Completeness', 'Acknowledged Writes', 'Committed Durability', 'State Machine Safety'],
  },
  'raft-unsafe-forget-vote': { leader: 'S1/t1', terms: [1, 1, 1], commit: [0, 0, 0], violations: ['Election Safety'] },
  'raft-unsafe-stale-votes': { leader: 'S1/t2', terms: [2, 2, 2], commit: [1, 1, 1], violations: ['Election Safety'] },
  'raft-unsafe-skip-prev-log-term': { leader: 'S1/t4', terms: [4, 4, 4], commit: [3, 3, 3], violations: ['Log Matching', 'State Machine Safety'] },
  'raft-unsafe-commit-short': { leader: 'S2/t2', terms: [2, 2, 2], commit: [2, 2, 2], violations: ['Leader Completeness', 'State Machine Safety', 'Acknowledged Writes', 'Committed Durability'] },
  'raft-unsafe-commit-beyond-last-new': { leader: 'S1/t4', terms: [4, 4, 4], commit: [3, 3, 3], violations: ['State Machine Safety'] },
  'raft-unsafe-ack-before-commit': { leader: 'S2/t2', terms: [2, 2, 2], commit: [2, 2, 2], violations: ['Acknowledged Writes'] },
  'raft-unsafe-overwrite-committed': {
    leader: 'S2/t2',
    terms: [2, 2, 2],
    commit: [1, 1, 1],
    violations: ['Leader Append-Only', 'Log Matching', 'Committed Durability', 'State Machine Safety'],
  },
};

const files = readdirSync(new URL('../../../../examples/', import.meta.url))
  .filter((f) => f.startsWith('raft-') && f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

describe('examples/raft-*.json', () => {
  it('every example is listed here (and every listed one exists)', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s validates and shows what its description says', (name) => {
    const sim = createSimulation(loadExample(name));
    sim.runUntil(5000);
    const leader = sim.protocol.leader?.(sim.snapshot() as never) ?? null;
    const views = sim.nodeViews();
    expect({
      leader: leader ? `S${leader.id}/t${leader.term}` : 'none',
      terms: views.map((v) => v.term),
      commit: views.map((v) => v.commitIndex),
      violations: [...new Set(sim.violations.map((v) => v.invariant))],
    }).toEqual(expected[name]);
  });
});
