import { raftProtocol } from '.';
import type { RaftParamsInput } from './params';
import { bootNode, type RecordingIO } from './testHarness';
import type { RaftMessage, RaftState } from './types';

type Init = Parameters<typeof bootNode>[2];

interface Envelope {
  from: number;
  to: number;
  msg: RaftMessage;
}

/**
 * A network of Raft nodes with no kernel and no clock of its own, in the manner of etcd-raft's
 * `network` test helper: a command runs on one node and every message it causes is delivered at
 * once, breadth first, until the network is quiet. Links can be cut, nodes isolated or absent
 * (etcd's nopStepper), and message types ignored. Time moves only when a test says so.
 */
export class TestNetwork {
  private readonly nodes: ({ state: RaftState; io: RecordingIO } | null)[] = [null];
  private readonly cuts = new Set<string>();
  private readonly isolated = new Set<number>();
  private readonly ignored = new Set<RaftMessage['type']>();
  private readonly queue: Envelope[] = [];

  /** `inits[i]` boots node i + 1 from that disk state; null leaves the node out (down). */
  constructor(inits: readonly (Init | null)[], params: RaftParamsInput = {}) {
    inits.forEach((init, i) => {
      this.nodes.push(init === null ? null : bootNode(i + 1, inits.length, init, params));
    });
    for (let id = 1; id < this.nodes.length; id++) this.node(id)?.io.take();
  }

  state(id: number): RaftState {
    const node = this.node(id);
    if (!node) throw new Error(`S${id} is not in this network`);
    return node.state;
  }

  io(id: number): RecordingIO {
    const node = this.node(id);
    if (!node) throw new Error(`S${id} is not in this network`);
    return node.io;
  }

  /** etcd's MsgHup: the node's election timer fires now. */
  hup(...ids: number[]): void {
    for (const id of ids) this.run(id, (state, io) => raftProtocol.onTimer(state, 'election', io));
    this.flush();
  }

  /** etcd's MsgBeat: the leader's heartbeat fires now. */
  beat(id: number): void {
    this.run(id, (state, io) => raftProtocol.onTimer(state, 'heartbeat', io));
    this.flush();
  }

  /** etcd's MsgProp: a client writes `value` at this node. */
  propose(id: number, value: string): void {
    this.run(id, (state, io) => raftProtocol.onCommand(state, { type: 'request', value } as never, io));
    this.flush();
  }

  /** A hand-made message, delivered as if `from` had sent it, and everything it causes. */
  send(from: number, to: number, msg: RaftMessage): void {
    this.queue.push({ from, to, msg });
    this.flush();
  }

  /** The messages a node has queued but not sent, dropped (they never leave it). */
  discardOutbox(id: number): void {
    this.io(id).take();
  }

  /** Runs `fn` on the node without delivering what it sends (it stays in the outbox). */
  hold(id: number, fn: (state: RaftState, io: RecordingIO) => void): void {
    fn(this.state(id), this.io(id));
  }

  /**
   * Moves the clocks of `ids` (all nodes by default) `ms` forward, firing each node's timers as
   * they fall due, earliest first, and delivering what they cause.
   */
  advance(ms: number, ids: readonly number[] = this.ids()): void {
    const until = new Map(ids.map((id) => [id, this.io(id).now + ms]));
    for (;;) {
      let next: { id: number; name: string; at: number } | null = null;
      for (const id of ids) {
        for (const [name, at] of this.io(id).timers) {
          if (at <= until.get(id)! && (next === null || at < next.at)) next = { id, name, at };
        }
      }
      if (next === null) break;
      const { id, name, at } = next;
      this.io(id).now = at;
      this.run(id, (state, io) => {
        io.timers.delete(name);
        raftProtocol.onTimer(state, name, io);
      });
      this.flush();
    }
    for (const id of ids) this.io(id).now = until.get(id)!;
  }

  /** Moves clocks forward without firing any timer (etcd's tests tick one node alone). */
  wait(ms: number, ids: readonly number[] = this.ids()): void {
    for (const id of ids) this.io(id).now += ms;
  }

  cut(a: number, b: number): void {
    this.cuts.add(`${a}-${b}`).add(`${b}-${a}`);
  }

  isolate(id: number): void {
    this.isolated.add(id);
  }

  ignore(type: RaftMessage['type']): void {
    this.ignored.add(type);
  }

  recover(): void {
    this.cuts.clear();
    this.isolated.clear();
    this.ignored.clear();
  }

  private ids(): number[] {
    const out: number[] = [];
    for (let id = 1; id < this.nodes.length; id++) if (this.nodes[id]) out.push(id);
    return out;
  }

  private node(id: number): { state: RaftState; io: RecordingIO } | null {
    return this.nodes[id] ?? null;
  }

  private run(id: number, fn: (state: RaftState, io: RecordingIO) => void): void {
    const node = this.node(id);
    if (!node) return;
    fn(node.state, node.io);
    for (const { to, msg } of node.io.take()) this.queue.push({ from: id, to, msg });
  }

  private delivers(e: Envelope): boolean {
    if (!this.node(e.to) || this.isolated.has(e.from) || this.isolated.has(e.to)) return false;
    return !this.cuts.has(`${e.from}-${e.to}`) && !this.ignored.has(e.msg.type);
  }

  private flush(): void {
    while (this.queue.length > 0) {
      const e = this.queue.shift()!;
      if (this.delivers(e)) this.run(e.to, (state, io) => raftProtocol.onMessage(state, e.from, e.msg, io));
    }
  }
}
