import { TraceHasher, type HashState } from './hash';
import type { DropReason } from './network';
import type { ClientReply } from './protocol';

/** Everything that happens in a run, in order (ARCHITECTURE principle 3). Times are virtual ms. */
export type TraceEvent =
  | { t: number; k: 'send'; from: number; to: number; id: number; msg: unknown; dup?: true }
  | { t: number; k: 'deliver'; from: number; to: number; id: number; msg: unknown }
  | { t: number; k: 'drop'; from: number; to: number; id: number; msg: unknown; reason: DropReason }
  | { t: number; k: 'timer'; node: number; name: string }
  | { t: number; k: 'state'; node: number; field: string; value: unknown }
  | { t: number; k: 'action'; action: unknown }
  | { t: number; k: 'narrate'; node: number; key: string; params: Record<string, unknown> }
  | { t: number; k: 'violation'; invariant: string; message: string }
  | { t: number; k: 'client'; node: number; reply: ClientReply };

export type TraceKind = TraceEvent['k'];
export type TraceSink = (event: TraceEvent) => void;

const KIND_CODE: Record<TraceKind, number> = {
  send: 1,
  deliver: 2,
  drop: 3,
  timer: 4,
  state: 5,
  action: 6,
  narrate: 7,
  violation: 8,
  client: 9,
};

export interface TraceState {
  hash: HashState;
  count: number;
}

/**
 * Records trace events: each one is hashed into the running `traceHash` as a canonical token
 * stream, and handed to the sink (storage, export, UI) only when one is attached, so a headless
 * benchmark pays for hashing but never for building event objects.
 */
export class Trace {
  private readonly hasher = new TraceHasher();
  count = 0;
  sink: TraceSink | null = null;

  hash(): string {
    return this.hasher.digest();
  }

  send(t: number, from: number, to: number, id: number, msg: unknown, dup: boolean): void {
    this.head('send', t);
    const h = this.hasher;
    h.word(from);
    h.word(to);
    h.number(id);
    h.value(msg);
    h.word(dup ? 1 : 0);
    if (this.sink) this.sink(dup ? { t, k: 'send', from, to, id, msg, dup: true } : { t, k: 'send', from, to, id, msg });
  }

  deliver(t: number, from: number, to: number, id: number, msg: unknown): void {
    this.head('deliver', t);
    const h = this.hasher;
    h.word(from);
    h.word(to);
    h.number(id);
    if (this.sink) this.sink({ t, k: 'deliver', from, to, id, msg });
  }

  drop(t: number, from: number, to: number, id: number, msg: unknown, reason: DropReason): void {
    this.head('drop', t);
    const h = this.hasher;
    h.word(from);
    h.word(to);
    h.number(id);
    h.string(reason);
    if (this.sink) this.sink({ t, k: 'drop', from, to, id, msg, reason });
  }

  timer(t: number, node: number, name: string): void {
    this.head('timer', t);
    this.hasher.word(node);
    this.hasher.string(name);
    if (this.sink) this.sink({ t, k: 'timer', node, name });
  }

  state(t: number, node: number, field: string, value: unknown): void {
    this.head('state', t);
    this.hasher.word(node);
    this.hasher.string(field);
    this.hasher.value(value);
    if (this.sink) this.sink({ t, k: 'state', node, field, value });
  }

  action(t: number, action: unknown): void {
    this.head('action', t);
    this.hasher.value(action);
    if (this.sink) this.sink({ t, k: 'action', action });
  }

  narrate(t: number, node: number, key: string, params: Record<string, unknown>): void {
    this.head('narrate', t);
    this.hasher.word(node);
    this.hasher.string(key);
    this.hasher.value(params);
    if (this.sink) this.sink({ t, k: 'narrate', node, key, params });
  }

  violation(t: number, invariant: string, message: string): void {
    this.head('violation', t);
    this.hasher.string(invariant);
    this.hasher.string(message);
    if (this.sink) this.sink({ t, k: 'violation', invariant, message });
  }

  client(t: number, node: number, reply: ClientReply): void {
    this.head('client', t);
    this.hasher.word(node);
    this.hasher.value(reply);
    if (this.sink) this.sink({ t, k: 'client', node, reply });
  }

  save(): TraceState {
    return { hash: this.hasher.save(), count: this.count };
  }

  restore(s: TraceState): void {
    this.hasher.restore(s.hash);
    this.count = s.count;
  }

  private head(kind: TraceKind, t: number): void {
    this.count++;
    this.hasher.word(KIND_CODE[kind]);
    this.hasher.number(t);
  }
}

/** One trace event as a canonical JSON line (keys in a fixed order), for `--trace` and export. */
export function encodeTraceEvent(e: TraceEvent): string {
  return JSON.stringify(e);
}
