import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floodProtocol } from '../protocols/flood/flood';
import { CHECKPOINTS_PER_LEVEL, thinCheckpoints, type Checkpoint } from './checkpoint';
import { Simulation, type ExternalEvent, type SimulationInput } from './simulation';
import { encodeTraceEvent } from './trace';

/*
 * Positions within a millisecond: an action taken while the view shows event k lands after
 * event k and before event k + 1, even when many events share one virtual time, and a fresh run
 * of the recorded scenario puts it in the same place. Step back is seekToEvent(k − 1).
 */

// Latency [0, 0]: every message of a flood arrives in the millisecond it was sent, so a single
// millisecond holds many events.
const busy = (events: ExternalEvent[] = []): SimulationInput => ({
  nodes: 5,
  seed: 4,
  network: { latency: [0, 0] },
  params: { maxReceived: 40 },
  events,
});
const lossy = (seed: number, events: ExternalEvent[] = []): SimulationInput => ({
  nodes: 5,
  seed,
  network: { latency: [0, 3], loss: 0.05, duplicate: 0.05 },
  params: { maxReceived: 60 },
  events,
});

function stepTo(sim: Simulation, events: number): void {
  while (sim.events < events && sim.step());
}

describe('actions at the displayed event', () => {
  it('an action taken after event k of a millisecond runs right after it, and records its place', () => {
    const sim = new Simulation(floodProtocol, busy(), { recordTrace: true, checkpointEvery: 7 });
    sim.runUntil(20);
    sim.seek(0);
    // Find a millisecond with several events and stop in the middle of it.
    while (sim.step() && sim.eventsAt(sim.now) < 3);
    const t = sim.now;
    const shown = sim.traceLog!.length;
    const before = sim.traceLog!.slice(0, shown).map(encodeTraceEvent);
    sim.act({ do: 'crash', node: 2 });
    const after = sim.traceLog!.map(encodeTraceEvent);
    // Everything that was on screen is still there, in order, and the crash comes right after it.
    expect(after.slice(0, shown)).toEqual(before);
    expect(sim.traceLog![shown]).toMatchObject({ k: 'action', t, action: { do: 'crash', node: 2 } });
    expect(sim.actions()).toEqual([{ at: t, after: 3, do: 'crash', node: 2 }]);
    expect(sim.now).toBe(t);
  });

  it('an action at the start of a millisecond has no `after`, as links made before positions existed', () => {
    const sim = new Simulation(floodProtocol, busy());
    sim.runUntil(0);
    sim.runUntil(5);
    expect(sim.eventsAt(5)).toBe(0);
    sim.act({ do: 'heal' });
    expect(sim.actions()).toEqual([{ at: 5, do: 'heal' }]);
  });

  it('a fresh run of the recorded scenario reaches the same position with the same trace', () => {
    const live = new Simulation(floodProtocol, busy(), { checkpointEvery: 5 });
    stepTo(live, 9);
    live.act({ do: 'crash', node: 3 });
    stepTo(live, 15);
    live.act({ do: 'timeout', node: 1 });
    live.runUntil(300);
    const fresh = new Simulation(floodProtocol, busy(live.actions()));
    fresh.runUntil(300);
    expect(fresh.events).toBeGreaterThan(20);
    expect(fresh.traceHash()).toBe(live.traceHash());
    expect(fresh.events).toBe(live.events);
  });

  it('an `after` larger than the events of its millisecond runs after the last of them', () => {
    const count = (events: ExternalEvent[]) => {
      const sim = new Simulation(floodProtocol, busy(events), { recordTrace: true });
      sim.runUntil(10);
      return sim.traceLog!.findIndex((e) => e.k === 'action');
    };
    const late = count([{ at: 0, after: 10_000, do: 'heal' }]);
    const atEnd = new Simulation(floodProtocol, busy(), { recordTrace: true });
    atEnd.runUntil(0);
    expect(late).toBe(atEnd.traceLog!.length);
  });

  it('acting again after an action of the same millisecond keeps both in the order taken', () => {
    const live = new Simulation(floodProtocol, busy(), { checkpointEvery: 3 });
    stepTo(live, 6);
    live.act({ do: 'crash', node: 4 });
    live.act({ do: 'crash', node: 5 });
    expect(live.actions().map((e) => e.node)).toEqual([4, 5]);
    const [first, second] = live.actions();
    expect(second.after).toBe((first.after ?? 0) + 1);
    live.runUntil(300);
    const fresh = new Simulation(floodProtocol, busy(live.actions()));
    fresh.runUntil(300);
    expect(fresh.events).toBeGreaterThan(20);
    expect(fresh.traceHash()).toBe(live.traceHash());
  });
});

