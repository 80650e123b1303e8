import { readFileSync } from 'node:fs';
import { RandomStream } from '../../kernel/prng';
import type { Scenario } from '../../scenario/schema';
import { parseScenario } from '../../scenario/validate';
import { raftDefaults, resolveRaftParams, type RaftParams, type RaftParamsInput } from './params';
import { boot, initialPersisted } from './persistence';
import type { RaftIO, RaftMessage, RaftPersisted, RaftState } from './types';

/**
 * A NodeIO that records every effect, to drive one Raft node with no kernel at all (the way
 * etcd-raft's tests step a raft with messages and read back what it wants to send).
 */
export class RecordingIO implements RaftIO {
  readonly rng: RandomStream;
  params: RaftParams;
  now = 0;
  sent: { to: number; msg: RaftMessage }[] = [];
  timers = new Map<string, number>();
  narrations: { key: string; params: Record<string, unknown> }[] = [];
  changes: { field: string; value: unknown }[] = [];

  constructor(
    readonly id: number,
    readonly nodeCount: number,
    params: RaftParamsInput = {},
  ) {
    this.params = resolveRaftParams(params, raftDefaults);
    this.rng = RandomStream.derive(1, 'node', id);
  }

  send(to: number, msg: RaftMessage): void {
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

  /** The messages sent since the last call, and forget them. */
  take(): { to: number; msg: RaftMessage }[] {
    const out = this.sent;
    this.sent = [];
    return out;
  }

  keys(): string[] {
    return this.narrations.map((n) => n.key);
  }
}

/** A node booted from a scenario-style `init` ({term, votedFor, log}). */
export function bootNode(
  id: number,
  nodeCount: number,
  init: { term?: number; votedFor?: number | null; log?: (number | { term: number; value: string })[] } = {},
  params: RaftParamsInput = {},
): { state: RaftState; io: RecordingIO; persisted: RaftPersisted } {
  const io = new RecordingIO(id, nodeCount, params);
  const persisted = initialPersisted(id, init, io.params);
  const state = boot(structuredClone(persisted), io);
  return { state, io, persisted };
}

/** Loads and validates examples/<name>.json. */
export function loadExample(name: string): Scenario {
  const text = readFileSync(new URL(`../../../../examples/${name}.json`, import.meta.url), 'utf8');
  const parsed = parseScenario(JSON.parse(text));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.scenario;
}
