import { z } from 'zod';
import { duration, whole } from '../../scenario/bounds';

/**
 * ZooKeeper parameters (ARCHITECTURE Contract 1), with ZooKeeper's defaults: finalizeWait and
 * maxNotificationInterval from FastLeaderElection.java, tickTime / initLimit / syncLimit from
 * zoo_sample.cfg. One field is added beyond Contract 1's list: `observers`, the ids that zoo.cfg
 * marks `:observer` (the configuration every server reads, so every server knows who votes).
 * A scenario may also say `init.<id>.observer: true`; the two are merged (see config.ts).
 */
export const zabParamsSchema = z
  .strictObject({
    finalizeWait: duration(1, 60_000).describe('ms a server waits for a better vote once a quorum agrees (default 200)'),
    maxNotificationInterval: duration(1, 3_600_000).describe('cap of the doubling notification timeout, ms (default 60000)'),
    tickTime: duration(1, 60_000).describe('ms per tick (default 2000)'),
    initLimit: whole(1, 1000, 'ticks').describe('ticks a follower may take to connect and sync (default 10)'),
    syncLimit: whole(1, 1000, 'ticks').describe('ticks without an answer before a leader drops a follower (default 5)'),
    observers: z
      .array(z.number().int().positive())
      .describe('ids of observers (zoo.cfg "server.N=…:observer"); they follow the leader but never vote (default none); read at start only'),
    unsafe: z.strictObject({ quorum: z.enum(['majority', 'half']) }).partial(),
  })
  .partial();
export type ZabParamsInput = z.infer<typeof zabParamsSchema>;

export interface ZabParams {
  finalizeWait: number;
  maxNotificationInterval: number;
  tickTime: number;
  initLimit: number;
  syncLimit: number;
  /** Sorted ids of the servers that do not vote. */
  observers: number[];
  unsafe: { quorum: 'majority' | 'half' };
}

export const zabDefaults: ZabParams = {
  finalizeWait: 200,
  maxNotificationInterval: 60000,
  tickTime: 2000,
  initLimit: 10,
  syncLimit: 5,
  observers: [],
  unsafe: { quorum: 'majority' },
};

export function resolveZabParams(input: ZabParamsInput | undefined, base: ZabParams = zabDefaults): ZabParams {
  const p = input ?? {};
  const observers = [...new Set(p.observers ?? base.observers)].sort((a, b) => a - b);
  return { ...base, ...p, observers, unsafe: { ...base.unsafe, ...(p.unsafe ?? {}) } } as ZabParams;
}

/**
 * A given zxid implies a history up to it, synthesized one transaction per counter (persistence.ts),
 * so the counter is bounded to keep that history small.
 */
export const MAX_INIT_COUNTER = 10_000;
const TWO_32 = 0x100000000;

const zxid = z
  .union([
    z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    z.strictObject({ epoch: z.number().int().nonnegative().max(0x1fffff), counter: z.number().int().nonnegative() }),
  ])
  .refine((v) => (typeof v === 'number' ? v % TWO_32 : v.counter) <= MAX_INIT_COUNTER, {
    message: `the counter of an initial zxid is at most ${MAX_INIT_COUNTER} (one transaction is synthesized per counter)`,
  });

export const zabInitSchema = z.strictObject({
  up: z.boolean().optional(),
  epoch: z.number().int().nonnegative().optional().describe('currentEpoch (default: the epoch of zxid)'),
  acceptedEpoch: z.number().int().nonnegative().optional().describe('default: currentEpoch'),
  zxid: zxid.optional().describe('last logged zxid: a number (epoch * 2^32 + counter), or {epoch, counter}; the history up to it is synthesized'),
  observer: z.boolean().optional(),
});
export type ZabInit = z.infer<typeof zabInitSchema>;
