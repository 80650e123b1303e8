import { describe, expect, it } from 'vitest';
import { renderNarration } from '../../narration/render';
import { gossipSimulation, type GossipScenarioInput } from './testkit';

const swim: GossipScenarioInput = {
  nodes: 30,
  seed: 21,
  network: { latency: [5, 20], loss: 0.1 },
  events: [
    { at: 3000, do: 'rumor', node: 2 },
    { at: 5000, do: 'crash', node: 7 },
    { at: 9000, do: 'leave', node: 8 },
    { at: 20_000, do: 'restart', node: 7 },
  ],
};
const rumor: GossipScenarioInput = { nodes: 500, seed: 3, params: { mode: 'rumor', spread: 'pushpull' }, events: [{ at: 100, do: 'rumor', node: 9 }] };

describe('determinism (ARCHITECTURE principle 1): same scenario and seed, same trace', () => {
  for (const [name, input] of [
    ['swim', swim],
    ['rumor', rumor],
  ] as const) {
    it(`${name}: two runs agree bit for bit; another seed differs`, () => {
      const a = gossipSimulation(input);
      const b = gossipSimulation(input);
      a.runUntil(30_000);
      b.runUntil(30_000);
      expect(a.traceHash()).toBe(b.traceHash());
      expect(JSON.stringify(a.nodeViews())).toBe(JSON.stringify(b.nodeViews()));
      const c = gossipSimulation({ ...input, seed: (input.seed ?? 1) + 1 });
      c.runUntil(30_000);
      expect(c.traceHash()).not.toBe(a.traceHash());
    });
  }

  it('time travel: seeking back to a checkpoint and forward again replays the same trace', () => {
    const sim = gossipSimulation(swim, { checkpointEvery: 400 });
    sim.runUntil(30_000);
    const hash = sim.traceHash();
    const views = JSON.stringify(sim.nodeViews());
    sim.seek(6000);
    expect(sim.traceHash()).not.toBe(hash);
    sim.seek(30_000);
    expect(sim.traceHash()).toBe(hash);
    expect(JSON.stringify(sim.nodeViews())).toBe(views);
  });

  it('a user action replays exactly as the same event written in the scenario', () => {
    const scripted = gossipSimulation({ ...swim, events: [...swim.events!, { at: 12_000, do: 'crash', node: 11 }] });
    scripted.runUntil(25_000);
    const live = gossipSimulation(swim, { checkpointEvery: 300 });
    live.runUntil(12_000);
    live.act({ do: 'crash', node: 11 });
    live.runUntil(25_000);
    expect(live.traceHash()).toBe(scripted.traceHash());
  });
});

describe('golden transcript (reviewed as a diff)', () => {
  it('8 nodes, S3 crashes at 2 s: probe, ping-req, suspicion, confirmations, death', async () => {
    const sim = gossipSimulation(
      { nodes: 8, seed: 1, network: { latency: [5, 20] }, events: [{ at: 2000, do: 'crash', node: 3 }] },
      { recordTrace: true },
    );
    sim.runUntil(20_000);
    const lines = (sim.traceLog ?? [])
      .filter((e) => e.k === 'narrate')
      .map((e) => (e.k === 'narrate' ? `${String(e.t).padStart(6)}  ${renderNarration(e.key, e.params)}` : ''));
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./__golden__/swim-crash-8-nodes.txt');
  });
});
