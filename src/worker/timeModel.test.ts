import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/create';
import type { TraceEvent } from '../sim/kernel/trace';
import { encodeScenario } from '../sim/scenario/codec';
import { findLibraryEntry } from '../sim/scenario/library';
import type { Scenario } from '../sim/scenario/schema';
import type { Frame } from './frame';
import { SEARCH_LIMIT_MS, SimHost } from './simHost';
import { RESET_WINDOW_MS } from './traceFeed';

/*
 * Time you can trust (issue "actions act on what is shown"): each test replays an audit finding
 * through the host the worker runs, as the UI drives it.
 */

function firstElection(): SimHost {
  const host = new SimHost();
  host.loadHash('#lib=raft-first-election');
  return host;
}

/** Keeps the trace events the host hands out, as the UI's narration does (these runs are shorter than a reset's window). */
class Seen {
  events: TraceEvent[] = [];
  take(frame: Frame): Frame {
    if (frame.trace.reset) this.events = [];
    this.events.push(...frame.trace.events);
    return frame;
  }
  keys(): string[] {
    return this.events.flatMap((e) => (e.k === 'narrate' ? [`S${e.node} ${e.key}`] : []));
  }
}

/** A fresh headless run of the recorded scenario, to the same position: what the CLI and a share link replay. */
function replayed(host: SimHost, frame: Frame): string {
  const scenario = JSON.parse(host.scenarioText()) as Scenario;
  const sim = createSimulation(scenario);
  sim.seekToPosition(frame.position);
  return sim.traceHash();
}

describe('actions act on the event shown (the first election, S3 wins at 225 ms)', () => {
  const atTheWin = () => {
    const host = firstElection();
    const seen = new Seen();
    seen.take(host.frame());
    const won = seen.take(host.runUntilLeader(null, 60_000).frame);
    expect(won.time).toBe(225);
    expect(won.leader).toEqual({ id: 3, term: 1 });
    return { host, seen, won };
  };

  it('a crash right after the win crashes the leader and keeps the win in the narration', () => {
    const { host, seen, won } = atTheWin();
    const frame = seen.take(host.act({ do: 'crash', node: 3 }));
    expect(seen.keys()).toContain('S3 raft.election.won');
    expect(frame.nodes[2]).toMatchObject({ up: false });
    expect(frame.leader).toBeNull();
    const events = (JSON.parse(host.scenarioText()) as Scenario).events;
    expect(events).toEqual([{ at: 225, after: expect.any(Number), do: 'crash', node: 3 }]);
    // The crash is event k + 1: right after what was on screen.
    expect(frame.position.events).toBe(won.position.events + 1);
    expect(replayed(host, frame)).toBe(frame.traceHash);
  });

  it('a client request right after the win is taken by the leader, not rejected by a candidate', () => {
    const { host, seen } = atTheWin();
    seen.take(host.act({ do: 'request', node: 3, value: 'x=1' }));
    const frame = seen.take(host.advance(200));
    const action = seen.events.findIndex((e) => e.k === 'action');
    const after = new Seen();
    after.events = seen.events.slice(action);
    expect(seen.keys()).toContain('S3 raft.election.won');
    expect(after.keys()[0]).toBe('S3 raft.request.append');
    expect(after.keys().some((k) => k.startsWith('S3 raft.request.reject') || k.startsWith('S3 raft.request.forward'))).toBe(false);
    expect(frame.nodes[2]).toMatchObject({ role: 'leader', log: [{ term: 1, value: null }, { term: 1, value: 'x=1' }] });
    expect(replayed(host, frame)).toBe(frame.traceHash);
  });

  it('a partition right after the win leaves S3 leading on its side', () => {
    const { host } = atTheWin();
    const frame = host.act({ do: 'partition', groups: [[1, 2, 3], [4, 5]] });
    expect(frame.leader).toEqual({ id: 3, term: 1 });
    expect(frame.nodes[2]).toMatchObject({ role: 'leader', term: 1 });
  });

  it('stepping event by event to the win and acting there gives the same as Run until leader', () => {
    const host = firstElection();
    let frame = host.frame();
    let steps = 0;
    while (frame.leader === null) {
      frame = host.step();
      steps++;
    }
    expect(steps).toBe(21);
    const crashed = host.act({ do: 'crash', node: 3 });
    const viaRunUntil = (() => {
      const other = firstElection();
      other.runUntilLeader(null, 60_000);
      return other.act({ do: 'crash', node: 3 });
    })();
    expect(crashed.traceHash).toBe(viaRunUntil.traceHash);
  });
});

describe('Step back', () => {
  it('goes to exactly the previous event, within one millisecond too, and forward again', () => {
    const host = firstElection();
    const forward: Frame[] = [host.frame()];
    for (let i = 0; i < 30; i++) forward.push(host.step());
    // The first election has several events in one millisecond (225 ms holds at least two).
    expect(forward.some((f, i) => i > 0 && f.time === forward[i - 1].time)).toBe(true);
    for (let i = forward.length - 1; i > 0; i--) {
      const back = host.stepBack();
      expect([back.position.events, back.time, back.traceHash]).toEqual([forward[i - 1].position.events, forward[i - 1].time, forward[i - 1].traceHash]);
    }
    expect(host.stepBack().position.events).toBe(1);
    expect(host.step().traceHash).toBe(forward[1].traceHash);
  });
});

