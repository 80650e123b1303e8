import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/create';
import { encodeTraceEvent } from '../sim/kernel/trace';
import { decodeShareHash, shareHash } from '../sim/scenario/codec';
import { scenarioLibrary } from '../sim/scenario/library';
import { defaultScenario } from '../sim/scenario/library/defaultScenario';
import type { Scenario } from '../sim/scenario/schema';
import { parseScenario } from '../sim/scenario/validate';
import { SimHost } from './simHost';

function host(): SimHost {
  const h = new SimHost();
  h.loadHash('');
  return h;
}

/** What `npm run sim -- url` encodes: the scenario as the validator returns it after reading the file. */
function cliHash(scenario: unknown): string {
  const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
  if (!parsed.ok) throw new Error('invalid');
  return shareHash(parsed.scenario);
}

describe('SimHost: the recorded scenario, Share and the editor', () => {
  it('records actions into the scenario the editor shows and Share encodes, the same link the CLI makes', () => {
    const h = host();
    h.seek(400);
    h.act({ do: 'crash', node: 2 });
    h.seek(900);
    h.act({ do: 'request', node: 1, value: 'x=1' });
    const scenario = JSON.parse(h.scenarioText()) as Scenario;
    expect(scenario.events).toEqual([
      { at: 400, do: 'crash', node: 2 },
      { at: 900, do: 'request', node: 1, value: 'x=1' },
    ]);
    // The link names the built-in scenario it came from (its note stays) and the moment shown (`url --at 900`).
    expect(h.shareHash()).toBe(`${cliHash(scenario)}&at=900&lib=raft-first-election`);
    // Key order in the file does not matter to the CLI: it reads through the validator.
    const shuffled = Object.fromEntries(Object.entries(scenario).reverse());
    expect(h.shareHash()).toBe(`${cliHash(shuffled)}&at=900&lib=raft-first-election`);
  });

  it('bumps the scenario revision on a load and on every recorded action, not on playing', () => {
    const h = host();
    const start = h.frame().scenarioRev;
    h.advance(300);
    expect(h.frame().scenarioRev).toBe(start);
    h.act({ do: 'crash', node: 1 });
    expect(h.frame().scenarioRev).toBe(start + 1);
  });

  it('with Record off, actions are what-ifs: they act on the run but stay out of the scenario; Record on drops them', () => {
    const h = host();
    h.seek(300);
    h.act({ do: 'crash', node: 1 });
    h.setRecording(false);
    h.seek(600);
    const rev = h.frame().scenarioRev;
    const whatIf = h.act({ do: 'crash', node: 2 });
    expect(whatIf.whatIf).toBe(1);
    expect(whatIf.recording).toBe(false);
    expect(whatIf.scenarioRev).toBe(rev);
    expect(whatIf.nodes[1].up).toBe(false);
    const recorded = JSON.parse(h.scenarioText()) as Scenario;
    expect(recorded.events).toEqual([{ at: 300, do: 'crash', node: 1 }]);
    const decoded = decodeShareHash(h.shareHash());
    expect(decoded?.ok && decoded.scenario.events).toEqual([{ at: 300, do: 'crash', node: 1 }]);

    h.seek(1500);
    const hashWithWhatIf = h.frame().traceHash;
    const back = h.setRecording(true);
    expect(back.whatIf).toBe(0);
    expect(back.time).toBe(1500);
    expect(back.nodes[0].up).toBe(false);
    expect(back.nodes[1].up).toBe(true);
    expect(back.traceHash).not.toBe(hashWithWhatIf);
    // The rebuilt run is exactly the recorded scenario's run.
    const straight = createSimulation({ ...defaultScenario, events: [{ at: 300, do: 'crash', node: 1 }] });
    straight.runUntil(1500);
    expect(back.traceHash).toBe(straight.traceHash());
  });

  it('acting in the past discards later what-ifs too', () => {
    const h = host();
    h.setRecording(false);
    h.seek(800);
    h.act({ do: 'crash', node: 3 });
    h.setRecording(true);
    expect(h.frame().whatIf).toBe(0);
    h.setRecording(false);
    h.seek(800);
    h.act({ do: 'crash', node: 3 });
    h.seek(200);
    const branched = h.act({ do: 'crash', node: 4 });
    expect(branched.whatIf).toBe(1);
    expect(branched.branch?.discardedActions).toBe(1);
  });

  it('applies edited text only when it is valid, keeping the running scenario otherwise', () => {
    const h = host();
    const runId = h.frame().runId;
    const bad = h.applyText(h.scenarioText().replace('"nodes": 5', '"nodes": 2').replace('"events": []', '"events": [{"at": 5, "do": "crash", "node": 4}]'));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual([{ path: '$.events[0].node', message: 'node 4 is not in 1..2' }]);
    expect(bad.frame.runId).toBe(runId);
    expect(h.validate('{"version": 1,')[0].path).toBe('$');
    const good = h.applyText(h.scenarioText().replace('"seed": 1', '"seed": 9'));
    expect(good.ok).toBe(true);
    expect(good.frame.runId).toBe(runId + 1);
    expect(JSON.parse(h.scenarioText()).seed).toBe(9);
  });
});

