import { z } from 'zod';

const ms = z.number().nonnegative();

export const zabParamsSchema = z
  .strictObject({
    finalizeWait: ms.describe('ms a server waits for a better vote once a quorum agrees (default 200)'),
    maxNotificationInterval: ms.describe('cap of the doubling notification timeout, ms (default 60000)'),
    tickTime: ms.describe('ms per tick (default 2000)'),
    initLimit: z.number().int().positive().describe('ticks a follower may take to connect and sync (default 10)'),
    syncLimit: z.number().int().positive().describe('ticks without an answer before a leader drops a follower (default 5)'),
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
  unsafe: { quorum: 'majority' | 'half' };
}

export const zabDefaults: ZabParams = {
  finalizeWait: 200,
  maxNotificationInterval: 60000,
  tickTime: 2000,
  initLimit: 10,
  syncLimit: 5,
  unsafe: { quorum: 'majority' },
};

export function resolveZabParams(input: ZabParamsInput | undefined, base: ZabParams = zabDefaults): ZabParams {
  const p = input ?? {};
  return { ...base, ...p, unsafe: { ...base.unsafe, ...(p.unsafe ?? {}) } } as ZabParams;
}

const zxid = z.union([
  z.number().int().nonnegative(),
  z.strictObject({ epoch: z.number().int().nonnegative(), counter: z.number().int().nonnegative() }),
]);

export const zabInitSchema = z.strictObject({
  up: z.boolean().optional(),
  epoch: z.number().int().nonnegative().optional().describe('currentEpoch'),
  acceptedEpoch: z.number().int().nonnegative().optional(),
  zxid: zxid.optional().describe('last logged zxid: a number, or {epoch, counter}'),
  observer: z.boolean().optional(),
});
export type ZabInit = z.infer<typeof zabInitSchema>;
