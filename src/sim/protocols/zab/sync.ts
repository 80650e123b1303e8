import { countUpTo, indexOfZxid, lastZxid } from './history';
import type { Txn } from './types';

/**
 * How many of the latest transactions a leader keeps in memory to sync learners by DIFF
 * (ZKDatabase.commitLogCount, default 500): a learner further behind gets a SNAP.
 */
export const COMMIT_LOG_COUNT = 500;

export type SyncPlan =
  | { mode: 'DIFF'; entries: Txn[] }
  | { mode: 'TRUNC'; zxid: number; entries: Txn[] }
  | { mode: 'SNAP'; history: Txn[] };

/**
 * LearnerHandler.syncFollower: how a leader brings a learner whose last zxid is `peerLastZxid` to
 * its own history.
 * - The same last zxid: an empty DIFF.
 * - Ahead of the leader (it logged proposals the leader never had): TRUNC to the leader's last zxid.
 * - Inside the leader's in-memory window and in the leader's log: DIFF, the transactions after it.
 * - Inside the window but not in the leader's log (a proposal of an old epoch that was never
 *   committed): TRUNC to the leader's transaction just before it, then the rest as a DIFF.
 * - Older than the window (or an empty learner): SNAP, the leader's whole state.
 */
export function planSync(history: readonly Txn[], peerLastZxid: number, window = COMMIT_LOG_COUNT): SyncPlan {
  const last = lastZxid(history);
  if (peerLastZxid === last) return { mode: 'DIFF', entries: [] };
  if (peerLastZxid > last) return { mode: 'TRUNC', zxid: last, entries: [] };
  const minCommittedLog = history[Math.max(0, history.length - window)].zxid;
  if (peerLastZxid < minCommittedLog) return { mode: 'SNAP', history: history.slice() };
  const at = indexOfZxid(history, peerLastZxid);
  if (at >= 0) return { mode: 'DIFF', entries: history.slice(at + 1) };
  const keep = countUpTo(history, peerLastZxid);
  return { mode: 'TRUNC', zxid: keep > 0 ? history[keep - 1].zxid : 0, entries: history.slice(keep) };
}
