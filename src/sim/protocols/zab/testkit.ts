import { createSimulation } from '../../create';
import { RecordingIO as KernelRecordingIO } from '../../kernel/testing/recordingIO';
import type { Simulation } from '../../kernel/simulation';
import type { TraceEvent } from '../../kernel/trace';
import { storyLines, transcriptLine as transcriptLineWith } from '../../narration/transcript';
import type { Scenario } from '../../scenario/schema';
import { resolveZabParams, type ZabInit, type ZabParams, type ZabParamsInput } from './params';
import { boot, initialPersisted } from './persistence';
import type { Notification, ServerState, ZabMessage, ZabState } from './types';

/*
 * Test and tooling helpers (read-only over a simulation, or a recording NodeIO that drives one
 * server with no kernel, the way etcd-raft's tests step a node and read back what it sends).
 */

/** A recording NodeIO for one ZooKeeper server, parameters resolved over the defaults. */
export class RecordingIO extends KernelRecordingIO<ZabMessage, ZabParams> {
  constructor(id: number, nodeCount: number, params: ZabParamsInput = {}) {
    super(id, nodeCount, resolveZabParams(params));
  }
}

/** One server booted from a scenario-style `init`, driven by hand. */
export function bootServer(id: number, nodeCount: number, init: ZabInit = {}, params: ZabParamsInput = {}): { state: ZabState; io: RecordingIO } {
  const io = new RecordingIO(id, nodeCount, params);
  const state = boot(structuredClone(initialPersisted(id, init, io.params)), io);
  return { state, io };
}

/** A notification as server `from` would send it. */
export function note(
  vote: { leader: number; zxid?: number; epoch?: number },
  round: number,
  state: ServerState = 'looking',
  seq = 1,
  inc = 0,
): Notification {
  return { type: 'NOTIFICATION', state, leader: vote.leader, zxid: vote.zxid ?? 0, epoch: vote.epoch ?? 0, round, inc, seq };
}

export { loadExample } from '../../testing/examples';

export function simulate(scenario: Scenario, patch: Partial<Scenario> = {}): Simulation {
  return createSimulation({ ...scenario, ...patch } as Scenario);
}

/** states[id] for live servers, null for down ones; index 0 unused. */
export function zabStates(sim: Simulation): (ZabState | null)[] {
  const out: (ZabState | null)[] = [null];
  for (let id = 1; id <= sim.nodeCount; id++) out.push(sim.isUp(id) ? (sim.stateOf(id) as ZabState) : null);
  return out;
}

/** The established leader as the status line says it: "S3/e2", or "none". */
export function leaderOf(sim: Simulation): string {
  const l = sim.protocol.leader?.(sim.snapshot() as never) ?? null;
  return l ? `S${l.id}/e${l.term}` : 'none';
}

/** Each server's state, as "following S3" / "leading" / "looking" / "down". */
export function roles(sim: Simulation): string[] {
  return zabStates(sim)
    .slice(1)
    .map((s) => (!s ? 'down' : s.state === 'following' || s.state === 'observing' ? `${s.state} S${s.vote.leader}` : s.state));
}

/** Committed transactions of a server as "0x…=value". */
export function committedOf(s: ZabState): string[] {
  return s.history.slice(0, s.commitIndex).map((t) => `0x${t.zxid.toString(16)}=${t.value}`);
}


function describeMessage(msg: unknown): string {
  const record = msg as Record<string, unknown>;
  const fields = Object.keys(record)
    .filter((k) => k !== 'type')
    .map((k) => {
      const v = record[k];
      if (Array.isArray(v)) return `${k}=[${v.map((t: { zxid: number; value: string }) => `0x${t.zxid.toString(16)}:${t.value}`).join(' ')}]`;
      if (typeof v === 'object' && v !== null) return `${k}=0x${(v as { zxid: number }).zxid.toString(16)}:${(v as { value: string }).value}`;
      if (typeof v === 'number' && (k === 'zxid' || k === 'lastZxid' || k === 'committedZxid')) return `${k}=0x${v.toString(16)}`;
      return `${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`;
    });
  return `${String(record.type)} ${fields.join(' ')}`;
}

/** A ZooKeeper trace event as one transcript line (zxids in hex). */
export function transcriptLine(e: TraceEvent): string {
  return transcriptLineWith(e, describeMessage);
}

export { storyLines };