describe('seekToEvent (Step back)', () => {
  it('goes to exactly the previous event, same-time events included', () => {
    const sim = new Simulation(floodProtocol, busy(), { recordTrace: true, checkpointEvery: 4 });
    const seen: { events: number; now: number; trace: number; hash: string }[] = [];
    for (let i = 0; i < 40 && sim.step(); i++) seen.push({ events: sim.events, now: sim.now, trace: sim.trace.count, hash: sim.traceHash() });
    for (let i = seen.length - 1; i > 0; i--) {
      sim.seekToEvent(seen[i - 1].events);
      expect({ events: sim.events, now: sim.now, trace: sim.trace.count, hash: sim.traceHash() }).toEqual(seen[i - 1]);
    }
  });

  it('property: seekToEvent(n) equals stepping n events from the start, forward or back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 60 }), (seed, targets, every) => {
        const input = lossy(seed, [
          { at: 3, do: 'crash', node: 2 },
          { at: 3, after: 2, do: 'restart', node: 2 },
          { at: 9, do: 'partition', groups: [[1, 2]] },
        ]);
        const sim = new Simulation(floodProtocol, input, { checkpointEvery: every });
        for (const n of targets) {
          sim.seekToEvent(n);
          const straight = new Simulation(floodProtocol, input);
          stepTo(straight, n);
          expect(sim.events).toBe(straight.events);
          expect(sim.now).toBe(straight.now);
          expect(sim.traceHash()).toBe(straight.traceHash());
          expect(sim.nodeViews()).toEqual(straight.nodeViews());
        }
      }),
      { numRuns: 60 },
    );
  });

  it('property: acting anywhere (mid-millisecond, after stepping back, in the past) replays like a fresh run', () => {
    const move = fc.oneof(
      fc.record({ kind: fc.constant('step' as const), n: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ kind: fc.constant('back' as const), n: fc.integer({ min: 1, max: 10 }) }),
      fc.record({ kind: fc.constant('seek' as const), t: fc.integer({ min: 0, max: 300 }) }),
      fc.record({ kind: fc.constant('act' as const), what: fc.constantFrom('crash', 'restart', 'pause', 'resume', 'timeout'), node: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('act' as const), what: fc.constantFrom('heal', 'partition'), node: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.array(move, { maxLength: 14 }), fc.integer({ min: 1, max: 40 }), (seed, moves, every) => {
        const live = new Simulation(floodProtocol, lossy(seed, [{ at: 50, do: 'pause', node: 1 }, { at: 120, do: 'resume', node: 1 }]), { checkpointEvery: every });
        for (const m of moves) {
          if (m.kind === 'step') stepTo(live, live.events + m.n);
          else if (m.kind === 'back') live.seekToEvent(live.events - m.n);
          else if (m.kind === 'seek') live.seek(m.t);
          else if (m.what === 'partition') live.act({ do: 'partition', groups: [[1, 2]] });
          else if (m.what === 'heal') live.act({ do: 'heal' });
          else live.act({ do: m.what, node: m.node });
        }
        const position = live.position();
        const fresh = new Simulation(floodProtocol, lossy(seed, live.actions()));
        fresh.seekToPosition(position);
        expect(fresh.traceHash()).toBe(live.traceHash());
        expect(fresh.nodeViews()).toEqual(live.nodeViews());
        live.runUntil(500);
        fresh.runUntil(500);
        expect(fresh.traceHash()).toBe(live.traceHash());
      }),
      { numRuns: 120 },
    );
  });
});

describe('seekToPosition (a marker, End, Undo)', () => {
  it('property: the position of a clock run to any time leads back to the same view (timers gone stale, messages parked at a paused node)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.double({ min: 0, max: 700, noNaN: true }), fc.integer({ min: 1, max: 60 }), (seed, t, every) => {
        const input = lossy(seed, [{ at: 40, do: 'pause', node: 2 }, { at: 90, do: 'crash', node: 3 }, { at: 300, do: 'resume', node: 2 }, { at: 350, do: 'restart', node: 3 }]);
        const shown = new Simulation(floodProtocol, input);
        shown.runUntil(t);
        const sought = new Simulation(floodProtocol, input, { checkpointEvery: every });
        sought.runUntil(800);
        sought.seekToPosition(shown.position());
        expect(sought.position()).toEqual(shown.position());
        expect(sought.traceHash()).toBe(shown.traceHash());
        expect(sought.inFlight()).toEqual(shown.inFlight());
        expect(sought.nodeViews()).toEqual(shown.nodeViews());
        shown.runUntil(800);
        sought.runUntil(800);
        expect(sought.traceHash()).toBe(shown.traceHash());
      }),
      { numRuns: 100 },
    );
  });
});

