import { describe, expect, it } from 'vitest';
import { initialState, nextState, zabRoleMachine } from './roleMachine';

describe('ZooKeeper server states (QuorumPeer.ServerState) as one xstate machine', () => {
  it('a server starts LOOKING, whose entry action runs lookForLeader', () => {
    expect(initialState()).toEqual({ state: 'looking', actions: ['lookForLeader'] });
  });

  it('setPeerState: elected itself → LEADING; elected another → FOLLOWING; an observer → OBSERVING', () => {
    expect(nextState('looking', { type: 'ELECTED', self: true, observer: false })).toEqual({ state: 'leading', actions: ['stopLooking', 'lead'] });
    expect(nextState('looking', { type: 'ELECTED', self: false, observer: false })).toEqual({
      state: 'following',
      actions: ['stopLooking', 'followLeader'],
    });
    expect(nextState('looking', { type: 'ELECTED', self: false, observer: true })).toEqual({
      state: 'observing',
      actions: ['stopLooking', 'observeLeader'],
    });
  });

  it('every failure of leading or learning leads back to LOOKING and a new round', () => {
    expect(nextState('leading', { type: 'LOOK' })).toEqual({ state: 'looking', actions: ['stopLeading', 'lookForLeader'] });
    expect(nextState('following', { type: 'LOOK' })).toEqual({ state: 'looking', actions: ['stopLearning', 'lookForLeader'] });
    expect(nextState('observing', { type: 'LOOK' }).state).toBe('looking');
  });

  it('impossible transitions fail loudly', () => {
    expect(() => nextState('following', { type: 'ELECTED', self: true, observer: false })).toThrow('invalid transition following → leading');
    expect(() => nextState('looking', { type: 'LOOK' })).toThrow('invalid transition looking → looking');
    expect(() => nextState('leading', { type: 'ELECTED', self: false, observer: false })).toThrow('invalid transition leading → following');
  });

  it('is one xstate definition the UI can draw', () => {
    expect(Object.keys(zabRoleMachine.config.states ?? {})).toEqual(['looking', 'following', 'leading', 'observing']);
  });
});
