import type { Simulation, Violation } from '../sim/kernel/simulation';
import type { NodeView } from '../sim/kernel/protocol';
import type { ProtocolId } from '../sim/scenario/schema';

/** What the UI draws after each animation frame: plain data, cheap to post. */
export interface Frame {
  protocol: ProtocolId;
  title: string;
  time: number;
  /** Furthest virtual time this run has reached (the Time slider's range). */
  horizon: number;
  events: number;
  traceHash: string;
  leader: { id: number; term: number } | null;
  nodes: NodeView[];
  violations: Violation[];
  inFlight: number;
  /** True when the last action was taken in the past and the old future was discarded. */
  branched: boolean;
}

export function buildFrame(sim: Simulation, protocol: ProtocolId, title: string, horizon: number, branched: boolean): Frame {
  return {
    protocol,
    title,
    time: sim.now,
    horizon: Math.max(horizon, sim.now),
    events: sim.events,
    traceHash: sim.traceHash(),
    leader: sim.protocol.leader?.(sim.snapshot()) ?? null,
    nodes: sim.nodeViews(),
    violations: sim.violations.map((v) => ({ ...v })),
    inFlight: sim.inFlight().length,
    branched,
  };
}
