import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../create';
import type { Scenario } from '../../scenario/schema';
import { loadExample } from './testHarness';
import { storyLines, transcriptLine } from './transcript';

/*
 * Golden transcripts (etcd-raft's testdata style): a scenario in, the trace out, one line per
 * event, stored under __golden__/ and reviewed as a diff. Run `npx vitest run -u` after an
 * intended change and read the diff.
 */

function run(scenario: Scenario, untilMs: number) {
  const sim = createSimulation(scenario, { recordTrace: true });
  sim.runUntil(untilMs);
  return sim;
}

const firstElection3: Scenario = {
  version: 1,
  protocol: 'raft',
  title: 'golden: first election of 3 servers and one write',
  seed: 3,
  nodes: 3,
  network: { latency: [10, 30] },
  events: [{ at: 400, do: 'request', node: 2, value: 'x=1' }],
} as Scenario;

describe('golden transcripts', () => {
  it('§5.2–5.3: first election of 3 servers and one redirected write, every trace event', async () => {
    const sim = run(firstElection3, 520);
    const text = sim.traceLog!.map(transcriptLine).join('\n') + '\n';
    await expect(text).toMatchFileSnapshot('__golden__/first-election-3.txt');
  });

  it('Figure 8 with commitOldTermByCount: the story and the violations', async () => {
    const sim = run(loadExample('raft-figure8-unsafe'), 400);
    await expect(storyLines(sim.traceLog!).join('\n') + '\n').toMatchFileSnapshot('__golden__/figure8-unsafe.txt');
  });

  it('Figure 7: how the leader repairs six follower logs, the story', async () => {
    const sim = run(loadExample('raft-figure7'), 400);
    await expect(storyLines(sim.traceLog!).join('\n') + '\n').toMatchFileSnapshot('__golden__/figure7.txt');
  });
});
