import { createSimulation } from '../../create';
import type { Simulation } from '../../kernel/simulation';
import type { Scenario } from '../../scenario/schema';
import type { RaftState } from './types';

/** Test and tooling helpers over a running Raft simulation (read-only). */

export function raftStates(sim: Simulation): (RaftState | null)[] {
  const out: (RaftState | null)[] = [null];
  for (let id = 1; id <= sim.nodeCount; id++) out.push(sim.isUp(id) ? (sim.stateOf(id) as RaftState) : null);
  return out;
}

export function liveLeaders(sim: Simulation): { id: number; term: number }[] {
  const out: { id: number; term: number }[] = [];
  raftStates(sim).forEach((s, id) => {
    if (s && s.role === 'leader') out.push({ id, term: s.term });
  });
  return out;
}

/** Logs as "term:value" strings, for compact comparisons. */
export function logOf(s: { log: readonly { term: number; value: string | null }[] }): string[] {
  return s.log.map((e) => `${e.term}:${e.value ?? 'no-op'}`);
}

export function simulate(scenario: Scenario, patch: Partial<Scenario> = {}): Simulation {
  return createSimulation({ ...scenario, ...patch } as Scenario);
}

/** A Raft scenario of `nodes` servers with fixed 10-ms links (seed 1): the shape of a small audit case. */
export function raftCase(nodes: number, events: unknown[], params: Record<string, unknown> = {}): Scenario {
  return { version: 1, protocol: 'raft', seed: 1, nodes, network: { latency: [10, 10] }, params, events } as Scenario;
}
