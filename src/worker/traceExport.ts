import { createSimulation } from '../sim/create';
import { encodeTraceEvent } from '../sim/kernel/trace';
import type { Scenario } from '../sim/scenario/schema';

/** The page refuses to export more trace events than this (a line is ~150 bytes: ~75 MB). */
export const MAX_EXPORT_EVENTS = 500_000;

export type TraceExport = { ok: true; text: string; lines: number } | { ok: false; tooLong: number; max: number };

/**
 * The trace of a run from time 0 to where it is now, as JSON Lines — the very lines
 * `npm run sim -- run --trace` writes. The live run keeps only a window of its trace, so the
 * run is replayed headless: the simulation is deterministic, so replaying the same scenario
 * (with every action taken) to the same trace position gives the same events. It stops at the
 * live run's trace count, not its clock, because Step can leave the clock between two events of
 * the same instant.
 */
export function replayTrace(scenario: Scenario, traceCount: number, untilMs: number, max = MAX_EXPORT_EVENTS): TraceExport {
  if (traceCount > max) return { ok: false, tooLong: traceCount, max };
  const lines: string[] = [];
  const sim = createSimulation(scenario, {
    checkpointEvery: 0,
    onTrace: (e) => {
      if (lines.length < traceCount) lines.push(encodeTraceEvent(e));
    },
  });
  // Bounded by the clock as well: a replay can never run past the live run's present.
  while (sim.trace.count < traceCount && sim.step(untilMs));
  return { ok: true, text: lines.length > 0 ? `${lines.join('\n')}\n` : '', lines: lines.length };
}
