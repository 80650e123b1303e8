import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../create';
import type { TraceEvent } from '../../kernel/trace';
import type { Scenario } from '../../scenario/schema';
import { raftCase } from './scenarioHelpers';

/*
 * Every client request gets one answer from the server it asked, recorded in the trace as a
 * `client` event: ok (applied there), notLeader, timeout, or down (from the kernel).
 */

function answers(scenario: Scenario, untilMs: number): string[] {
  const sim = createSimulation(scenario, { recordTrace: true });
  sim.runUntil(untilMs);
  return sim.traceLog!.filter((e): e is Extract<TraceEvent, { k: 'client' }> => e.k === 'client').map(({ t, node, reply: r }) => {
    const where = r.index === undefined ? '' : ` @${r.index}/t${r.term}`;
    return `${t} S${node} #${r.client} ${r.value} ${r.outcome}${where}`;
  });
}

const elected = { at: 0, do: 'timeout', node: 1 };

describe('client replies', () => {
  it('the leader answers once the write is applied; a follower answers for a write it forwarded, once it applied it', () => {
    const scenario = raftCase(3, [elected, { at: 100, do: 'request', node: 1, value: 'x=1' }, { at: 200, do: 'request', node: 3, value: 'y=2' }]);
    // x=1: appended at 100, replicated 110, committed and applied at S1 at 120. y=2: forwarded
    // to S1 (210), replicated (220), committed (230); S3 learns the commit and applies it at 240
    // with the next AppendEntries, a heartbeat.
    const got = answers(scenario, 1000);
    expect(got[0]).toBe('120 S1 #1 x=1 ok @2/t1');
    expect(got[1]).toMatch(/^\d+ S3 #2 y=2 ok @3\/t1$/);
    expect(got).toHaveLength(2);
  });

  it('a server that knows no leader answers notLeader at once; a down server is answered for by the kernel', () => {
    const scenario = raftCase(3, [
      { at: 5, do: 'request', node: 2, value: 'x=1' },
      { at: 6, do: 'crash', node: 3 },
      { at: 7, do: 'request', node: 3, value: 'y=2' },
    ]);
    expect(answers(scenario, 100)).toEqual(['5 S2 #1 x=1 notLeader', '7 S3 #2 y=2 down']);
  });

  it('a leader cut off from the majority answers timeout after clientTimeout (2 s, the etcd profile 7 s), and only once', () => {
    const events = [elected, { at: 100, do: 'partition', groups: [[1], [2, 3]] }, { at: 110, do: 'request', node: 1, value: 'x=1' }];
    expect(answers(raftCase(3, events, { electionTimeout: [1000, 1500] }), 20000)).toEqual(['2110 S1 #1 x=1 timeout']);
    expect(answers(raftCase(3, events, { profile: 'etcd' }), 20000)).toEqual(['7110 S1 #1 x=1 timeout']);
    expect(answers(raftCase(3, events, { electionTimeout: [1000, 1500], clientTimeout: 500 }), 20000)).toEqual(['610 S1 #1 x=1 timeout']);
  });

  it('a write committed by a later leader is still answered ok by the server that took it', () => {
    // S2 takes y=2 and forwards it to S1, which replicates it to S2 and S3 and crashes before
    // telling anyone it is committed; S3 then leads term 2 with y=2 in its log, commits it with
    // its no-op, and S2 applies it.
    const scenario = raftCase(
      3,
      [elected, { at: 100, do: 'request', node: 2, value: 'y=2' }, { at: 121, do: 'crash', node: 1 }, { at: 200, do: 'timeout', node: 3 }],
      { electionTimeout: [1000, 1500] },
    );
    expect(answers(scenario, 3000)).toEqual([expect.stringMatching(/^2\d\d S2 #1 y=2 ok @2\/t1$/)]);
  });

  it('a paused server answers when it resumes; requests are numbered in the order they fire, the same after a rewind', () => {
    const scenario = raftCase(3, [
      elected,
      { at: 100, do: 'pause', node: 1 },
      { at: 110, do: 'request', node: 1, value: 'x=1' },
      { at: 120, do: 'request', node: 2, value: 'y=2' },
      { at: 150, do: 'resume', node: 1 },
    ]);
    const sim = createSimulation(scenario, { recordTrace: true, checkpointEvery: 5 });
    sim.runUntil(1000);
    const first = answers(scenario, 1000);
    expect(first.map((a) => a.split(' ').slice(1, 4).join(' ')).sort()).toEqual(['S1 #1 x=1', 'S2 #2 y=2']);
    const hash = sim.traceHash();
    sim.seek(130);
    sim.runUntil(1000);
    expect(sim.traceHash()).toBe(hash);
    expect(sim.kernelMetrics().replies).toEqual({ ok: 2 });
  });
});