describe('jumping to a position (a timeline marker, End, Undo)', () => {
  it('a far jump back brings the recent past into the narration feed, as a seek does', () => {
    const host = firstElection();
    const at20 = host.seek(20_000).position;
    host.seek(60_000);
    const frame = host.seekToPosition(at20);
    expect(frame.position).toEqual(at20);
    expect(frame.trace.reset).toBe(true);
    expect(frame.trace.events[0].t).toBeLessThanOrEqual(20_000 - RESET_WINDOW_MS + 500);
    expect(frame.trace.events.at(-1)!.t).toBeLessThanOrEqual(20_000);
  });
});

describe('End (the furthest point reached)', () => {
  it('returns to exactly that point, its clock included, even when stale timers lay between', () => {
    const host = new SimHost();
    const far = host.loadHash('#lib=raft-leader-crash&at=60000').frame;
    host.seek(0);
    const end = host.seekToReached();
    expect([end.time, end.position, end.traceHash]).toEqual([60_000, far.position, far.traceHash]);
  });
});

describe('bounded searches', () => {
  it('Next change in a quiet cluster stops after 60 s of virtual time and says it found nothing', () => {
    const host = firstElection();
    host.seek(304);
    const result = host.stepToStateChange();
    expect(result.found).toBe(false);
    expect(result.stoppedBy).toBe('time');
    expect([result.fromMs, result.toMs]).toEqual([304, 304 + SEARCH_LIMIT_MS]);
    expect(result.frame.time).toBe(304 + SEARCH_LIMIT_MS);
  });

  it('Next delivery when nothing is left to happen stops at once', () => {
    const host = new SimHost();
    host.loadScenario({ version: 1, protocol: 'raft', nodes: 1, init: { '1': { up: false } } });
    const result = host.stepToDelivery();
    expect(result).toMatchObject({ found: false, stoppedBy: 'end', fromMs: 0, toMs: 0 });
  });

  it('Next delivery finds the next delivery within the bound', () => {
    const host = firstElection();
    const result = host.stepToDelivery();
    expect(result.found).toBe(true);
    expect(result.frame.trace.events.at(-1)?.k === 'deliver' || result.frame.trace.events.some((e) => e.k === 'deliver')).toBe(true);
  });
});

