import { z } from 'zod';

const ms = z.number().nonnegative();

export const gossipParamsSchema = z
  .strictObject({
    mode: z.enum(['rumor', 'swim']).describe('default "swim"'),
    spread: z.enum(['push', 'pull', 'pushpull']).describe('rumor mode (default "push")'),
    fanout: z.number().int().positive().describe('peers per gossip round (default 3, memberlist GossipNodes)'),
    gossipInterval: ms.describe('ms between gossip rounds (default 200)'),
    probeInterval: ms.describe('SWIM protocol period, ms (default 1000)'),
    probeTimeout: ms.describe('ms to wait for an ack before indirect probes (default 500)'),
    indirectChecks: z.number().int().nonnegative().describe('ping-req helpers (default 3)'),
    suspicionMult: z.number().positive().describe('suspicion timeout multiplier (default 4)'),
    retransmitMult: z.number().positive().describe('piggyback retransmission multiplier (default 4)'),
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
}

/** hashicorp/memberlist DefaultLANConfig. */
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
};

export function resolveGossipParams(input: GossipParamsInput | undefined, base: GossipParams = gossipDefaults): GossipParams {
  return { ...base, ...(input ?? {}) } as GossipParams;
}

export const gossipInitSchema = z.strictObject({
  up: z.boolean().optional(),
});
export type GossipInit = z.infer<typeof gossipInitSchema>;
