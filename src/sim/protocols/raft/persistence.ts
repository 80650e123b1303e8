import type { RaftInit, RaftParams } from './params';
import { enterInitialRole } from './roles';
import type { LogEntry, RaftIO, RaftPersisted, RaftState } from './types';

/**
 * What a node has on disk before it starts, from the scenario's `init` (Contract 1): `term`,
 * `votedFor` and `log`, the log as terms or {term, value} from index 1, so the paper's Figure 7
 * and Figure 8 situations can be set up directly. A bare term t at index i becomes the command
 * "e<i>=t<t>" (entry i, written in term t), so every entry has a visible, distinct value.
 */
export function initialPersisted(_id: number, init: unknown, _params: RaftParams): RaftPersisted {
  const given = (init ?? {}) as RaftInit;
  const log: LogEntry[] = (given.log ?? []).map((e, i) =>
    typeof e === 'number' ? { term: e, value: `e${i + 1}=t${e}` } : { term: e.term, value: e.value },
  );
  return { term: given.term ?? 0, votedFor: given.votedFor ?? null, log };
}

/** Figure 2: currentTerm, votedFor and the log survive a crash; everything else is volatile. */
export function persist(state: RaftState): RaftPersisted {
  return { term: state.term, votedFor: state.votedFor, log: state.log.slice() };
}

/**
 * A node starts (at time 0, or on restart) from its disk as a follower with a fresh election
 * timer and nothing committed: commitIndex, lastApplied, the state machine, nextIndex and
 * matchIndex are rebuilt from the leader (Figure 2). With the unsafe switch
 * `forgetVoteOnRestart` the vote is lost, so the node can vote twice in one term.
 */
export function boot(persisted: RaftPersisted, io: RaftIO): RaftState {
  const state: RaftState = {
    role: 'follower',
    term: persisted.term,
    votedFor: persisted.votedFor,
    log: persisted.log,
    leader: null,
    leaderContactAt: -1,
    commitIndex: 0,
    lastApplied: 0,
    kv: new Map(),
    electionTimeoutMs: 0,
    votes: [],
    refusals: [],
    nextIndex: [],
    matchIndex: [],
    recentlyActive: [],
    clients: [],
    commitHeldBackAt: 0,
    stats: { preVotesStarted: 0, electionsStarted: 0, leadershipsWon: 0, appendRejections: 0 },
  };
  io.narrate(state.votedFor === null ? 'raft.boot' : state.votedFor === io.id ? 'raft.boot.votedSelf' : 'raft.boot.voted', {
    node: io.id,
    term: state.term,
    entries: state.log.length,
    votedFor: state.votedFor,
  });
  if (io.params.unsafe.forgetVoteOnRestart && state.votedFor !== null) {
    io.narrate('raft.boot.forgetVote', { node: io.id, term: state.term, votedFor: state.votedFor });
    state.votedFor = null;
    io.changed('votedFor', null);
  }
  enterInitialRole(state, io);
  return state;
}