describe('links that keep the moment', () => {
  it('Share keeps the moment (even inside a millisecond), the built-in scenario and its note; opening it shows that moment', () => {
    const host = firstElection();
    host.runUntilLeader(null, 60_000);
    host.act({ do: 'crash', node: 3 });
    host.step();
    host.step();
    const shown = host.frame();
    const hash = host.shareHash({ node: 2, tab: 'inspector' });
    expect(hash).toMatch(/^#s=2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}&at=\d+(&after=\d+)?&lib=raft-first-election&node=2&tab=inspector$/);
    const opened = new SimHost().loadHash(hash);
    expect(opened.ok).toBe(true);
    expect(opened.view).toEqual({ node: 2, tab: 'inspector', ignored: [] });
    expect(opened.frame.libraryId).toBe('raft-first-election');
    expect([opened.frame.position, opened.frame.traceHash]).toEqual([shown.position, shown.traceHash]);
  });

  it('a built-in scenario nobody changed is linked by its id and the moment', () => {
    const host = firstElection();
    host.seek(225);
    expect(host.shareHash()).toBe('#at=225&lib=raft-first-election');
    const opened = new SimHost().loadHash('#lib=raft-first-election&at=225');
    expect(opened.frame.leader).toEqual({ id: 3, term: 1 });
    expect(opened.frame.time).toBe(225);
  });

  it('a moment inside a millisecond opens exactly there', () => {
    const host = firstElection();
    let frame = host.frame();
    while (frame.leader === null) frame = host.step();
    // One event before the win: the first event of 225 ms has run, the win has not.
    frame = host.stepBack();
    expect(frame.moment).toEqual({ at: 225, after: 1 });
    const hash = host.shareHash();
    expect(hash).toBe('#at=225&after=1&lib=raft-first-election');
    const opened = new SimHost().loadHash(hash);
    expect([opened.frame.position, opened.frame.traceHash]).toEqual([frame.position, frame.traceHash]);
    expect(opened.frame.leader).toBeNull();
    expect(new SimHost().loadHash('#lib=raft-first-election&at=225').frame.leader).toEqual({ id: 3, term: 1 });
  });

  it('refuses a link with one character changed, and keeps opening links of the old format', () => {
    const scenario = findLibraryEntry('raft-split-brain-5')!.scenario;
    const good = encodeScenario(scenario);
    for (const i of [4, Math.floor(good.length / 2), good.length - 12, good.length - 1]) {
      const changed = `${good.slice(0, i)}${good[i] === 'A' ? 'B' : 'A'}${good.slice(i + 1)}`;
      const result = new SimHost().loadHash(`#s=${changed}`);
      expect(result.ok).toBe(false);
      expect(result.frame.libraryId).toBe('raft-first-election');
    }
    const version1 = `1.${Buffer.from(deflateSync(strToU8(JSON.stringify(scenario)))).toString('base64url')}`;
    const old = new SimHost().loadHash(`#s=${version1}`);
    const now = new SimHost().loadHash(`#s=${good}`);
    expect(old.ok && now.ok).toBe(true);
    expect(old.frame.traceHash).toBe(now.frame.traceHash);
    expect(old.frame.title).toBe(scenario.title);
  });

  it('ignores unreadable moment fields and says which', () => {
    const result = new SimHost().loadHash('#lib=raft-first-election&at=soon&node=0');
    expect(result.ok).toBe(true);
    expect(result.frame.time).toBe(0);
    expect(result.view.ignored).toEqual([
      { field: 'at', value: 'soon' },
      { field: 'node', value: '0' },
    ]);
  });
});

describe('honest branching, with undo', () => {
  it('acting at the furthest point reached discards nothing and says nothing', () => {
    const host = firstElection();
    host.seek(1000);
    expect(host.act({ do: 'crash', node: 1 }).branch).toBeNull();
  });

  it('a clock that moved past the last event is no future: acting there says nothing', () => {
    const host = firstElection();
    host.seek(990);
    const events = host.frame().position.events;
    host.advance(0.4);
    const back = host.seek(990);
    expect(back.position.events).toBe(events);
    expect(host.act({ do: 'crash', node: 1 }).branch).toBeNull();
  });

  it('acting before the furthest point says how much is gone, and Undo puts it back exactly', () => {
    const host = firstElection();
    const loaded = host.scenarioText();
    host.seek(2000);
    host.act({ do: 'crash', node: 3 });
    const far = host.seek(5000);
    host.seek(1000);
    const before = host.frame();
    const scenarioBefore = host.scenarioText();
    const acted = host.act({ do: 'crash', node: 1 });
    expect(acted.branch).toEqual({ at: 1000, discardedActions: 1, discardedEvents: far.position.events - before.position.events, reachedTo: 5000 });
    expect(acted.reached.now).toBe(1000);
    const undone = host.undo();
    expect(undone.branch).toBeNull();
    expect([undone.position, undone.traceHash]).toEqual([before.position, before.traceHash]);
    expect(undone.reached).toEqual(far.reached);
    expect(host.scenarioText()).toBe(scenarioBefore);
    expect(host.seekToReached().traceHash).toBe(far.traceHash);
    expect(host.frame().canUndo).toBe(true);
    host.undo();
    expect(host.frame().canUndo).toBe(false);
    expect(host.scenarioText()).toBe(loaded);
  });
});

describe('the timeline records the reached run', () => {
  it('marks the win, the user’s crash and the new leader; keeps the future while looking back; an action truncates it; Undo restores it', () => {
    const host = firstElection();
    host.runUntilLeader(null, 60_000);
    host.act({ do: 'crash', node: 3 });
    host.seek(3000);
    const all = host.timelineAll();
    const named = all.markers.map((m) => `${m.kind}:S${m.node}${m.term ? `/t${m.term}` : ''}${m.user ? ':you' : ''}@${m.at}`);
    expect(named.slice(0, 3)).toEqual(['won:S3/t1@225', 'crash:S3:you@225', 'lost:S3/t1@225']);
    expect(named.some((n) => /^won:S\d\/t2@/.test(n))).toBe(true);
    expect(all.bands[0]).toMatchObject({ leader: 3, term: 1, from: 225, to: 225 });
    const second = all.bands[1];
    expect(second).toMatchObject({ term: 2, to: null });
    // Looking back keeps the reached future on the timeline.
    host.seek(100);
    expect(host.timelineAll().markers).toHaveLength(all.markers.length);
    // Acting in the past truncates it …
    host.act({ do: 'crash', node: 1 });
    const truncated = host.timelineAll();
    expect(truncated.markers.map((m) => m.kind)).toEqual(['crash']);
    expect(truncated.bands).toEqual([]);
    // … and Undo brings it back.
    host.undo();
    expect(host.timelineAll()).toEqual(all);
  });

  it('sends only what changed with each frame', () => {
    const host = firstElection();
    const first = host.frame();
    expect(first.timelineSize).toEqual({ bands: 0, markers: 0 });
    const won = host.runUntilLeader(null, 60_000).frame;
    expect(won.timeline).toMatchObject({ bandsFrom: 0, markersFrom: 0 });
    expect(won.timeline!.markers.map((m) => m.kind)).toEqual(['won']);
    expect(host.advance(100).timeline).toBeNull();
  });
});
