import type { NodeView } from '../sim/kernel/protocol';

/**
 * A node's accessible name (Contract 3): "S3, leader, term 4"; "S2, following, epoch 1";
 * "S5, alive"; "S4, down, term 2". It starts with S<id> and says role and term or epoch.
 */
export function nodeLabel(view: NodeView): string {
  const parts = [`S${String(view.id)}`];
  if (view.up === false) parts.push('down');
  else if (view.paused === true) parts.push('paused');
  const role = (view.role ?? view.state ?? view.status) as string | undefined;
  if (role && view.up !== false) parts.push(role);
  if (typeof view.term === 'number') parts.push(`term ${view.term}`);
  else if (typeof view.currentEpoch === 'number') parts.push(`epoch ${view.currentEpoch}`);
  return parts.join(', ');
}

export function leaderLabel(leader: { id: number; term: number } | null, protocol: string): string {
  if (!leader) return 'No leader';
  return `Leader: S${leader.id}, ${protocol === 'zab' ? 'epoch' : 'term'} ${leader.term}`;
}

export function formatMs(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}
