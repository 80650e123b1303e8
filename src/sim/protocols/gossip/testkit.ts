import { readFileSync } from 'node:fs';
import type { Simulation, SimulationOptions } from '../../kernel/simulation';
import type { NodeIO } from '../../kernel/protocol';
import { RandomStream } from '../../kernel/prng';
import { createSimulation } from '../../create';
import { parseScenario } from '../../scenario/validate';
import type { GossipMessage } from './messages';
import { resolveGossipParams, type GossipParams, type GossipParamsInput } from './params';

/** Helpers shared by the gossip tests (not used by the simulation). */

export function parseOrThrow(json: unknown) {
  const r = parseScenario(json);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

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
  const url = new URL(`../../../../examples/${file}`, import.meta.url);
  return createSimulation(parseOrThrow(JSON.parse(readFileSync(url, 'utf8'))), options);
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

/** A NodeIO that records effects, to drive one node with no kernel (sans-IO, as etcd-raft's tests do). */
export class RecordingIO implements NodeIO<GossipMessage, GossipParams> {
  now = 0;
  readonly rng: RandomStream;
  readonly params: GossipParams;
  sent: { to: number; msg: GossipMessage }[] = [];
  timers = new Map<string, number>();
  narrations: { key: string; params: Record<string, unknown> }[] = [];
  changes: { field: string; value: unknown }[] = [];

  constructor(
    readonly id: number,
    readonly nodeCount: number,
    params: GossipParamsInput = {},
    seed = 1,
  ) {
    this.params = resolveGossipParams(params);
    this.rng = RandomStream.derive(seed, 'node', id);
  }

  send(to: number, msg: GossipMessage): void {
    this.sent.push({ to, msg });
  }
  setTimer(name: string, delayMs: number): void {
    this.timers.set(name, this.now + delayMs);
  }
  cancelTimer(name: string): void {
    this.timers.delete(name);
  }
  narrate(key: string, params: Record<string, unknown> = {}): void {
    this.narrations.push({ key, params });
  }
  changed(field: string, value: unknown): void {
    this.changes.push({ field, value });
  }
}
