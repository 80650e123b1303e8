import { describe, expect, it } from 'vitest';
import { formatErrors, parseScenario, parseScenarioText } from './validate';

const base = { version: 1, protocol: 'raft', title: 'ok', seed: 42, nodes: 5 };

function errorOf(json: unknown): string {
  const r = parseScenario(json);
  if (r.ok) throw new Error('expected an error');
  return formatErrors(r.errors.slice(0, 1));
}

describe('scenario format v1', () => {
  it('accepts the contract example', () => {
    const r = parseScenario({
      version: 1,
      protocol: 'raft',
      title: 'Split brain: 6 nodes in two rooms',
      description: '…',
      seed: 42,
      nodes: 6,
      groups: [[1, 2, 3], [4, 5, 6]],
      network: { latency: [10, 30], loss: 0, duplicate: 0 },
      params: {},
      init: { '3': { up: false } },
      events: [{ at: 1500, do: 'partition', groups: [[1, 2, 3], [4, 5, 6]] }],
    });
    expect(r.ok).toBe(true);
  });

  it('accepts every event kind and per-protocol init fields', () => {
    const events = [
      { at: 0, do: 'crash', node: 1 },
      { at: 1, do: 'restart', node: 1 },
      { at: 2, do: 'pause', node: 2 },
      { at: 3, do: 'resume', node: 2 },
      { at: 4, do: 'partition', groups: [[1], [2, 3]] },
      { at: 5, do: 'cut', from: 1, to: 2 },
      { at: 6, do: 'heal' },
      { at: 7, do: 'timeout', node: 3 },
      { at: 8, do: 'request', node: 3, value: 'x=1' },
      { at: 9, do: 'set', network: { loss: 0.1 }, params: { preVote: true } },
    ];
    expect(parseScenario({ ...base, events, init: { '1': { term: 2, votedFor: 3, log: [1, { term: 2, value: 'x=1' }] } } }).ok).toBe(true);
    expect(
      parseScenario({ ...base, protocol: 'zab', init: { '2': { epoch: 1, acceptedEpoch: 2, zxid: { epoch: 1, counter: 123 }, observer: true } } }).ok,
    ).toBe(true);
    expect(
      parseScenario({ ...base, protocol: 'gossip', nodes: 100, params: { mode: 'rumor', fanout: 3 }, events: [{ at: 0, do: 'rumor', node: 1 }, { at: 5, do: 'join', node: 2 }, { at: 9, do: 'leave', node: 2 }] }).ok,
    ).toBe(true);
  });

  it.each([
    ['a wrong type', { ...base, nodes: 'five' }, /^\$\.nodes: expected a whole number of nodes$/],
    ['an unknown top-level field', { ...base, colour: 'red' }, /^\$\.colour: unknown field "colour"$/],
    ['an unknown nested field', { ...base, network: { latency: [1, 2], jitter: 3 } }, /^\$\.network\.jitter: unknown field "jitter"$/],
    ['an unknown parameter', { ...base, params: { electionTimeoutMs: [1, 2] } }, /^\$\.params\.electionTimeoutMs: unknown field/],
    ['a node id out of range in an event', { ...base, events: [{ at: 1, do: 'crash', node: 9 }] }, /^\$\.events\[0\]\.node: node 9 is not in 1\.\.5$/],
    ['a negative time', { ...base, events: [{ at: -5, do: 'heal' }] }, /^\$\.events\[0\]\.at: must be at least 0 ms \(allowed: 0 to 86,400,000 ms\)$/],
    ['a missing "do"', { ...base, events: [{ at: 5, node: 1 }] }, /^\$\.events\[0\]\.do: missing "do": every event says what it does/],
    ['an unknown event', { ...base, events: [{ at: 1, do: 'explode', node: 1 }] }, /^\$\.events\[0\]\.do: unknown event "explode"$/],
    ['a gossip event in a raft scenario', { ...base, events: [{ at: 1, do: 'rumor', node: 1 }] }, /^\$\.events\[0\]\.do: "rumor" is a gossip event; a raft scenario cannot use it$/],
    ['a log entry of the wrong shape', { ...base, init: { '1': { log: ['a'] } } }, /^\$\.init\["1"\]\.log\[0\]: expected a term \(number\) or \{term, value\}, got "a"$/],
    ['a field of another event', { ...base, events: [{ at: 1, do: 'heal', node: 1 }] }, /^\$\.events\[0\]\.node: unknown field "node"$/],
    ['an init key that is not a node', { ...base, init: { '7': { up: false } } }, /^\$\.init\["7"\]: "7" is not a node id in 1\.\.5$/],
    ['a raft field in zab init', { ...base, protocol: 'zab', init: { '1': { term: 3 } } }, /^\$\.init\["1"\]\.term: unknown field "term"$/],
    ['overlapping groups', { ...base, events: [{ at: 1, do: 'partition', groups: [[1, 2], [2, 3]] }] }, /^\$\.events\[0\]\.groups\[1\]\[0\]: node 2 is in more than one group$/],
    ['a reversed range', { ...base, network: { latency: [30, 10] } }, /^\$\.network\.latency: latency min 30 is greater than max 10$/],
    ['a cut to itself', { ...base, events: [{ at: 1, do: 'cut', from: 2, to: 2 }] }, /^\$\.events\[0\]\.to: a cut needs two different nodes$/],
    ['a future version', { ...base, version: 2 }, /^\$\.version: version 2 is newer than this simulator understands/],
    ['an unknown protocol', { ...base, protocol: 'paxos' }, /^\$\.protocol: expected "raft", "zab" or "gossip", got "paxos"$/],
    ['a seed beyond 32 bits', { ...base, seed: 2 ** 32 }, /^\$\.seed: /],
    ['a probability above 1', { ...base, network: { loss: 1.5 } }, /^\$\.network\.loss: /],
    ['not an object', [1, 2], /^\$: a scenario is a JSON object$/],
    ['a negative position in a millisecond', { ...base, events: [{ at: 5, after: -1, do: 'heal' }] }, /^\$\.events\[0\]\.after: cannot be negative: it counts the events of that millisecond that run before this action$/],
    ['a fractional position', { ...base, events: [{ at: 5, after: 1.5, do: 'heal' }] }, /^\$\.events\[0\]\.after: expected a whole number of events \(how many events of that millisecond run before this action\)$/],
  ])('rejects %s, naming its JSON path', (_name, json, expected) => {
    expect(errorOf(json)).toMatch(expected);
  });

  /*
   * Issue 13's short links that took the tab down (and the CLI): every timing is bounded, so each
   * is refused with its path and the allowed range.
   */
  it.each([
    ['a zero heartbeat', { ...base, params: { heartbeatInterval: 0 } }, '$.params.heartbeatInterval: must be at least 1 ms (allowed: 1 to 60,000 ms)'],
    ['zero election timeouts', { ...base, params: { electionTimeout: [0, 0] } }, '$.params.electionTimeout[0]: must be at least 1 ms (allowed: 1 to 600,000 ms)'],
    ['a latency of 1e308', { ...base, network: { latency: [10, 1e308] } }, '$.network.latency[1]: must be at most 60,000 ms (allowed: 0 to 60,000 ms)'],
    ['an event at 1e15 ms', { ...base, events: [{ at: 1e15, do: 'heal' }] }, '$.events[0].at: must be at most 86,400,000 ms (allowed: 0 to 86,400,000 ms)'],
    ['a zero ZooKeeper tick', { ...base, protocol: 'zab', params: { tickTime: 0 } }, '$.params.tickTime: must be at least 1 ms (allowed: 1 to 60,000 ms)'],
    ['a zero finalizeWait', { ...base, protocol: 'zab', params: { finalizeWait: 0 } }, '$.params.finalizeWait: must be at least 1 ms (allowed: 1 to 60,000 ms)'],
    ['observers that do not exist', { ...base, protocol: 'zab', params: { observers: [9] } }, '$.params.observers[0]: node 9 is not in 1..5'],
    ['observers only', { ...base, protocol: 'zab', params: { observers: [1, 2, 3] }, init: { '4': { observer: true }, '5': { observer: true } } }, '$.params.observers: every server is an observer; at least one of the 5 must vote'],
    ['a 1-ms push-pull over 2,000 nodes', { ...base, protocol: 'gossip', nodes: 2000, params: { pushPullInterval: 1 } }, '$.params.pushPullInterval: must be 0 (off) or at least 1,000 ms (allowed: 0 (off) or 1,000 to 3,600,000 ms)'],
    ['a fan-out of 1,000', { ...base, protocol: 'gossip', params: { fanout: 1000 } }, '$.params.fanout: must be at most 64 (allowed: 1 to 64 peers)'],
    ['a fractional batch', { ...base, params: { maxEntriesPerAppend: 1.5 } }, '$.params.maxEntriesPerAppend: expected a whole number of entries, 1 to 10,000 entries'],
  ])('refuses %s with the allowed range', (_name, json, expected) => {
    expect(errorOf(json)).toBe(expected);
  });

  it('accepts a position within a millisecond (`after`), in the validator\'s key order', () => {
    const r = parseScenario({ ...base, events: [{ do: 'crash', node: 3, after: 2, at: 225 }] });
    expect(r.ok && JSON.stringify(r.scenario.events)).toBe('[{"at":225,"after":2,"do":"crash","node":3}]');
  });

  it('rejects text that is not JSON at all', () => {
    const r = parseScenarioText('{"version": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatErrors(r.errors)).toMatch(/^\$: not valid JSON/);
  });

  it('keeps titles as plain text (validation does not touch markup)', () => {
    const r = parseScenario({ ...base, title: '<img src=x onerror=alert(1)>' });
    expect(r.ok && r.scenario.title).toBe('<img src=x onerror=alert(1)>');
  });
});
