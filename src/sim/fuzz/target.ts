import type { Simulation } from '../kernel/simulation';
import type { RandomStream } from '../kernel/prng';
import type { ProtocolId, ScenarioEvent } from '../scenario/schema';

/**
 * What a protocol tells the swarm fuzzer: the cluster sizes worth trying, extra parameters and
 * workload for one seed, how long a healed cluster may take to settle, and what "settled" means.
 */
export interface FuzzTarget {
  protocol: ProtocolId;
  /** Smallest and largest cluster drawn. */
  sizes: [number, number];
  /** Protocol parameters for this run (drawn from the fuzz stream), or undefined for defaults. */
  params?(rng: RandomStream, nodes: number): Record<string, unknown> | undefined;
  /** Protocol actions (client requests, rumors…) between `from` and `to` ms. */
  workload?(rng: RandomStream, nodes: number, from: number, to: number): ScenarioEvent[];
  /**
   * Faults aimed at the protocol's weak moments (a node restarting right after it voted, a
   * leader crashing with an entry only it holds), between `from` and `to` ms. Drawn from a
   * stream of their own, so adding them leaves every other draw of a seed as it was. A schedule
   * that other faults would spoil (Raft's Figure 8) names its `quiet` span: the swarm's own
   * faults and workload in it are left out.
   */
  nemesis?(rng: RandomStream, nodes: number, from: number, to: number): Nemesis;
  /** Virtual ms after the heal within which the cluster must have settled. */
  settleMs: number;
  /** Null when the healed cluster has settled (a leader, agreeing logs…), else why not. */
  unsettled(sim: Simulation): string | null;
}

export interface Nemesis {
  events: ScenarioEvent[];
  /** [from, to] ms in which only the nemesis acts. */
  quiet?: [number, number];
}

/** The target with extra parameters merged into every seed's (the seed's own draws unchanged): `fuzz --unsafe`. */
export function withParams(target: FuzzTarget, extra: Record<string, unknown>): FuzzTarget {
  return { ...target, params: (rng, nodes) => ({ ...(target.params?.(rng, nodes) ?? {}), ...extra }) };
}
