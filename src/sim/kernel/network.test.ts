import { describe, expect, it } from 'vitest';
import { Simulation, type ExternalEvent } from './simulation';
import { probeProtocol } from './testing/probeProtocol';
import type { TraceEvent } from './trace';

function run(events: ExternalEvent[], network = {}, nodes = 3, until = 1000) {
  const sim = new Simulation(probeProtocol, { nodes, seed: 9, network, events }, { recordTrace: true });
  sim.runUntil(until);
  const log = sim.traceLog as TraceEvent[];
  return {
    sim,
    delivered: log.filter((e) => e.k === 'deliver').map((e) => (e.k === 'deliver' ? `${e.from}->${e.to}` : '')),
    drops: log.filter((e) => e.k === 'drop').map((e) => (e.k === 'drop' ? `${e.from}->${e.to}:${e.reason}` : '')),
    log,
  };
}

const send = (at: number, from: number, to: number, tag = 'm'): ExternalEvent => ({ at, do: 'request', node: from, value: `send:${to}:${tag}` });

describe('network model', () => {
  it('delivers after a latency drawn from the link range', () => {
    const { log } = run([send(100, 1, 2), send(100, 1, 3), send(100, 2, 3)], { latency: [20, 40] });
    const arrivals = log.filter((e) => e.k === 'deliver').map((e) => e.t - 100);
    expect(arrivals).toHaveLength(3);
    for (const d of arrivals) {
      expect(d).toBeGreaterThanOrEqual(20);
      expect(d).toBeLessThanOrEqual(40);
    }
  });

  it('reorders messages as a consequence of latency', () => {
    const events = Array.from({ length: 30 }, (_, i) => send(100 + i, 1, 2, `m${i}`));
    const { sim } = run(events, { latency: [1, 100] });
    const received = (sim.stateOf(2) as { log: string[] }).log.map((l) => Number(l.split(' ')[1].slice(1)));
    expect(received).toHaveLength(30);
    expect(received).not.toEqual([...received].sort((a, b) => a - b));
  });

  it('partitions cut links between groups both ways; unlisted nodes form one more group', () => {
    const { delivered, drops } = run([
      { at: 10, do: 'partition', groups: [[1], [2]] },
      send(20, 1, 2),
      send(20, 2, 1),
      send(20, 1, 3),
      send(20, 2, 3),
      { at: 30, do: 'partition', groups: [[1]] },
      send(40, 2, 3),
      send(40, 3, 1),
    ]);
    expect(drops.sort()).toEqual(['1->2:partition', '1->3:partition', '2->1:partition', '2->3:partition', '3->1:partition'].sort());
    expect(delivered).toEqual(['2->3']);
  });

  it('a one-way cut drops one direction only, and heal restores every link', () => {
    const { delivered, drops } = run([
      { at: 10, do: 'cut', from: 1, to: 2 },
      send(20, 1, 2),
      send(20, 2, 1),
      { at: 100, do: 'heal' },
      send(200, 1, 2),
    ]);
    expect(drops).toEqual(['1->2:cut']);
    expect(delivered.sort()).toEqual(['1->2', '2->1']);
  });

  it('loses a message in flight when its link is cut before it arrives', () => {
    const { delivered, drops, log } = run([send(100, 1, 2), { at: 105, do: 'partition', groups: [[1]] }], { latency: [50, 50] });
    expect(delivered).toEqual([]);
    expect(drops).toEqual(['1->2:partition']);
    expect(log.find((e) => e.k === 'drop')?.t).toBe(150);
  });

  it('drops a share of messages given by the loss probability, and duplicates by the duplicate one', () => {
    const events = Array.from({ length: 400 }, (_, i) => send(i, 1, 2));
    const lossy = run(events, { loss: 0.3 }, 3, 2000);
    const lost = lossy.drops.filter((d) => d.endsWith(':loss')).length;
    expect(lost / 400).toBeGreaterThan(0.22);
    expect(lost / 400).toBeLessThan(0.38);
    const dup = run(events, { duplicate: 1 }, 3, 2000);
    expect(dup.delivered).toHaveLength(800);
  });

  it('applies `set` network changes from their time on', () => {
    const { drops } = run([send(10, 1, 2), { at: 50, do: 'set', network: { loss: 1 } }, send(60, 1, 2)]);
    expect(drops).toEqual(['1->2:loss']);
  });
});

describe('dropping a message in flight', () => {
  it('loses exactly that message when it would arrive, and replays the same way', () => {
    const events: ExternalEvent[] = [send(100, 1, 2, 'a'), send(100, 1, 3, 'b'), { at: 110, do: 'drop', message: 1 }];
    const first = run(events, { latency: [30, 30] });
    expect(first.drops).toEqual(['1->2:user']);
    expect(first.delivered).toEqual(['1->3']);
    const again = run(events, { latency: [30, 30] });
    expect(again.sim.traceHash()).toBe(first.sim.traceHash());
  });

  it('is listed in flight with its send and arrival times until then', () => {
    const sim = new Simulation(probeProtocol, { nodes: 3, seed: 1, network: { latency: [30, 30] }, events: [send(100, 1, 2, 'a'), { at: 110, do: 'drop', message: 1 }] });
    sim.runUntil(120);
    expect(sim.inFlight()).toEqual([{ from: 1, to: 2, id: 1, msg: { type: 'probe', tag: 'a' }, sentAt: 100, arrivesAt: 130, dropped: true }]);
  });
});

describe('timer deadlines', () => {
  it('are visible while pending and gone once fired or cancelled', () => {
    const sim = new Simulation(probeProtocol, { nodes: 2, seed: 1, events: [{ at: 10, do: 'request', node: 1, value: 'timer:t:50' }, { at: 10, do: 'request', node: 1, value: 'timer:u:20' }] });
    sim.runUntil(15);
    expect(sim.timersOf(1)).toEqual([{ name: 'u', due: 30 }, { name: 't', due: 60 }]);
    sim.runUntil(40);
    expect(sim.timersOf(1)).toEqual([{ name: 't', due: 60 }]);
  });
});
