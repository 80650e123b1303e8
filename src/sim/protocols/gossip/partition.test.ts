import { describe, expect, it } from 'vitest';
import { exampleSimulation, metricsOf, viewOf } from './testkit';

const DC1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const DC2 = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20];

describe('Partitions between datacenters: views diverge, then converge after the heal', () => {
  const sim = exampleSimulation('gossip-partition-two-dcs.json');

  it('during the partition each datacenter declares the other dead and keeps itself alive', () => {
    sim.runUntil(50_000);
    for (const [mine, theirs] of [
      [DC1, DC2],
      [DC2, DC1],
    ]) {
      for (const o of mine) {
        for (const x of mine) expect(viewOf(sim, o, x)?.status, `S${o} on S${x}`).toBe('alive');
        for (const x of theirs) expect(viewOf(sim, o, x)?.status, `S${o} on S${x}`).toBe('dead');
      }
    }
    const m = metricsOf(sim);
    expect(m.membership.agree).toBe(false);
    expect(m.membership.wrongEntries).toBe(2 * 10 * 10);
    // A partition looks like failures from both sides: every node is a "false positive".
    expect(m.falsePositives.nodes).toHaveLength(20);
  });

  it('after the heal (60 s), reconnects and refutations bring every view back to all alive', () => {
    sim.runUntil(150_000);
    const m = metricsOf(sim);
    expect(m.membership.agree).toBe(true);
    expect(m.membership.convergedSince).toBeGreaterThan(60_000);
    // Each node was declared dead once and refuted it.
    for (let id = 1; id <= 20; id++) expect(viewOf(sim, 1, id)?.incarnation).toBeGreaterThanOrEqual(1);
    expect(sim.violations).toEqual([]);
  });
});
