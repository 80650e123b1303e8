import { describe, expect, it } from 'vitest';
import { floodProtocol } from '../protocols/flood/flood';
import { Simulation } from './simulation';

describe('checkers', () => {
  it('report a violation once, as a trace event with its time', () => {
    const sim = new Simulation(floodProtocol, { nodes: 4, seed: 2, params: { maxReceived: 5 } }, { recordTrace: true });
    sim.runUntil(2000);
    expect(sim.violations.length).toBeGreaterThan(0);
    expect(sim.violations.length).toBeLessThanOrEqual(4);
    const first = sim.violations[0];
    expect(first.invariant).toBe('ReceivedBound');
    expect(first.message).toMatch(/^S\d received more than 5 notes$/);
    expect(sim.traceLog!.filter((e) => e.k === 'violation')).toHaveLength(sim.violations.length);
  });

  it('stay silent when the invariant holds', () => {
    const sim = new Simulation(floodProtocol, { nodes: 4, seed: 2 });
    sim.runUntil(2000);
    expect(sim.violations).toEqual([]);
  });
});
