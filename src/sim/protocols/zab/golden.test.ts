import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../create';
import { loadExample, storyLines, transcriptLine } from './testkit';

/*
 * Golden transcripts (etcd-raft's testdata style): a scenario in, the trace out, one line per
 * event, stored under __golden__/ and reviewed as a diff. After an intended change run
 * `npx vitest run src/sim/protocols/zab -u` and read the diff.
 */

function run(name: string, untilMs: number) {
  const sim = createSimulation(loadExample(name), { recordTrace: true });
  sim.runUntil(untilMs);
  return sim;
}

describe('golden transcripts', () => {
  it('startup of three servers (S1, then S2, then S3) and one forwarded write: every trace event', async () => {
    const sim = run('zab-startup', 4200);
    await expect(sim.traceLog!.map(transcriptLine).join('\n') + '\n').toMatchFileSnapshot('__golden__/startup.txt');
  });

  it('runtime election after a leader crash (zxid 123 against 122): the story', async () => {
    const sim = run('zab-runtime', 5000);
    await expect(storyLines(sim.traceLog!).join('\n') + '\n').toMatchFileSnapshot('__golden__/runtime.txt');
  });

  it('an old leader returns from a pause and is fenced off: the story', async () => {
    const sim = run('zab-old-leader-fenced', 17_000);
    await expect(storyLines(sim.traceLog!).join('\n') + '\n').toMatchFileSnapshot('__golden__/old-leader-fenced.txt');
  });
});
