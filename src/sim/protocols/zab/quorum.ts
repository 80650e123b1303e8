import type { ZabParams } from './params';

/** A voter is a participant: any server the configuration does not list as an observer. */
export function isVoter(params: ZabParams, id: number): boolean {
  return id > 0 && !params.observers.includes(id);
}

export function voterIds(params: ZabParams, nodeCount: number): number[] {
  const out: number[] = [];
  for (let id = 1; id <= nodeCount; id++) if (isVoter(params, id)) out.push(id);
  return out;
}

/**
 * QuorumMaj: more than half of the voters. The unsafe switch `quorum: "half"` accepts exactly
 * half, so both halves of an even cluster can each form a "quorum" (split brain, for teaching).
 */
export function quorumSize(params: ZabParams, nodeCount: number): number {
  const voters = voterIds(params, nodeCount).length;
  return params.unsafe.quorum === 'half' ? Math.ceil(voters / 2) : Math.floor(voters / 2) + 1;
}

/** Do the voters among `ids` form a quorum (SyncedLearnerTracker.hasAllQuorums)? */
export function isQuorum(params: ZabParams, nodeCount: number, ids: readonly number[]): boolean {
  let voters = 0;
  for (const id of ids) if (isVoter(params, id)) voters++;
  return voters > 0 && voters >= quorumSize(params, nodeCount);
}

export function idsWhere(flags: readonly boolean[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < flags.length; i++) if (flags[i]) out.push(i);
  return out;
}
