import { z } from 'zod';
import { gossipInitSchema, gossipParamsSchema } from '../protocols/gossip/params';
import { raftInitSchema, raftParamsSchema } from '../protocols/raft/params';
import { zabInitSchema, zabParamsSchema } from '../protocols/zab/params';
import { duration, MAX_TIME_MS } from './bounds';

/** Scenario format version 1 (ARCHITECTURE Contract 1). Unknown fields are rejected everywhere. */
export const SCENARIO_VERSION = 1;
export const MAX_NODES = { raft: 64, zab: 64, gossip: 10000 } as const;

const nodeId = z.number().int().positive();
const at = duration(0, MAX_TIME_MS).describe('virtual time in ms, at most 24 h');
const after = z
  .number({ error: 'expected a whole number of events (how many events of that millisecond run before this action)' })
  .int({ error: 'expected a whole number of events (how many events of that millisecond run before this action)' })
  .nonnegative({ error: 'cannot be negative: it counts the events of that millisecond that run before this action' })
  .optional()
  .describe(
    'how many events of virtual time `at` run before this action (default 0: before all of them); the app records it so an action lands right after the event on screen',
  );
/** Where an event happens: a virtual time, and a position among the events of that millisecond. */
const when = { at, after };
const probability = z.number().min(0).max(1);
const groups = z.array(z.array(nodeId).min(1));

export const networkSchema = z
  .strictObject({
    latency: z.tuple([duration(0, 60_000), duration(0, 60_000)]).describe('[min, max] ms per message, each 0 to 60,000 (default [10, 30])'),
    loss: probability.describe('probability that a message is lost (default 0)'),
    duplicate: probability.describe('probability that a message is delivered twice (default 0)'),
  })
  .partial();

function eventSchemas<P extends z.ZodType>(params: P) {
  const onNode = <D extends string>(name: D) => z.strictObject({ ...when, do: z.literal(name), node: nodeId });
  return [
    onNode('crash'),
    onNode('restart'),
    onNode('pause'),
    onNode('resume'),
    onNode('timeout'),
    z.strictObject({ ...when, do: z.literal('partition'), groups }),
    z.strictObject({ ...when, do: z.literal('cut'), from: nodeId, to: nodeId }),
    z.strictObject({ ...when, do: z.literal('heal') }),
    z
      .strictObject({ ...when, do: z.literal('drop'), message: z.number().int().positive() })
      .describe('drop one message in flight, by its id (the trace numbers messages 1, 2, … in send order)'),
    z.strictObject({ ...when, do: z.literal('request'), node: nodeId, value: z.string().max(200) }),
    z.strictObject({ ...when, do: z.literal('set'), network: networkSchema.optional(), params: params.optional() }),
  ] as const;
}

function gossipEventSchemas() {
  const onNode = <D extends string>(name: D) => z.strictObject({ ...when, do: z.literal(name), node: nodeId });
  return [onNode('rumor'), onNode('join'), onNode('leave')] as const;
}

function variant<N extends string, P extends z.ZodType, I extends z.ZodType, E extends z.ZodType>(
  protocol: N,
  params: P,
  init: I,
  event: E,
) {
  return z.strictObject({
    version: z.literal(SCENARIO_VERSION),
    protocol: z.literal(protocol),
    title: z.string().max(200).optional().describe('plain text, never HTML'),
    description: z.string().max(5000).optional().describe('plain text, never HTML'),
    seed: z.number().int().min(0).max(0xffffffff).optional().describe('unsigned 32-bit integer (default 1)'),
    nodes: z
      .number({ error: 'expected a whole number of nodes' })
      .int({ error: 'expected a whole number of nodes' })
      .min(1, { error: 'must be at least 1 node' })
      .describe('node ids are 1..nodes, shown as S1..Sn'),
    groups: groups.optional().describe('rooms / datacenters for the layout'),
    network: networkSchema.optional(),
    params: params.optional(),
    init: z.record(z.string(), init).optional().describe('per-node initial state, keyed by node id'),
    events: z.array(event).optional(),
  });
}

const raftEvent = z.discriminatedUnion('do', [...eventSchemas(raftParamsSchema)]);
const zabEvent = z.discriminatedUnion('do', [...eventSchemas(zabParamsSchema)]);
const gossipEvent = z.discriminatedUnion('do', [...eventSchemas(gossipParamsSchema), ...gossipEventSchemas()]);

export const raftScenarioSchema = variant('raft', raftParamsSchema, raftInitSchema, raftEvent);
export const zabScenarioSchema = variant('zab', zabParamsSchema, zabInitSchema, zabEvent);
export const gossipScenarioSchema = variant('gossip', gossipParamsSchema, gossipInitSchema, gossipEvent);

export const scenarioShapeSchema = z.discriminatedUnion('protocol', [
  raftScenarioSchema,
  zabScenarioSchema,
  gossipScenarioSchema,
]);

export type Scenario = z.infer<typeof scenarioShapeSchema>;
export type ProtocolId = Scenario['protocol'];
export type ScenarioEvent = NonNullable<Scenario['events']>[number];
export type EventKind = ScenarioEvent['do'];
export const PROTOCOL_IDS: readonly ProtocolId[] = ['raft', 'zab', 'gossip'];