describe('SimHost: the library', () => {
  it('lists every built-in scenario with English and Chinese titles and notes', () => {
    const info = new SimHost().library();
    expect(info.items.map((i) => i.id)).toEqual(scenarioLibrary.map((e) => e.id));
    for (const item of info.items) {
      expect(item.title.en.length).toBeGreaterThan(0);
      expect(item.watch.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(info.groups.some((g) => g.id === item.group)).toBe(true);
    }
  });

  it('loads an entry by id or by #lib=, and recognizes a share link of one', () => {
    const entry = scenarioLibrary[scenarioLibrary.length - 1];
    const h = new SimHost();
    expect(h.loadLibrary(entry.id).frame.libraryId).toBe(entry.id);
    expect(h.loadHash(`#lib=${entry.id}`).frame.libraryId).toBe(entry.id);
    expect(h.loadHash(shareHash(entry.scenario)).frame.libraryId).toBe(entry.id);
    expect(h.loadHash('').frame.libraryId).toBe('raft-first-election');
    const edited = h.loadHash(shareHash({ ...entry.scenario, seed: (entry.scenario.seed ?? 1) + 1 }));
    expect(edited.frame.libraryId).toBeNull();
    const unknown = h.loadHash('#lib=no-such-thing');
    expect(!unknown.ok && unknown.problem).toMatchObject({ code: 'unknownEntry', params: { id: 'no-such-thing' } });
  });
});

describe('SimHost: trace export', () => {
  it('replays the run to now: the same lines `run --trace` writes, one per trace event', () => {
    const h = host();
    h.seek(700);
    h.act({ do: 'crash', node: 3 });
    h.seek(2000);
    h.step();
    const frame = h.frame();
    const exported = h.exportTrace();
    if (!exported.ok) throw new Error('export refused');
    const lines = exported.text.trimEnd().split('\n');
    expect(lines).toHaveLength(frame.traceEvents);
    expect(exported.lines).toBe(frame.traceEvents);
    expect(exported.text.endsWith('\n')).toBe(true);
    // The crash was taken after every event of 700 ms (the view showed them): it records that place.
    const recorded = (JSON.parse(h.scenarioText()) as Scenario).events!;
    expect(recorded).toEqual([{ at: 700, after: expect.any(Number), do: 'crash', node: 3 }]);
    const cli: string[] = [];
    const sim = createSimulation({ ...defaultScenario, events: recorded } as Scenario, { onTrace: (e) => cli.push(encodeTraceEvent(e)) });
    sim.runUntil(2000);
    sim.step();
    expect(lines).toEqual(cli);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
