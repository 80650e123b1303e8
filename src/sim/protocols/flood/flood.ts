import type { Checker, Message, NodeCommand, NodeIO, Protocol } from '../../kernel/protocol';

/**
 * A minimal protocol for testing and benchmarking the kernel (not part of the scenario format):
 * every `interval` ms a node sends a note to `fanout` random peers; a note with hops left is
 * forwarded to one more random peer. It exercises timers, messages, per-node randomness,
 * persistence and a checker.
 */
export interface FloodParams {
  fanout: number;
  ttl: number;
  interval: number;
  /** The checker reports a node that has received more than this many notes. */
  maxReceived: number;
}

export interface FloodNote extends Message {
  type: 'note';
  origin: number;
  serial: number;
  ttl: number;
}

export interface FloodState {
  received: number;
  originated: number;
  /** Volatile: lost on crash. */
  forwarded: number;
}

type Persisted = { received: number; originated: number };
type IO = NodeIO<FloodNote, FloodParams>;

export const floodDefaults: FloodParams = { fanout: 2, ttl: 3, interval: 100, maxReceived: Infinity };

function randomPeer(io: IO, not: number): number {
  if (io.nodeCount < 2) return 0;
  for (;;) {
    const peer = io.rng.int(1, io.nodeCount);
    if (peer !== io.id && (peer !== not || io.nodeCount < 3)) return peer;
  }
}

function originate(state: FloodState, io: IO): void {
  state.originated++;
  for (let i = 0; i < io.params.fanout; i++) {
    const peer = randomPeer(io, io.id);
    if (peer > 0) io.send(peer, { type: 'note', origin: io.id, serial: state.originated, ttl: io.params.ttl });
  }
}

const receivedBound: Checker<FloodState, null> = {
  invariant: 'ReceivedBound',
  init: () => null,
  check(cluster, _memory, report) {
    const max = (cluster.params as FloodParams).maxReceived;
    const from = cluster.touched || 1;
    const to = cluster.touched || cluster.nodeCount;
    for (let id = from; id <= to; id++) {
      const s = cluster.states[id];
      if (s && s.received > max) report(`S${id} received more than ${max} notes`);
    }
  },
};

export const floodProtocol: Protocol<FloodState, FloodNote, FloodParams, Persisted> = {
  name: 'flood',
  resolveParams: (partial, base = floodDefaults) => ({ ...base, ...(partial as Partial<FloodParams> | undefined) }),
  initialPersisted: () => ({ received: 0, originated: 0 }),
  boot(persisted, io) {
    io.setTimer('tick', io.rng.int(0, io.params.interval));
    return { received: persisted.received, originated: persisted.originated, forwarded: 0 };
  },
  onMessage(state, from, msg, io) {
    state.received++;
    if (msg.ttl > 0) {
      const peer = randomPeer(io, from);
      if (peer > 0) {
        state.forwarded++;
        io.send(peer, { type: 'note', origin: msg.origin, serial: msg.serial, ttl: msg.ttl - 1 });
      }
    }
  },
  onTimer(state, name, io) {
    if (name !== 'tick') return;
    originate(state, io);
    io.setTimer('tick', io.params.interval);
  },
  onCommand(state, command: NodeCommand, io) {
    if (command.type === 'timeout') originate(state, io);
    else io.narrate('flood.command', { node: io.id, command: command.type });
  },
  persist: (state) => ({ received: state.received, originated: state.originated }),
  view: (state, persisted) => ({
    received: state?.received ?? persisted?.received ?? 0,
    originated: state?.originated ?? persisted?.originated ?? 0,
    forwarded: state?.forwarded ?? 0,
  }),
  checkers: [receivedBound],
};
