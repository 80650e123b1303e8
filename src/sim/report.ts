import type { Simulation, Violation } from './kernel/simulation';
import type { NodeView } from './kernel/protocol';

/** The `run --json` object of Contract 2. */
export interface RunReport {
  time: number;
  events: number;
  traceHash: string;
  nodes: NodeView[];
  violations: Violation[];
  metrics: Record<string, unknown>;
}

export function buildRunReport(sim: Simulation): RunReport {
  const protocolMetrics = sim.protocol.metrics?.(sim.snapshot()) ?? {};
  return {
    time: sim.now,
    events: sim.events,
    traceHash: sim.traceHash(),
    nodes: sim.nodeViews(),
    violations: sim.violations.map((v) => ({ ...v })),
    metrics: { ...protocolMetrics, kernel: sim.kernelMetrics() },
  };
}

/** How long `run` simulates when no `--until` is given: 10 s past the last scripted action. */
export const DEFAULT_RUN_TAIL_MS = 10_000;

export function defaultRunUntil(events: readonly { at: number }[] | undefined): number {
  const last = (events ?? []).reduce((max, e) => Math.max(max, e.at), 0);
  return last + DEFAULT_RUN_TAIL_MS;
}
