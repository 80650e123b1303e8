import { describe, expect, it } from 'vitest';
import { Simulation, type ExternalEvent } from './simulation';
import { probeProtocol, type ProbeState } from './testing/probeProtocol';

function sim(events: ExternalEvent[], init?: Record<string, unknown>) {
  return new Simulation(probeProtocol, { nodes: 3, seed: 5, network: { latency: [10, 10] }, events, init }, { recordTrace: true });
}
const stateOf = (s: Simulation, id: number) => s.stateOf(id) as ProbeState;
const cmd = (at: number, node: number, value: string): ExternalEvent => ({ at, do: 'request', node, value });

describe('node lifecycle', () => {
  it('crash cancels timers, drops arriving messages, loses volatile state and keeps persistent state', () => {
    const s = sim([
      cmd(0, 2, 'send:1:a'),
      cmd(0, 1, 'timer:t:100'),
      { at: 50, do: 'crash', node: 1 },
      cmd(60, 2, 'send:1:b'),
      { at: 200, do: 'restart', node: 1 },
      cmd(210, 2, 'send:1:c'),
    ]);
    s.runUntil(1000);
    const log = s.traceLog!;
    expect(log.filter((e) => e.k === 'timer')).toEqual([]);
    expect(log.filter((e) => e.k === 'drop').map((e) => e.k === 'drop' && e.reason)).toEqual(['down']);
    expect(stateOf(s, 1).log).toEqual(['220:recv c from S2']);
    expect(stateOf(s, 1).deliveries).toBe(2);
    expect(stateOf(s, 1).boots).toBe(2);
  });

  it('a node that starts down (init up: false) boots on restart', () => {
    const s = sim([cmd(10, 2, 'send:3:x'), { at: 100, do: 'restart', node: 3 }, cmd(110, 2, 'send:3:y')], { '3': { up: false } });
    s.runUntil(50);
    expect(s.isUp(3)).toBe(false);
    expect(s.nodeViews()[2]).toMatchObject({ id: 3, up: false, boots: 0 });
    s.runUntil(500);
    expect(s.isUp(3)).toBe(true);
    expect(stateOf(s, 3).log).toEqual(['120:recv y from S2']);
  });

  it('pause holds timers and inbox until resume, then handles them in arrival order', () => {
    const s = sim([
      cmd(0, 1, 'timer:t:30'),
      { at: 5, do: 'pause', node: 1 },
      cmd(10, 2, 'send:1:a'),
      cmd(15, 3, 'send:1:b'),
      cmd(40, 1, 'timer:u:5'),
      { at: 100, do: 'resume', node: 1 },
    ]);
    s.runUntil(99);
    expect(stateOf(s, 1).log).toEqual(['0:request timer:t:30']);
    expect(s.isPaused(1)).toBe(true);
    s.runUntil(200);
    expect(stateOf(s, 1).log).toEqual([
      '0:request timer:t:30',
      '100:recv a from S2',
      '100:recv b from S3',
      '100:timer t',
      '100:request timer:u:5',
      '105:timer u',
    ]);
  });

  it('a crash while paused drops what waited', () => {
    const s = sim([{ at: 0, do: 'pause', node: 1 }, cmd(10, 2, 'send:1:a'), { at: 50, do: 'crash', node: 1 }]);
    s.runUntil(100);
    expect(s.traceLog!.filter((e) => e.k === 'drop').map((e) => e.k === 'drop' && e.reason)).toEqual(['crashed']);
  });

  it('a cancelled or replaced timer never fires', () => {
    const s = sim([cmd(0, 1, 'timer:t:50'), cmd(10, 1, 'timer:t:100'), cmd(0, 2, 'timer:v:20'), cmd(5, 2, 'cancel:v')]);
    s.runUntil(500);
    expect(s.traceLog!.filter((e) => e.k === 'timer')).toEqual([{ t: 110, k: 'timer', node: 1, name: 't' }]);
  });

  it('restarting a running node is a crash followed by a boot', () => {
    const s = sim([cmd(0, 1, 'timer:t:50'), { at: 10, do: 'restart', node: 1 }]);
    s.runUntil(500);
    expect(s.traceLog!.filter((e) => e.k === 'timer')).toEqual([]);
    expect(stateOf(s, 1).boots).toBe(2);
  });

  it('a command to a down node is narrated and lost', () => {
    const s = sim([{ at: 0, do: 'crash', node: 2 }, cmd(10, 2, 'send:1:a')]);
    s.runUntil(100);
    expect(s.traceLog!.filter((e) => e.k === 'narrate')).toEqual([
      { t: 10, k: 'narrate', node: 2, key: 'kernel.commandToDownNode', params: { node: 2, command: 'request' } },
    ]);
  });
});
