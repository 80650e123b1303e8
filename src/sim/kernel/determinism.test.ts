import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floodProtocol } from '../protocols/flood/flood';
import { Simulation, type ExternalEvent, type SimulationInput } from './simulation';
import { encodeTraceEvent } from './trace';

const scenario = (nodes: number, seed: number, events: ExternalEvent[] = []): SimulationInput => ({
  nodes,
  seed,
  network: { latency: [5, 40], loss: 0.05, duplicate: 0.02 },
  events,
});

const faults: ExternalEvent[] = [
  { at: 200, do: 'crash', node: 2 },
  { at: 300, do: 'partition', groups: [[1, 3]] },
  { at: 450, do: 'pause', node: 4 },
  { at: 500, do: 'restart', node: 2 },
  { at: 650, do: 'resume', node: 4 },
  { at: 700, do: 'cut', from: 5, to: 1 },
  { at: 800, do: 'heal' },
  { at: 900, do: 'set', params: { fanout: 3 } },
];

describe('determinism', () => {
  it('the same scenario gives the same traceHash twice, and another seed another hash', () => {
    const hash = (seed: number) => {
      const sim = new Simulation(floodProtocol, scenario(6, seed, faults));
      sim.runUntil(2000);
      return sim.traceHash();
    };
    expect(hash(1)).toBe(hash(1));
    expect(hash(1)).not.toBe(hash(2));
  });

  it('adding a node does not change another node’s draws', () => {
    const firstTick = (nodes: number) => {
      const sim = new Simulation(floodProtocol, scenario(nodes, 11), { recordTrace: true });
      sim.runUntil(150);
      return sim.traceLog!.find((e) => e.k === 'timer' && e.node === 1)?.t;
    };
    expect(firstTick(3)).toBeDefined();
    expect(firstTick(3)).toBe(firstTick(7));
  });

  it('seeking back and running on gives the same trace as running straight', () => {
    const straight = new Simulation(floodProtocol, scenario(6, 3, faults), { recordTrace: true, checkpointEvery: 100 });
    straight.runUntil(2000);
    const expected = straight.traceLog!.map(encodeTraceEvent);
    const hash = straight.traceHash();
    for (const t of [0, 250, 640, 1999, 1200]) {
      straight.seek(t);
      expect(straight.now).toBe(t);
      straight.runUntil(2000);
      expect(straight.traceHash()).toBe(hash);
      expect(straight.traceLog!.map(encodeTraceEvent)).toEqual(expected);
    }
  });

  it('property: seek(t) then run equals running straight, for random fault schedules', () => {
    const action = fc.oneof(
      fc.record({ at: fc.integer({ min: 0, max: 1500 }), do: fc.constantFrom('crash', 'restart', 'pause', 'resume', 'timeout'), node: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ at: fc.integer({ min: 0, max: 1500 }), do: fc.constant('cut'), from: fc.integer({ min: 1, max: 5 }), to: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ at: fc.integer({ min: 0, max: 1500 }), do: fc.constant('partition'), groups: fc.constant([[1, 2]]) }),
      fc.record({ at: fc.integer({ min: 0, max: 1500 }), do: fc.constant('heal') }),
    );
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 12 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 1600 }),
        fc.integer({ min: 1, max: 200 }),
        (events, seed, seekTo, every) => {
          const input = { ...scenario(5, seed, events as ExternalEvent[]), params: { maxReceived: 60 } };
          const straight = new Simulation(floodProtocol, input);
          straight.runUntil(1600);
          const sought = new Simulation(floodProtocol, input, { checkpointEvery: every });
          sought.runUntil(1600);
          sought.seek(seekTo);
          expect(sought.now).toBe(seekTo);
          sought.runUntil(1600);
          expect(sought.traceHash()).toBe(straight.traceHash());
          expect(sought.events).toBe(straight.events);
          expect(sought.violations).toEqual(straight.violations);
          expect(sought.nodeViews()).toEqual(straight.nodeViews());
        },
      ),
      { numRuns: 80 },
    );
  });

  it('acting in the past replays like a fresh run of the edited scenario', () => {
    const live = new Simulation(floodProtocol, scenario(5, 8, faults), { checkpointEvery: 50 });
    live.runUntil(1000);
    live.seek(420);
    live.act({ do: 'crash', node: 3 });
    live.runUntil(1000);
    const fresh = new Simulation(floodProtocol, scenario(5, 8, live.actions()));
    fresh.runUntil(1000);
    expect(live.traceHash()).toBe(fresh.traceHash());
    expect(live.actions().filter((e) => e.at === 420)).toEqual([{ at: 420, do: 'crash', node: 3 }]);
  });

  it('hashes an action the same whatever the key order it was written in', () => {
    const hash = (events: ExternalEvent[]) => {
      const sim = new Simulation(floodProtocol, scenario(4, 5, events));
      sim.runUntil(500);
      return sim.traceHash();
    };
    const a = hash([{ at: 100, do: 'set', network: { loss: 0.1, latency: [1, 5] }, params: { ttl: 1, fanout: 1 } }]);
    const b = hash([{ params: { fanout: 1, ttl: 1 }, network: { latency: [1, 5], loss: 0.1 }, do: 'set', at: 100 } as ExternalEvent]);
    expect(a).toBe(b);
  });

  it('acting in the past discards the user actions of the old future, not the script', () => {
    const live = new Simulation(floodProtocol, scenario(5, 8, faults), { checkpointEvery: 50 });
    live.runUntil(600);
    live.act({ do: 'crash', node: 5 });
    live.runUntil(1000);
    live.seek(300);
    expect(live.act({ do: 'crash', node: 1 })).toBe(1);
    expect(live.actions().some((e) => e.do === 'crash' && e.node === 5)).toBe(false);
    expect(live.actions().filter((e) => e.at > 300)).toHaveLength(faults.filter((e) => e.at > 300).length);
  });
});
