import type { ClientReply, Message, NodeIO } from './protocol';
import type { RandomStream } from './prng';

/** The kernel side of a node's effects; `KernelIO` forwards each call with the node it came from. */
export interface EffectSink {
  send(from: number, to: number, msg: Message): void;
  setTimer(node: number, name: string, delayMs: number): void;
  cancelTimer(node: number, name: string): void;
  narrate(node: number, key: string, params: Record<string, unknown>): void;
  changed(node: number, field: string, value: unknown): void;
  reply(node: number, reply: ClientReply): void;
}

const NO_PARAMS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/**
 * One reusable NodeIO: the kernel points it at the node and time of the input it is about to
 * hand over, so delivering an event allocates nothing.
 */
export class KernelIO implements NodeIO<Message, unknown> {
  id = 0;
  now = 0;
  params: unknown = undefined;
  rng!: RandomStream;

  constructor(
    private readonly sink: EffectSink,
    readonly nodeCount: number,
  ) {}

  send(to: number, msg: Message): void {
    if (to === this.id || to < 1 || to > this.nodeCount || (to | 0) !== to) {
      throw new Error(`S${this.id} cannot send ${msg.type} to ${to}: not a peer`);
    }
    this.sink.send(this.id, to, msg);
  }

  setTimer(name: string, delayMs: number): void {
    if (!(delayMs >= 0)) throw new Error(`S${this.id} set timer ${name} with delay ${delayMs}`);
    this.sink.setTimer(this.id, name, delayMs);
  }

  cancelTimer(name: string): void {
    this.sink.cancelTimer(this.id, name);
  }

  narrate(key: string, params?: Record<string, unknown>): void {
    this.sink.narrate(this.id, key, params ?? NO_PARAMS);
  }

  changed(field: string, value: unknown): void {
    this.sink.changed(this.id, field, value);
  }

  reply(reply: ClientReply): void {
    this.sink.reply(this.id, reply);
  }
}
