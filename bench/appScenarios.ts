import { shareHash } from '../src/sim/scenario/codec';
import type { Scenario } from '../src/sim/scenario/schema';
import type { Target } from './appReport';

/** The page addresses (hashes) `npm run bench app` opens, and the playback matrix it measures. */

export const RAFT_5 = '#lib=raft-first-election';

/** The library's 5-node Raft run, opened paused at virtual time `ms` (the worker runs there first). */
export function raft5At(ms: number): string {
  return `${RAFT_5}&at=${ms}`;
}

function cluster(protocol: 'raft' | 'zab' | 'gossip', nodes: number): string {
  // Each protocol's default params; gossip's default mode is SWIM.
  const scenario = { version: 1, protocol, title: 'bench', seed: 1, nodes } as Scenario;
  return shareHash(scenario);
}

export interface PlayScenario {
  name: string;
  hash: string;
  fps: Target;
  /** Largest gap between animation frames. */
  worstFrame?: Target;
  /** Virtual ms per (wall ms × speed). */
  rate?: Target;
}

const SMOOTH: Pick<PlayScenario, 'fps' | 'rate'> = { fps: { op: '≥', value: 55 }, rate: { op: '≥', value: 0.95 } };

export const PLAY_SCENARIOS: PlayScenario[] = [
  { name: 'Raft 5', hash: RAFT_5, ...SMOOTH },
  { name: 'Raft 15', hash: cluster('raft', 15), ...SMOOTH },
  { name: 'ZooKeeper 15', hash: cluster('zab', 15), ...SMOOTH },
  { name: 'gossip 100', hash: cluster('gossip', 100), ...SMOOTH },
  { name: 'gossip 1000', hash: cluster('gossip', 1000), fps: { op: '≥', value: 30 }, worstFrame: { op: '≤', value: 50 } },
];

/** Values of the Speed select the matrix plays at. */
export const PLAY_SPEEDS = [0.1, 1, 10, 100] as const;
