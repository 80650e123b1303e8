import { describe, expect, it } from 'vitest';
import { gossipSimulation, metricsOf, viewOf } from './testkit';

const N = 20;
const others = (skip: number) => Array.from({ length: N }, (_, i) => i + 1).filter((id) => id !== skip);

describe('memberlist Leave and Join', () => {
  it('a node that leaves is marked left everywhere, which is not a failure; joining again brings it back', () => {
    const sim = gossipSimulation({
      nodes: N,
      seed: 5,
      events: [
        { at: 5000, do: 'leave', node: 4 },
        { at: 20_000, do: 'join', node: 4 },
      ],
    });
    sim.runUntil(15_000);
    for (const id of others(4)) expect(viewOf(sim, id, 4)?.status, `S${id}`).toBe('left');
    expect(sim.nodeViews()[3].left).toBe(true);
    let m = metricsOf(sim);
    expect(m.falsePositives.declarations).toBe(0);
    expect(m.membership.agree).toBe(true);

    sim.runUntil(35_000);
    for (const id of others(4)) expect(viewOf(sim, id, 4), `S${id}`).toEqual({ status: 'alive', incarnation: 1 });
    // The rejoined node learned the whole cluster from its seed.
    for (const id of others(4)) expect(viewOf(sim, 4, id)?.status).toBe('alive');
    m = metricsOf(sim);
    expect(m.membership.agree).toBe(true);
    expect(sim.violations).toEqual([]);
  });

  it('a restarted node starts empty, joins through a seed and refutes its old death', () => {
    const sim = gossipSimulation({
      nodes: N,
      seed: 6,
      events: [
        { at: 5000, do: 'crash', node: 3 },
        { at: 40_000, do: 'restart', node: 3 },
      ],
    });
    sim.runUntil(39_000);
    for (const id of others(3)) expect(viewOf(sim, id, 3)?.status).toBe('dead');
    sim.runUntil(60_000);
    for (const id of others(3)) {
      expect(viewOf(sim, id, 3)?.status, `S${id}'s view of S3`).toBe('alive');
      expect(viewOf(sim, id, 3)?.incarnation).toBeGreaterThanOrEqual(1);
      expect(viewOf(sim, 3, id)?.status, `S3's view of S${id}`).toBe('alive');
    }
    const m = metricsOf(sim);
    expect(m.membership.agree).toBe(true);
    expect(m.falsePositives.declarations).toBe(0);
  });

  it('a node that is down at start is declared dead, and joins when it boots', () => {
    const sim = gossipSimulation({ nodes: N, seed: 7, init: { '9': { up: false } }, events: [{ at: 30_000, do: 'restart', node: 9 }] });
    sim.runUntil(29_000);
    expect(metricsOf(sim).failures[0].allLiveMembersKnowAt).not.toBeNull();
    // It was never up, so declaring it dead was right.
    expect(metricsOf(sim).falsePositives.declarations).toBe(0);
    sim.runUntil(50_000);
    for (const id of others(9)) expect(viewOf(sim, id, 9)?.status).toBe('alive');
    expect(metricsOf(sim).membership.agree).toBe(true);
  });
});
