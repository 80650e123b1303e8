import type { Simulation } from '../sim/kernel/simulation';
import type { NodeView } from '../sim/kernel/protocol';
import type { ProtocolId } from '../sim/scenario/schema';
import type { FrameMessage, FrameNetwork, FrameTimer } from './frame';

/** At most this many messages are drawn; a storm beyond it is summed up by the in-flight count. */
const MAX_DRAWN_MESSAGES = 400;

export function framedMessages(sim: Simulation): FrameMessage[] {
  const out: FrameMessage[] = [];
  for (const m of sim.inFlight()) {
    if (out.length >= MAX_DRAWN_MESSAGES) break;
    const type = (m.msg as { type?: unknown } | null)?.type;
    out.push({ id: m.id, from: m.from, to: m.to, type: typeof type === 'string' ? type : 'message', sentAt: m.sentAt, arrivesAt: m.arrivesAt, dropped: m.dropped, msg: m.msg });
  }
  return out;
}

export function framedNetwork(sim: Simulation): FrameNetwork {
  const net = sim.networkView();
  return {
    groups: net.groups,
    cuts: net.cuts,
    latency: [net.settings.latency[0], net.settings.latency[1]],
    loss: net.settings.loss,
    duplicate: net.settings.duplicate,
  };
}

/** The timers each protocol draws as the shrinking arc around a node, most telling first. */
const ARC_TIMERS: Record<ProtocolId, readonly string[]> = {
  raft: ['election'],
  // ZooKeeper: finalizing a vote, waiting for notifications while LOOKING, a learner's patience with its leader.
  zab: ['finalize', 'notify', 'leader'],
  gossip: [],
};

/**
 * The arc timers of every live node. The kernel knows when a timer is due but not when it was
 * set, so the full duration comes from the node's view when the protocol shows it (Raft's
 * `electionTimeoutMs`), else from the remaining time when the UI first saw that timer.
 */
export class TimerMemo {
  private readonly seen = new Map<string, { due: number; totalMs: number }>();

  clear(): void {
    this.seen.clear();
  }

  timers(sim: Simulation, protocol: ProtocolId, views: readonly NodeView[]): FrameTimer[] {
    const names = ARC_TIMERS[protocol];
    const out: FrameTimer[] = [];
    if (names.length === 0) return out;
    for (let id = 1; id <= sim.nodeCount; id++) {
      const pending = sim.timersOf(id);
      const t = names.map((name) => pending.find((p) => p.name === name)).find((p) => p !== undefined);
      if (!t) continue;
      const key = `${id}:${t.name}`;
      const known = this.seen.get(key);
      const declared = views[id - 1]?.electionTimeoutMs;
      let totalMs: number;
      if (typeof declared === 'number' && t.name === 'election' && declared >= t.due - sim.now) totalMs = declared;
      else if (known && known.due === t.due) totalMs = known.totalMs;
      else totalMs = Math.max(1, t.due - sim.now);
      this.seen.set(key, { due: t.due, totalMs });
      out.push({ node: id, name: t.name, due: t.due, totalMs });
    }
    return out;
  }
}
