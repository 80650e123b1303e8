import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from './jsonSchema';
import { parseScenario } from './validate';

const examples: [string, unknown][] = [
  ['minimal', { version: 1, protocol: 'raft', nodes: 3 }],
  ['full raft', { version: 1, protocol: 'raft', title: 't', seed: 1, nodes: 5, network: { latency: [1, 2] }, params: { preVote: true, unsafe: { quorum: 'half' } }, events: [{ at: 0, do: 'crash', node: 1 }] }],
  ['zab', { version: 1, protocol: 'zab', nodes: 3, init: { '1': { zxid: 123 } } }],
  ['gossip', { version: 1, protocol: 'gossip', nodes: 50, events: [{ at: 0, do: 'rumor', node: 1 }] }],
  ['unknown field', { version: 1, protocol: 'raft', nodes: 3, extra: 1 }],
  ['wrong type', { version: 1, protocol: 'raft', nodes: '3' }],
  ['negative time', { version: 1, protocol: 'raft', nodes: 3, events: [{ at: -1, do: 'heal' }] }],
  ['unknown event', { version: 1, protocol: 'raft', nodes: 3, events: [{ at: 1, do: 'nuke' }] }],
  ['gossip event in zab', { version: 1, protocol: 'zab', nodes: 3, events: [{ at: 1, do: 'rumor', node: 1 }] }],
  ['unknown param', { version: 1, protocol: 'gossip', nodes: 3, params: { mode: 'swim', speed: 1 } }],
  ['bad enum', { version: 1, protocol: 'gossip', nodes: 3, params: { mode: 'carrier-pigeon' } }],
];

describe('public/scenario.schema.json', () => {
  it('is the schema generated from the validator (run `npm run schema` after changing it)', () => {
    expect(readFileSync('public/scenario.schema.json', 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it.each(examples)('agrees with the validator on %s', (_name, json) => {
    const validate = new Ajv2020({ strict: false }).compile(scenarioJsonSchema());
    expect(validate(json)).toBe(parseScenario(json).ok);
  });
});