describe('seekToMoment (a link that keeps the moment)', () => {
  it('property: the moment (time, events of that millisecond) of a position leads back to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 60 }), (seed, n, every) => {
        const input = lossy(seed, [{ at: 3, do: 'crash', node: 2 }, { at: 40, do: 'restart', node: 2 }]);
        const shown = new Simulation(floodProtocol, input);
        stepTo(shown, n);
        const mid = shown.nextEventTime() === shown.now;
        const opened = new Simulation(floodProtocol, input, { checkpointEvery: every });
        opened.runUntil(500);
        opened.seekToMoment(shown.now, mid ? shown.eventsAt(shown.now) : undefined);
        expect(opened.position()).toEqual(shown.position());
        expect(opened.traceHash()).toBe(shown.traceHash());
      }),
      { numRuns: 80 },
    );
  });
});

describe('undo of an action (saveActions / restoreActions)', () => {
  it('puts back the discarded future exactly', () => {
    const sim = new Simulation(floodProtocol, lossy(9), { checkpointEvery: 20 });
    sim.runUntil(10);
    sim.act({ do: 'crash', node: 3 });
    sim.runUntil(40);
    const reached = sim.position();
    const hashAtEnd = sim.traceHash();
    sim.seek(6);
    const shown = sim.position();
    const hashShown = sim.traceHash();
    const saved = sim.saveActions();
    expect(sim.act({ do: 'crash', node: 1 })).toBe(1);
    expect(sim.actions().some((e) => e.node === 3)).toBe(false);
    sim.restoreActions(saved, 6, shown);
    expect(sim.position()).toEqual(shown);
    expect(sim.traceHash()).toBe(hashShown);
    expect(sim.actions()).toEqual(saved.actions);
    sim.seekToPosition(reached);
    expect(sim.traceHash()).toBe(hashAtEnd);
    // The restored user action is the user's again: acting before it discards it once more.
    sim.seek(6);
    expect(sim.act({ do: 'heal' })).toBe(1);
  });
});

describe('checkpoints thin out with distance from the present', () => {
  it('keep O(log length) checkpoints, dense near the newest, and seeking anywhere still replays exactly', () => {
    const every = 20;
    const sim = new Simulation(floodProtocol, lossy(5), { checkpointEvery: every });
    sim.runUntil(60_000);
    const total = sim.events;
    expect(total).toBeGreaterThan(20_000);
    // Without thinning there would be total / every ≈ 1,000+ of them.
    expect(sim.checkpointCount).toBeLessThan(CHECKPOINTS_PER_LEVEL * (Math.log2(total / every / CHECKPOINTS_PER_LEVEL) + 2));
    for (const target of [total - 5, total - 300, Math.floor(total / 2), 1000, 3]) {
      sim.seekToEvent(target);
      const straight = new Simulation(floodProtocol, lossy(5));
      stepTo(straight, target);
      expect(sim.traceHash()).toBe(straight.traceHash());
    }
  });

  it('property: spacing only grows with distance, and the initial checkpoint stays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 100, max: 5000 }), (every, count) => {
        // As the kernel does: a checkpoint every `every` events, thinned after each one.
        const checkpoints = [{ events: 1 } as Checkpoint];
        for (let i = 1; i < count; i++) {
          checkpoints.push({ events: i * every } as Checkpoint);
          thinCheckpoints(checkpoints, every);
        }
        expect(checkpoints[0].events).toBe(1);
        const gaps = checkpoints.slice(1).map((c, i) => c.events - checkpoints[i].events);
        // From newest to oldest the gaps never shrink (the first gap, to the initial one, may be anything).
        const fromNewest = gaps.slice(1).reverse();
        for (let i = 1; i < fromNewest.length; i++) expect(fromNewest[i]).toBeGreaterThanOrEqual(fromNewest[i - 1]);
      }),
      { numRuns: 50 },
    );
  });
});
