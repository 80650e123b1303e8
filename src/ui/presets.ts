import { defaultScenario } from '../sim/scenario/library/defaultScenario';
import type { ProtocolId, Scenario } from '../sim/scenario/schema';

/** The protocol switch's choices (the schema's list, without pulling the validator into the page). */
export const PROTOCOLS: readonly ProtocolId[] = ['raft', 'zab', 'gossip'];

/** Node counts the protocol switch offers in the browser. */
export const NODE_LIMITS: Record<ProtocolId, { min: number; max: number; preset: number }> = {
  raft: { min: 1, max: 15, preset: 5 },
  zab: { min: 1, max: 15, preset: 5 },
  gossip: { min: 1, max: 1000, preset: 24 },
};

/** The playback speed each protocol opens with: Raft and ZAB messages take tens of ms, a SWIM failure seconds. */
export const PRESET_SPEED: Record<ProtocolId, number> = { raft: 0.1, zab: 0.1, gossip: 1 };

export function clampNodes(protocol: ProtocolId, n: number): number {
  const { min, max, preset } = NODE_LIMITS[protocol];
  if (!Number.isFinite(n)) return preset;
  return Math.min(max, Math.max(min, Math.round(n)));
}

/** The scenario the protocol switch loads: a fresh cluster of `nodes` nodes. */
export function presetScenario(protocol: ProtocolId, nodes: number): Scenario {
  const n = clampNodes(protocol, nodes);
  if (protocol === 'raft') {
    if (n === defaultScenario.nodes) return defaultScenario;
    return {
      version: 1,
      protocol: 'raft',
      title: `First election: ${n} node${n === 1 ? '' : 's'}`,
      description: `${n} Raft nodes start as followers; the first whose randomized election timeout fires asks the others for votes, and a majority (${Math.floor(n / 2) + 1} of ${n}) makes it leader.`,
      seed: 1,
      nodes: n,
      network: { latency: [10, 30], loss: 0, duplicate: 0 },
      events: [],
    };
  }
  if (protocol === 'zab') {
    return {
      version: 1,
      protocol: 'zab',
      title: `ZooKeeper: ${n} server${n === 1 ? '' : 's'} elect a leader`,
      description: `${n} ZooKeeper servers start LOOKING and exchange votes (fast leader election); a quorum (${Math.floor(n / 2) + 1} of ${n}) agreeing on the server with the highest (epoch, zxid, myid) makes it LEADING, and the others FOLLOWING.`,
      seed: 1,
      nodes: n,
      network: { latency: [10, 30], loss: 0, duplicate: 0 },
      events: [],
    };
  }
  const crash = n >= 3 ? [{ at: 3000, do: 'crash' as const, node: n }] : [];
  return {
    version: 1,
    protocol: 'gossip',
    title: `Gossip: a rumor and a crash among ${n} nodes`,
    description: `${n} nodes run SWIM with memberlist's LAN defaults. At 1 s S1 starts a rumor, which spreads piggybacked on pings and gossip rounds.${n >= 3 ? ` At 3 s S${n} crashes: its probers get no ack, suspect it, and after the suspicion timeout declare it dead.` : ''}`,
    seed: 1,
    nodes: n,
    network: { latency: [5, 20], loss: 0, duplicate: 0 },
    params: { mode: 'swim' },
    events: [{ at: 1000, do: 'rumor', node: 1 }, ...crash],
  };
}
