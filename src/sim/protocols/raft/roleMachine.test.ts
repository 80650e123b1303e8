import { describe, expect, it } from 'vitest';
import { initialRole, nextRole, raftRoleMachine } from './roleMachine';

describe('Raft role machine (thesis Figure 3.3, §9.6, §6.2)', () => {
  it('starts as a follower whose entry action arms the election timer', () => {
    expect(initialRole()).toEqual({ role: 'follower', actions: ['becomeFollower'] });
  });

  it('§5.2: a timeout makes a follower a candidate, or a pre-candidate with PreVote', () => {
    expect(nextRole('follower', { type: 'TIMEOUT', preVote: false })).toEqual({ role: 'candidate', actions: ['becomeCandidate'] });
    expect(nextRole('follower', { type: 'TIMEOUT', preVote: true })).toEqual({ role: 'precandidate', actions: ['becomePreCandidate'] });
  });

  it('§5.2: a candidate that times out starts a new election (re-entering candidate)', () => {
    expect(nextRole('candidate', { type: 'TIMEOUT', preVote: false })).toEqual({ role: 'candidate', actions: ['becomeCandidate'] });
  });

  it('§9.6: a pre-candidate that wins the pre-vote becomes a candidate; a candidate that wins becomes leader', () => {
    expect(nextRole('precandidate', { type: 'PREVOTE_WON' }).role).toBe('candidate');
    expect(nextRole('candidate', { type: 'ELECTION_WON' })).toEqual({ role: 'leader', actions: ['becomeLeader'] });
  });

  it('§5.1: a newer term sends every role back to follower; §6.2: a leader that lost its quorum steps down', () => {
    for (const role of ['precandidate', 'candidate', 'leader'] as const) {
      expect(nextRole(role, { type: 'HIGHER_TERM' }).role).toBe('follower');
    }
    expect(nextRole('leader', { type: 'QUORUM_LOST' }).role).toBe('follower');
  });

  it('etcd: a (pre-)candidate refused by too many falls back to follower (VoteLost), only under the etcd profile', () => {
    for (const role of ['precandidate', 'candidate'] as const) {
      expect(nextRole(role, { type: 'VOTE_LOST', etcd: true })).toEqual({ role: 'follower', actions: ['becomeFollower'] });
      expect(() => nextRole(role, { type: 'VOTE_LOST', etcd: false })).toThrow('invalid transition');
    }
    expect(() => nextRole('leader', { type: 'VOTE_LOST', etcd: true })).toThrow('invalid transition leader → follower');
  });

  it('impossible transitions fail loudly, as etcd-raft panics', () => {
    expect(() => nextRole('leader', { type: 'TIMEOUT', preVote: false })).toThrow('invalid transition leader → candidate');
    expect(() => nextRole('follower', { type: 'ELECTION_WON' })).toThrow('invalid transition follower → leader');
    expect(() => nextRole('candidate', { type: 'PREVOTE_WON' })).toThrow('invalid transition candidate → candidate');
    expect(() => nextRole('follower', { type: 'QUORUM_LOST' })).toThrow('invalid transition follower → follower');
  });

  it('is one xstate definition the UI can draw', () => {
    expect(Object.keys(raftRoleMachine.config.states ?? {})).toEqual(['follower', 'precandidate', 'candidate', 'leader']);
  });
});
