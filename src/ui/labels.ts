import type { NodeView } from '../sim/kernel/protocol';
import { Health, Seen, type GossipBulk } from '../worker/frame';
import { i18n } from './i18n';

/** The role a node shows, whatever the protocol calls it (Raft role, ZAB state). */
export function roleOf(view: NodeView): string | undefined {
  const role = view.role ?? view.state ?? view.status;
  return typeof role === 'string' ? role : undefined;
}

const ROLE_WORDS = new Set(['follower', 'precandidate', 'candidate', 'leader', 'looking', 'following', 'leading', 'observing', 'unknown', 'alive', 'informed', 'suspect', 'dead', 'left', 'down']);

/** A role or status in the UI's language ("leader"; 中文 "Leader"); an unknown word is shown as it is. */
export function roleWord(role: string): string {
  return ROLE_WORDS.has(role) ? i18n.t(`node.roles.${role as 'leader'}`) : role;
}

/**
 * A node's accessible name (Contract 3): "S3, leader, term 4"; "S2, following, epoch 1";
 * "S5, alive"; "S4, down, term 2". It starts with S<id> and says role and term or epoch, in the
 * UI's language ("S3，Leader，任期 4").
 */
export function nodeLabel(view: NodeView): string {
  const parts = [`S${String(view.id)}`];
  if (view.up === false) parts.push(i18n.t('node.down'));
  else if (view.paused === true) parts.push(i18n.t('node.paused'));
  const role = roleOf(view);
  if (role && view.up !== false) parts.push(roleWord(role));
  if (typeof view.term === 'number') parts.push(i18n.t('node.term', { n: view.term }));
  else if (typeof view.currentEpoch === 'number') parts.push(i18n.t('node.epoch', { n: view.currentEpoch }));
  return parts.join(i18n.t('node.separator'));
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
    parts.push(i18n.t('node.down'));
    if (bulk.seen[id] === Seen.dead || bulk.seen[id] === Seen.suspect) parts.push(i18n.t('node.seen', { status: roleWord(SEEN_NAMES[bulk.seen[id]]) }));
  } else {
    if (health === Health.paused) parts.push(i18n.t('node.paused'));
    parts.push(roleWord(gossipStatus(bulk, id)));
  }
  if (Number.isFinite(bulk.informedAt[id])) parts.push(i18n.t('node.informed'));
  return parts.join(i18n.t('node.separator'));
}

/** The status line (Contract 3): "Leader: S3, term 4", "Leader: S5, epoch 1", "No leader". */
export function leaderLabel(leader: { id: number; term: number } | null, protocol: string): string {
  if (!leader) return i18n.t('status.noLeader');
  return i18n.t(protocol === 'zab' ? 'status.leaderEpoch' : 'status.leaderTerm', { id: leader.id, term: leader.term });
}

export function formatMs(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}
