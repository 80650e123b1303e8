import type { ZabParams } from './params';

/*
 * ZooKeeper's time model, in virtual ms. The election itself never waits for ticks (it runs on
 * finalizeWait and the notification timeout); ticks only bound how long the phases after it may
 * take and how long silence is tolerated:
 * - a learner connecting and syncing waits up to initLimit ticks for its leader
 *   (Learner.connectToLeader sets the socket timeout to tickTime * initLimit), and so does a
 *   leader for each quorum of discovery and synchronization (getEpochToPropose, waitForEpochAck,
 *   waitForNewLeaderAck);
 * - once up to date, a follower gives up on a leader silent for syncLimit ticks (the socket
 *   timeout becomes tickTime * syncLimit);
 * - a leader pings its learners every half tick and, every tick, steps down unless a quorum
 *   answered within syncLimit ticks (Leader.lead, LearnerHandler.synced).
 */
export function initLimitMs(p: ZabParams): number {
  return p.tickTime * p.initLimit;
}

export function syncLimitMs(p: ZabParams): number {
  return p.tickTime * p.syncLimit;
}

export function pingIntervalMs(p: ZabParams): number {
  return p.tickTime / 2;
}

/** Learner.connectToLeader: a refused connection is retried this many times, this far apart (leaderConnectDelayDuringRetryMs). */
export const CONNECT_TRIES = 5;
export const CONNECT_RETRY_MS = 100;
