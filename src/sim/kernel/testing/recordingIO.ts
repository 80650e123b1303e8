import type { ClientReply, Message, NodeIO } from '../protocol';
import { RandomStream } from '../prng';

/**
 * A NodeIO that records every effect, to drive one node with no kernel at all (sans-IO, the way
 * etcd-raft's tests step a node with messages and read back what it wants to send).
 */
export class RecordingIO<M extends Message, P> implements NodeIO<M, P> {
  now = 0;
  readonly rng: RandomStream;
  sent: { to: number; msg: M }[] = [];
  /** Pending timers: name → the virtual time it is due. */
  timers = new Map<string, number>();
  narrations: { key: string; params: Record<string, unknown> }[] = [];
  changes: { field: string; value: unknown }[] = [];
  replies: ClientReply[] = [];

  constructor(
    readonly id: number,
    readonly nodeCount: number,
    public params: P,
    seed = 1,
  ) {
    this.rng = RandomStream.derive(seed, 'node', id);
  }

  send(to: number, msg: M): void {
    // The kernel refuses these too (KernelIO.send); fail at the same place in node-level tests.
    if (to === this.id || to < 1 || to > this.nodeCount) throw new Error(`S${this.id} cannot send ${msg.type} to ${to}`);
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

  reply(reply: ClientReply): void {
    this.replies.push(reply);
  }

  /** The messages sent since the last call, and forget them. */
  take(): { to: number; msg: M }[] {
    const out = this.sent;
    this.sent = [];
    return out;
  }

  /** The narration keys so far, in order. */
  keys(): string[] {
    return this.narrations.map((n) => n.key);
  }
}
