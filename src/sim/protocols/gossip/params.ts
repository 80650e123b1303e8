import { z } from 'zod';
import { duration, durationOrOff, factor, whole } from '../../scenario/bounds';

/**
 * Gossip parameters (ARCHITECTURE Contract 1). Defaults are hashicorp/memberlist's
 * DefaultLANConfig; `reconnectInterval` is Serf's. Fields added beyond Contract 1's list
 * (all optional, documented here): `suspicionMaxTimeoutMult` (Lifeguard), `pushPullInterval`,
 * `reconnectInterval` and the teaching switch `unsafe.noRefute`.
 */
export const gossipParamsSchema = z
  .strictObject({
    mode: z.enum(['rumor', 'swim']).describe('default "swim"'),
    spread: z.enum(['push', 'pull', 'pushpull']).describe('rumor mode (default "push")'),
    fanout: whole(1, 64, 'peers').describe('peers per gossip round (default 3, memberlist GossipNodes)'),
    gossipInterval: duration(10, 60_000).describe('ms between gossip rounds (default 200)'),
    probeInterval: duration(10, 600_000).describe('SWIM protocol period, ms (default 1000)'),
    probeTimeout: duration(1, 600_000).describe('ms to wait for an ack before indirect probes (default 500)'),
    indirectChecks: whole(0, 16, 'helpers').describe('ping-req helpers (default 3)'),
    suspicionMult: factor(100).describe('suspicion timeout multiplier (default 4)'),
    retransmitMult: factor(100).describe('piggyback retransmission multiplier (default 4)'),
    suspicionMaxTimeoutMult: factor(100, 1).describe('Lifeguard: a suspicion starts at this many times the minimum timeout and shrinks with independent confirmations; 1 turns shrinking off (default 6)'),
    pushPullInterval: durationOrOff(1000, 3_600_000).describe('ms between full state syncs with one random member, scaled up above 32 nodes; 0 disables (default 30000)'),
    reconnectInterval: durationOrOff(1000, 3_600_000).describe('Serf: ms between attempts to rejoin a member believed dead, which heals partitions; 0 disables (default 30000)'),
    unsafe: z
      .strictObject({
        noRefute: z.boolean().describe('a node accepts suspicion and death of itself instead of refuting (breaks NeverSelfDead)'),
      })
      .partial()
      .describe('switches that break the protocol on purpose, for teaching'),
  })
  .partial();
export type GossipParamsInput = z.infer<typeof gossipParamsSchema>;

export interface GossipParams {
  mode: 'rumor' | 'swim';
  spread: 'push' | 'pull' | 'pushpull';
  fanout: number;
  gossipInterval: number;
  probeInterval: number;
  probeTimeout: number;
  indirectChecks: number;
  suspicionMult: number;
  retransmitMult: number;
  suspicionMaxTimeoutMult: number;
  pushPullInterval: number;
  reconnectInterval: number;
  unsafe: { noRefute: boolean };
}

/** hashicorp/memberlist DefaultLANConfig (reconnectInterval: Serf DefaultConfig). */
export const gossipDefaults: GossipParams = {
  mode: 'swim',
  spread: 'push',
  fanout: 3,
  gossipInterval: 200,
  probeInterval: 1000,
  probeTimeout: 500,
  indirectChecks: 3,
  suspicionMult: 4,
  retransmitMult: 4,
  suspicionMaxTimeoutMult: 6,
  pushPullInterval: 30000,
  reconnectInterval: 30000,
  unsafe: { noRefute: false },
};

export function resolveGossipParams(input: GossipParamsInput | undefined, base: GossipParams = gossipDefaults): GossipParams {
  const p = input ?? {};
  return { ...base, ...p, unsafe: { ...base.unsafe, ...(p.unsafe ?? {}) } } as GossipParams;
}

/**
 * SWIM keeps a table of every member at every node (about 7 bytes per entry, n² in all): fine
 * at 1,000 nodes (7 MB), not at 10,000 (700 MB). Rumor mode keeps O(1) per node and goes to
 * the format's 10,000.
 */
export const SWIM_MAX_NODES = 2000;

export const gossipInitSchema = z.strictObject({
  up: z.boolean().optional(),
});
export type GossipInit = z.infer<typeof gossipInitSchema>;
