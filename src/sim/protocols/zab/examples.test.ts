import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../create';
import { leaderOf, loadExample } from './testkit';

/**
 * What each example in examples/zab-*.json shows when `npm run sim -- run` ends (10 s after its
 * last event): the established leader and epoch ("none" if nobody leads), each server's state,
 * how many transactions each has committed, and the invariants broken.
 */
const expected: Record<string, { leader: string; states: string[]; committed: number[]; violations: string[] }> = {
  'zab-startup': { leader: 'S2/e1', states: ['following', 'leading', 'following'], committed: [2, 2, 2], violations: [] },
  'zab-runtime': { leader: 'S1/e1', states: ['leading', 'following', 'following'], committed: [124, 124, 124], violations: [] },
  'zab-five-equal': { leader: 'S5/e2', states: ['following', 'following', 'following', 'following', 'leading'], committed: [8, 8, 8, 8, 8], violations: [] },
  'zab-two-rooms-5': {
    leader: 'S3/e2',
    states: ['following', 'following', 'leading', 'looking', 'looking'],
    committed: [2, 2, 2, 1, 1],
    violations: [],
  },
  'zab-two-rooms-6': { leader: 'none', states: Array(6).fill('looking'), committed: [1, 1, 1, 1, 1, 1], violations: [] },
  'zab-unsafe-half-quorum': {
    leader: 'S3/e1',
    states: ['following', 'following', 'leading', 'following', 'following', 'leading'],
    committed: [1, 1, 1, 1, 1, 1],
    violations: ['Leadership', 'Prefix Consistency'],
  },
  'zab-write-survives-crash': { leader: 'S2/e2', states: ['following', 'leading', 'following'], committed: [2, 2, 2], violations: [] },
  'zab-old-leader-fenced': {
    leader: 'S4/e2',
    states: ['following', 'following', 'following', 'leading', 'following'],
    committed: [1, 1, 1, 1, 1],
    violations: [],
  },
  'zab-observer': { leader: 'none', states: ['down', 'down', 'looking', 'looking'], committed: [0, 0, 1, 1], violations: [] },
};

const files = readdirSync(new URL('../../../../examples/', import.meta.url))
  .filter((f) => f.startsWith('zab-') && f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

describe('examples/zab-*.json', () => {
  it('every example is listed here (and every listed one exists)', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s validates and, at the end of `run`, shows what its description says', (name) => {
    const scenario = loadExample(name);
    const sim = createSimulation(scenario);
    const last = Math.max(0, ...(scenario.events ?? []).map((e) => e.at));
    sim.runUntil(last + 10_000);
    const views = sim.nodeViews();
    expect({
      leader: leaderOf(sim),
      states: views.map((v) => (v.up ? v.state : 'down')),
      committed: views.map((v) => (v.committed as number[]).length),
      violations: [...new Set(sim.violations.map((v) => v.invariant))],
    }).toEqual(expected[name]);
  });
});
