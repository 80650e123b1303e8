import { describe, expect, it } from 'vitest';
import type { Scenario } from '../sim/scenario/schema';
import { SimHost } from './simHost';
import { RESET_WINDOW_MS } from './traceFeed';

function raftHost(): SimHost {
  const host = new SimHost();
  host.loadHash('');
  return host;
}

describe('SimHost', () => {
  it('starts with a reset trace delta and no leader', () => {
    const host = new SimHost();
    const { frame } = host.loadHash('');
    expect(frame.protocol).toBe('raft');
    expect(frame.trace.reset).toBe(true);
    expect(frame.trace.events.length).toBeGreaterThan(0);
    expect(frame.leader).toBeNull();
    expect(frame.view).toBe('svg');
    expect(frame.nodes).toHaveLength(5);
  });

  it('sends only the trace events since the last frame', () => {
    const host = raftHost();
    const before = host.frame();
    const after = host.step();
    expect(after.events).toBe(before.events + 1);
    expect(after.trace.reset).toBe(false);
    expect(after.trace.events.length).toBeGreaterThan(0);
    expect(after.trace.events.every((e) => e.t <= after.time)).toBe(true);
  });

  it('steps to the next delivery and to the next state change', () => {
    const host = raftHost();
    const delivered = host.stepToDelivery();
    expect(delivered.found).toBe(true);
    expect(delivered.frame.trace.events.some((e) => e.k === 'deliver')).toBe(true);
    const changed = host.stepToStateChange();
    expect(changed.found).toBe(true);
    expect(changed.frame.trace.events.some((e) => e.k === 'state')).toBe(true);
  });

  it('runs until a leader is elected, then until a different one after a crash', () => {
    const host = raftHost();
    const first = host.runUntilLeader(null, 10_000);
    expect(first.found).toBe(true);
    const leader = first.frame.leader!;
    expect(first.frame.nodes[leader.id - 1].role).toBe('leader');
    expect(first.frame.transitions.find((t) => t.node === leader.id)).toMatchObject({ from: 'candidate', to: 'leader' });
    host.act({ do: 'crash', node: leader.id });
    const second = host.runUntilLeader(leader, 10_000);
    expect(second.found).toBe(true);
    expect(second.frame.leader!.term).toBeGreaterThan(leader.term);
  });

  it('gives up at the time limit when no new leader comes', () => {
    const host = raftHost();
    const first = host.runUntilLeader(null, 10_000);
    const again = host.runUntilLeader(first.frame.leader, 500);
    expect(again.found).toBe(false);
    expect(again.frame.time).toBeCloseTo(first.frame.time + 500);
  });

  it('marks a rewind with a reset delta and a window of the past', () => {
    const host = raftHost();
    host.advance(2000);
    host.frame();
    const back = host.seek(1000);
    expect(back.trace.reset).toBe(true);
    expect(back.trace.events.length).toBeGreaterThan(0);
    expect(back.trace.events.every((e) => e.t <= 1000)).toBe(true);
  });

  it('says the old future is gone when acting in the past', () => {
    const host = raftHost();
    host.advance(2000);
    host.act({ do: 'crash', node: 1 });
    host.advance(1000);
    host.seek(1500);
    const frame = host.act({ do: 'crash', node: 2 });
    expect(frame.branch).toEqual({ at: 1500, discardedActions: 1, discardedEvents: expect.any(Number), reachedTo: 3000 });
    expect(frame.branch!.discardedEvents).toBeGreaterThan(10);
    expect(frame.horizon).toBeGreaterThanOrEqual(1500);
    expect(frame.canUndo).toBe(true);
  });

  it('drops a message in flight when asked', () => {
    const host = raftHost();
    let frame = host.frame();
    while (frame.messages.length === 0) frame = host.step();
    const target = frame.messages[0];
    frame = host.act({ do: 'drop', message: target.id });
    expect(frame.messages.find((m) => m.id === target.id)?.dropped).toBe(true);
  });

  it('draws the election timer as an arc whose duration is the node’s timeout', () => {
    const frame = raftHost().step();
    const timer = frame.timers.find((t) => t.name === 'election')!;
    const view = frame.nodes[timer.node - 1];
    expect(timer.totalMs).toBe(view.electionTimeoutMs);
  });

  it('draws a large gossip cluster from arrays, with the focused node’s full view', () => {
    const host = new SimHost();
    const scenario: Scenario = {
      version: 1,
      protocol: 'gossip',
      nodes: 100,
      seed: 3,
      params: { mode: 'swim' },
      events: [
        { at: 500, do: 'rumor', node: 1 },
        { at: 1000, do: 'crash', node: 100 },
      ],
    };
    expect(host.loadScenario(scenario).ok).toBe(true);
    host.setFocus(7);
    const frame = host.advance(30_000);
    expect(frame.view).toBe('bulk');
    expect(frame.nodes).toEqual([]);
    expect(frame.messages).toEqual([]);
    expect(frame.focus?.id).toBe(7);
    const bulk = frame.bulk!;
    expect(bulk.health[100]).toBe(0);
    expect(bulk.seen[100]).toBe(3);
    expect(bulk.informed).toBe(99);
    expect(frame.trace.events.every((e) => e.k === 'narrate' || e.k === 'action' || e.k === 'violation')).toBe(true);
  });
});

describe('SimHost trace feed', () => {
  it('keeps the recent past after a long backward seek, and the last role transitions', () => {
    const host = raftHost();
    const leader = host.runUntilLeader(null, 10_000).frame.leader!;
    host.advance(20_000);
    host.frame();
    const back = host.seek(15_000);
    expect(back.trace.reset).toBe(true);
    // A full window of events before the target, not only those since the nearest checkpoint.
    expect(back.trace.events[0].t).toBeLessThan(15_000 - RESET_WINDOW_MS + 1000);
    expect(back.transitions.find((t) => t.node === leader.id)?.to).toBe('leader');
  });

  it('sends a reset when an action rewrites the present, and plain deltas after it', () => {
    const host = raftHost();
    host.advance(500);
    host.frame();
    const acted = host.act({ do: 'timeout', node: 1 });
    expect(acted.trace.reset).toBe(true);
    expect(acted.trace.events.some((e) => e.k === 'action')).toBe(true);
    const next = host.advance(50);
    expect(next.trace.reset).toBe(false);
  });

  it('gives the same trace hash after seeking as after running straight', () => {
    const a = raftHost();
    a.advance(3000);
    a.seek(1000);
    const seeked = a.seek(3000);
    const b = raftHost();
    const straight = b.advance(3000);
    expect(seeked.traceHash).toBe(straight.traceHash);
  });
});
