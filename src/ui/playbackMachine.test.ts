import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { playbackMachine } from './playbackMachine';

function start(runUntil: (signal: AbortSignal) => Promise<boolean> = async () => true) {
  const calls: string[] = [];
  const record = (name: string) => (_: unknown, params?: unknown) => calls.push(params === undefined ? name : `${name}(${JSON.stringify(params)})`);
  const machine = playbackMachine.provide({
    actions: {
      startClock: record('startClock'),
      stopClock: record('stopClock'),
      step: record('step'),
      stepDelivery: record('stepDelivery'),
      stepStateChange: record('stepStateChange'),
      reset: record('reset'),
      seek: record('seek'),
      stepBack: record('stepBack'),
      seekPosition: record('seekPosition'),
      seekEnd: record('seekEnd'),
      reportRunUntil: record('reportRunUntil'),
    },
    actors: { runUntilLeader: fromPromise(({ signal }) => runUntil(signal)) },
  });
  const actor = createActor(machine).start();
  return { actor, calls };
}

describe('playbackMachine', () => {
  it('starts paused; Play starts the clock and Pause stops it', () => {
    const { actor, calls } = start();
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'PLAY' });
    expect(actor.getSnapshot().value).toBe('playing');
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(calls).toEqual(['startClock', 'stopClock']);
  });

  it('toggles with one key (Space)', () => {
    const { actor } = start();
    actor.send({ type: 'TOGGLE' });
    expect(actor.getSnapshot().value).toBe('playing');
    actor.send({ type: 'TOGGLE' });
    expect(actor.getSnapshot().value).toBe('paused');
  });

  it('steps while paused and stays paused', () => {
    const { actor, calls } = start();
    actor.send({ type: 'STEP' });
    actor.send({ type: 'STEP_DELIVERY' });
    actor.send({ type: 'STEP_STATE_CHANGE' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(calls).toEqual(['step', 'stepDelivery', 'stepStateChange']);
  });

  it('stepping while playing pauses first, so the step is what the user sees', () => {
    const { actor, calls } = start();
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'STEP' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(calls).toEqual(['startClock', 'stopClock', 'step']);
  });

  it('seeks and resets from any state, ending paused', () => {
    const { actor, calls } = start();
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'SEEK', t: 1200 });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'RESET' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(calls).toEqual(['startClock', 'stopClock', 'seek({"t":1200})', 'startClock', 'stopClock', 'reset']);
  });

  it('Step back, a jump to a marker and End pause from any state, so the view stays where it went', async () => {
    const { actor, calls } = start(() => new Promise<boolean>(() => {}));
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'STEP_BACK' });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'RUN_UNTIL_LEADER' });
    actor.send({ type: 'SEEK_POSITION', position: { events: 40, now: 225 } });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'PLAY' });
    actor.send({ type: 'SEEK_END' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(calls).toEqual(['startClock', 'stopClock', 'stepBack', 'seekPosition({"position":{"events":40,"now":225}})', 'startClock', 'stopClock', 'seekEnd']);
  });

  it('runs until a leader, reports the outcome and pauses', async () => {
    const { actor, calls } = start(async () => true);
    actor.send({ type: 'RUN_UNTIL_LEADER' });
    expect(actor.getSnapshot().value).toBe('runningUntil');
    await waitFor(actor, (s) => s.matches('paused'));
    expect(calls).toEqual(['reportRunUntil({"found":true})']);
  });

  it('Pause interrupts a run-until and aborts it', async () => {
    const aborted = vi.fn();
    const { actor, calls } = start(
      (signal) =>
        new Promise<boolean>((resolve) => {
          signal.addEventListener('abort', () => {
            aborted();
            resolve(false);
          });
        }),
    );
    actor.send({ type: 'RUN_UNTIL_LEADER' });
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(aborted).toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it('ignores Pause while paused and Step while running until', () => {
    const { actor, calls } = start(() => new Promise<boolean>(() => {}));
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'RUN_UNTIL_LEADER' });
    actor.send({ type: 'STEP' });
    expect(actor.getSnapshot().value).toBe('runningUntil');
    expect(calls).toEqual([]);
  });
});
