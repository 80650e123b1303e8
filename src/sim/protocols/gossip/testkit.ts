import type { Simulation, SimulationOptions } from '../../kernel/simulation';
import { RecordingIO as KernelRecordingIO } from '../../kernel/testing/recordingIO';
import { createSimulation } from '../../create';
import { loadExample, parseOrThrow } from '../../testing/examples';
import type { GossipMessage } from './messages';
import { resolveGossipParams, type GossipParams, type GossipParamsInput } from './params';

/** Helpers shared by the gossip tests (not used by the simulation). */

export { parseOrThrow };

export interface GossipScenarioInput {
  nodes: number;
  seed?: number;
  params?: GossipParamsInput;
  network?: { latency?: [number, number]; loss?: number; duplicate?: number };
  events?: unknown[];
  groups?: number[][];
  init?: Record<string, { up?: boolean }>;
}

export function gossipSimulation(input: GossipScenarioInput, options: SimulationOptions = {}): Simulation {
  return createSimulation(parseOrThrow({ version: 1, protocol: 'gossip', seed: 1, ...input }), options);
}

export function exampleSimulation(file: string, options: SimulationOptions = {}): Simulation {
  return createSimulation(loadExample(file), options);
}

// The metrics are plain JSON; tests read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Metrics = Record<string, any>;

export function metricsOf(sim: Simulation): Metrics {
  return sim.protocol.metrics?.(sim.snapshot()) ?? {};
}

export interface MemberView {
  status: string;
  incarnation: number;
}

/** Node `observer`'s view of `member`, from `run --json` node fields. */
export function viewOf(sim: Simulation, observer: number, member: number): MemberView | undefined {
  const members = sim.nodeViews()[observer - 1].members as Record<string, MemberView> | undefined;
  return members?.[String(member)];
}

/** A recording NodeIO for one gossip node (sans-IO, as etcd-raft's tests do), parameters resolved over the defaults. */
export class RecordingIO extends KernelRecordingIO<GossipMessage, GossipParams> {
  constructor(id: number, nodeCount: number, params: GossipParamsInput = {}, seed = 1) {
    super(id, nodeCount, resolveGossipParams(params), seed);
  }
}
