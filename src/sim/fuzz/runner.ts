import { createSimulation } from '../create';
import type { Violation } from '../kernel/simulation';
import type { Scenario } from '../scenario/schema';
import { swarmRun } from './swarm';
import type { FuzzTarget } from './target';

export interface FuzzFailure {
  seed: number;
  scenario: Scenario;
  violations: Violation[];
  /** Why the healed cluster did not settle in time, if it did not. */
  unsettled: string | null;
}

export interface FuzzReport {
  runs: number;
  events: number;
  failures: FuzzFailure[];
}

/** How often (virtual ms) the healed cluster is checked for having settled. */
const SETTLE_CHECK_MS = 50;

/** Runs one swarm seed: the faulty phase, then the healed phase that must settle within the bound. */
export function fuzzOne(target: FuzzTarget, seed: number): { failure: FuzzFailure | null; events: number } {
  const { scenario, healAt } = swarmRun(target, seed);
  const sim = createSimulation(scenario);
  sim.runUntil(healAt);
  let unsettled: string | null = 'not checked';
  for (let t = healAt; t <= healAt + target.settleMs; t += SETTLE_CHECK_MS) {
    sim.runUntil(t);
    unsettled = target.unsettled(sim);
    if (unsettled === null) break;
  }
  if (sim.violations.length === 0 && unsettled === null) return { failure: null, events: sim.events };
  return { failure: { seed, scenario, violations: [...sim.violations], unsettled }, events: sim.events };
}

export function fuzz(target: FuzzTarget, runs: number, firstSeed: number, onRun?: (seed: number, failure: FuzzFailure | null) => void): FuzzReport {
  const failures: FuzzFailure[] = [];
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const seed = (firstSeed + i) >>> 0;
    const one = fuzzOne(target, seed);
    events += one.events;
    if (one.failure) failures.push(one.failure);
    onRun?.(seed, one.failure);
  }
  return { runs, events, failures };
}
