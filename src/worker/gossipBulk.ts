import type { Simulation } from '../sim/kernel/simulation';
import { Status, type GossipParams, type GossipState } from '../sim/protocols/gossip';
import { Health, Seen, type GossipBulk } from './frame';

/**
 * A gossip cluster as arrays for the canvas and the informed-fraction chart: how each node runs,
 * how the live members see it, and when it heard the rumor. O(n²) over the member tables,
 * about a millisecond at 1,000 nodes.
 */
export function gossipBulk(sim: Simulation): GossipBulk {
  const n = sim.nodeCount;
  const params = sim.params as GossipParams;
  const health = new Uint8Array(n + 1);
  const seen = new Uint8Array(n + 1);
  const informedAt = new Float64Array(n + 1).fill(NaN);
  const worst = new Uint8Array(n + 1);
  let rumorStartedAt: number | null = null;
  let live = 0;
  let informed = 0;
  let mode: 'rumor' | 'swim' = params.mode;
  for (let id = 1; id <= n; id++) {
    const s = sim.stateOf(id) as GossipState | null;
    if (!sim.isUp(id) || !s) continue;
    mode = s.mode;
    const left = s.mode === 'swim' && s.left;
    health[id] = left ? Health.left : sim.isPaused(id) ? Health.paused : Health.up;
    if (!left) live++;
    if (s.rumor) {
      informedAt[id] = s.informedAtMs ?? s.rumor.createdAtMs;
      if (!left) informed++;
      rumorStartedAt = rumorStartedAt === null ? s.rumor.createdAtMs : Math.min(rumorStartedAt, s.rumor.createdAtMs);
    }
    if (s.mode !== 'swim' || left) continue;
    // Bits of what this observer holds about each member: 1 alive, 2 suspect, 4 dead, 8 left.
    const table = s.status;
    for (let j = 1; j <= n; j++) {
      const st = table[j];
      if (st === Status.alive) worst[j] |= 1;
      else if (st === Status.suspect) worst[j] |= 2;
      else if (st === Status.dead) worst[j] |= 4;
      else if (st === Status.left) worst[j] |= 8;
    }
  }
  let suspected = 0;
  let dead = 0;
  for (let j = 1; j <= n; j++) {
    if (mode === 'rumor') {
      seen[j] = health[j] === Health.down ? Seen.unknown : Seen.alive;
      continue;
    }
    const w = worst[j];
    seen[j] = w & 4 ? Seen.dead : w & 8 ? Seen.left : w & 2 ? Seen.suspect : w & 1 ? Seen.alive : Seen.unknown;
    if (seen[j] === Seen.suspect) suspected++;
    else if (seen[j] === Seen.dead) dead++;
  }
  const net = sim.networkView().settings;
  return { mode, health, seen, informedAt, rumorStartedAt, live, informed, suspected, dead, gossipIntervalMs: params.gossipInterval, fanout: params.fanout, loss: net.loss };
}

/** The buffers to transfer rather than copy when posting a frame. */
export function bulkTransferables(bulk: GossipBulk | null): ArrayBuffer[] {
  if (!bulk) return [];
  return [bulk.health.buffer, bulk.seen.buffer, bulk.informedAt.buffer] as ArrayBuffer[];
}
