import type { NodeView } from '../sim/kernel/protocol';
import { Health, Seen, type GossipBulk } from '../worker/frame';
import { strings, termWord } from './strings';

/** The role a node shows, whatever the protocol calls it (Raft role, ZAB state). */
export function roleOf(view: NodeView): string | undefined {
  const role = view.role ?? view.state ?? view.status;
  return typeof role === 'string' ? role : undefined;
}

/**
 * A node's accessible name (Contract 3): "S3, leader, term 4"; "S2, following, epoch 1";
 * "S5, alive"; "S4, down, term 2". It starts with S<id> and says role and term or epoch.
 */
export function nodeLabel(view: NodeView): string {
  const parts = [`S${String(view.id)}`];
  if (view.up === false) parts.push('down');
  else if (view.paused === true) parts.push('paused');
  const role = roleOf(view);
  if (role && view.up !== false) parts.push(role);
  if (typeof view.term === 'number') parts.push(`term ${view.term}`);
  else if (typeof view.currentEpoch === 'number') parts.push(`epoch ${view.currentEpoch}`);
  return parts.join(', ');
}

const SEEN_NAMES = ['unknown', 'alive', 'suspect', 'dead', 'left'];

/** A gossip node's status as the cluster sees it: what the canvas colors it by. */
export function gossipStatus(bulk: GossipBulk, id: number): string {
  const health = bulk.health[id];
  if (health === Health.down) return 'down';
  if (health === Health.left) return 'left';
  const seen = bulk.seen[id];
  if (seen === Seen.suspect || seen === Seen.dead) return SEEN_NAMES[seen];
  return 'alive';
}

/** How the live members see a node: unknown, alive, suspect, dead or left. */
export function seenStatus(bulk: GossipBulk, id: number): string {
  return SEEN_NAMES[bulk.seen[id]] ?? 'unknown';
}

/** "S7, alive, informed"; "S9, down, seen dead" — a gossip node's accessible name. */
export function gossipLabel(bulk: GossipBulk, id: number): string {
  const parts = [`S${id}`];
  const health = bulk.health[id];
  if (health === Health.down) {
    parts.push('down');
    if (bulk.seen[id] === Seen.dead || bulk.seen[id] === Seen.suspect) parts.push(`seen ${SEEN_NAMES[bulk.seen[id]]}`);
  } else {
    if (health === Health.paused) parts.push('paused');
    parts.push(gossipStatus(bulk, id));
  }
  if (Number.isFinite(bulk.informedAt[id])) parts.push('informed');
  return parts.join(', ');
}

export function leaderLabel(leader: { id: number; term: number } | null, protocol: string): string {
  if (!leader) return strings.noLeader;
  return strings.leaderIs(leader.id, termWord(protocol), leader.term);
}

export function formatMs(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}
