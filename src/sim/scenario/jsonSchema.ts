import { z } from 'zod';
import { scenarioShapeSchema } from './schema';

/**
 * The JSON Schema of scenario format v1, generated from the validator so the two cannot drift
 * (editors use it for completion; `npm run schema` writes public/scenario.schema.json). Rules the
 * schema cannot express (node ids within 1..nodes, disjoint groups) are checked by the validator only.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioShapeSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'scenario.schema.json',
    title: 'Consensus simulator scenario, version 1',
    description: 'A scenario for the Raft / ZooKeeper / gossip simulator. Times are virtual milliseconds. Node ids are 1..nodes.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

export function scenarioJsonSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}
