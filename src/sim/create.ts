import { Simulation, type SimulationOptions } from './kernel/simulation';
import { findProtocol } from './protocols/registry';
import type { Scenario } from './scenario/schema';

export class NoProtocolError extends Error {
  constructor(readonly protocolId: string) {
    super(`no protocol registered for "${protocolId}" yet`);
  }
}

/** A simulation of a validated scenario with the protocol it names. */
export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const protocol = findProtocol(scenario.protocol);
  if (!protocol) throw new NoProtocolError(scenario.protocol);
  return new Simulation(protocol, scenario, options);
}
