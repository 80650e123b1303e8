import { describe, expect, it } from 'vitest';
import { renderNarration } from '../../narration/render';
import { fuzz } from '../../fuzz/runner';
import { gossipFuzzTarget } from './fuzzTarget';
import { gossipTemplates } from './narration';
import { gossipSimulation } from './testkit';

describe('narration', () => {
  it('every gossip line renders with all its placeholders filled', () => {
    const seen = new Set<string>();
    const runs = [
      gossipSimulation(
        {
          nodes: 10,
          seed: 8,
          network: { latency: [5, 20], loss: 0.05 },
          params: { reconnectInterval: 10_000 },
          events: [
            { at: 1000, do: 'rumor', node: 2 },
            { at: 1500, do: 'rumor', node: 2 },
            { at: 3000, do: 'crash', node: 3 },
            { at: 4000, do: 'leave', node: 4 },
            { at: 4500, do: 'leave', node: 4 },
            { at: 5000, do: 'partition', groups: [[1, 2, 5]] },
            { at: 25_000, do: 'heal' },
            { at: 30_000, do: 'restart', node: 3 },
            { at: 32_000, do: 'join', node: 4 },
            { at: 40_000, do: 'join', node: 6 },
          ],
        },
        { recordTrace: true },
      ),
      gossipSimulation(
        { nodes: 10, params: { mode: 'rumor', spread: 'pushpull' }, events: [{ at: 0, do: 'rumor', node: 1 }, { at: 10, do: 'join', node: 2 }] },
        { recordTrace: true },
      ),
    ];
    for (const sim of runs) {
      sim.runUntil(80_000);
      for (const e of sim.traceLog ?? []) {
        if (e.k !== 'narrate' || !e.key.startsWith('gossip.')) continue;
        seen.add(e.key);
        const text = renderNarration(e.key, e.params);
        expect(text, e.key).not.toMatch(/\?|\{\{|undefined|NaN/);
        expect(text.startsWith('S'), text).toBe(true);
      }
    }
    // Most of the table shows up in these two runs; the rest is covered by the other tests.
    expect(seen.size).toBeGreaterThan(Object.keys(gossipTemplates).length / 2);
  });
});

describe('swarm fuzzing (fuzz --protocol gossip)', () => {
  it('healed clusters settle and no invariant breaks over 40 seeds', () => {
    const report = fuzz(gossipFuzzTarget, 40, 1);
    expect(report.failures.map((f) => `seed ${f.seed}: ${f.unsettled ?? ''} ${JSON.stringify(f.violations)}`)).toEqual([]);
  });
});
