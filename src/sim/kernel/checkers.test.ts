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

describe('client replies as checkers see them', () => {
  it('each event shows its own replies only, and a request to a down node is answered by the kernel', () => {
    const seen: string[] = [];
    const echo = {
      ...floodProtocol,
      onCommand(_state: unknown, command: { type: string; value?: string; client?: number }, io: { now: number; reply: (r: never) => void }) {
        if (command.type === 'request') io.reply({ client: command.client, outcome: 'ok', value: command.value } as never);
      },
      checkers: [
        {
          invariant: 'Seen',
          init: () => null,
          check(cluster: { now: number; replies: readonly { node: number; reply: { client: number; outcome: string } }[] }) {
            for (const { node, reply } of cluster.replies) seen.push(`${cluster.now} S${node} #${reply.client} ${reply.outcome}`);
          },
        },
      ],
    };
    const events = [
      { at: 5, do: 'request', node: 1, value: 'a' },
      { at: 6, do: 'crash', node: 2 },
      { at: 7, do: 'request', node: 2, value: 'b' },
      { at: 8, do: 'request', node: 1, value: 'c' },
    ];
    const sim = new Simulation(echo as never, { nodes: 2, seed: 1, events: events as never }, { recordTrace: true });
    sim.runUntil(100);
    expect(seen).toEqual(['5 S1 #1 ok', '7 S2 #2 down', '8 S1 #3 ok']);
    expect(sim.traceLog!.filter((e) => e.k === 'client').map((e) => (e.k === 'client' ? e.reply.client : 0))).toEqual([1, 2, 3]);
    expect(sim.kernelMetrics().replies).toEqual({ ok: 2, down: 1 });
  });
});
