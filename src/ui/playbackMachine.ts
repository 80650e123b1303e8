import { fromPromise, setup } from 'xstate';
import type { RunPosition } from '../sim/kernel/simulation';

/** What the playback controls ask for (Contract 3 buttons and keys, and the step variants). */
export type PlaybackEvent =
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'TOGGLE' }
  | { type: 'STEP' }
  | { type: 'STEP_BACK' }
  | { type: 'STEP_DELIVERY' }
  | { type: 'STEP_STATE_CHANGE' }
  | { type: 'RUN_UNTIL_LEADER' }
  | { type: 'RESET' }
  | { type: 'SEEK'; t: number }
  | { type: 'SEEK_POSITION'; position: RunPosition }
  | { type: 'SEEK_END' };

/* Implementations are provided by the controller (`machine.provide`); the defaults do nothing,
 * so the machine can be tested on its own. */
const noop = (): void => {};

/**
 * Playback: paused, playing (the clock advances the simulation every animation frame), or
 * running until a condition (fast-forward until a new leader, bounded). Stepping, seeking and
 * resetting always leave the run paused, so what the user sees stays put.
 */
export const playbackMachine = setup({
  types: { events: {} as PlaybackEvent },
  actions: {
    startClock: noop,
    stopClock: noop,
    step: noop,
    stepBack: noop,
    stepDelivery: noop,
    stepStateChange: noop,
    reset: noop,
    seek: (_, _params: { t: number }) => {},
    seekPosition: (_, _params: { position: RunPosition }) => {},
    seekEnd: noop,
    reportRunUntil: (_, _params: { found: boolean }) => {},
  },
  actors: {
    runUntilLeader: fromPromise<boolean>(async () => false),
  },
}).createMachine({
  id: 'playback',
  initial: 'paused',
  on: {
    RESET: { target: '.paused', actions: 'reset' },
    SEEK: { target: '.paused', actions: { type: 'seek', params: ({ event }) => ({ t: event.t }) } },
    SEEK_POSITION: { target: '.paused', actions: { type: 'seekPosition', params: ({ event }) => ({ position: event.position }) } },
    SEEK_END: { target: '.paused', actions: 'seekEnd' },
    // Stepping back always pauses: the view must stay on the event it went back to.
    STEP_BACK: { target: '.paused', actions: 'stepBack' },
  },
  states: {
    paused: {
      on: {
        PLAY: 'playing',
        TOGGLE: 'playing',
        STEP: { actions: 'step' },
        STEP_DELIVERY: { actions: 'stepDelivery' },
        STEP_STATE_CHANGE: { actions: 'stepStateChange' },
        RUN_UNTIL_LEADER: 'runningUntil',
      },
    },
    playing: {
      entry: 'startClock',
      exit: 'stopClock',
      on: {
        PAUSE: 'paused',
        TOGGLE: 'paused',
        STEP: { target: 'paused', actions: 'step' },
        STEP_DELIVERY: { target: 'paused', actions: 'stepDelivery' },
        STEP_STATE_CHANGE: { target: 'paused', actions: 'stepStateChange' },
        RUN_UNTIL_LEADER: 'runningUntil',
      },
    },
    runningUntil: {
      invoke: {
        src: 'runUntilLeader',
        onDone: { target: 'paused', actions: { type: 'reportRunUntil', params: ({ event }) => ({ found: event.output }) } },
        onError: 'paused',
      },
      on: {
        PAUSE: 'paused',
        TOGGLE: 'paused',
        PLAY: 'playing',
      },
    },
  },
});
