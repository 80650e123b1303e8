import type { NodeCommand, Protocol } from '../../kernel/protocol';
import { raftCheckers } from './checkers';
import { handleClientRequest } from './client';
import { onClientTimer } from './clientReplies';
import { handlePreVote, handlePreVoteResponse, handleRequestVote, handleRequestVoteResponse, onElectionTimeout } from './election';
import { onCheckQuorum, onCheckQuorumChanged, onHeartbeat } from './leader';
import { resolveRaftParams, type RaftParams, type RaftParamsInput } from './params';
import { boot, initialPersisted, persist } from './persistence';
import { handleAppendEntries, handleAppendEntriesResponse } from './replication';
import type { RaftMessage, RaftPersisted, RaftState } from './types';
import { raftLeader, raftMetrics, raftView } from './view';

export type { LogEntry, RaftMessage, RaftPersisted, RaftState, Role } from './types';
export { raftRoleMachine, type RoleEvent } from './roleMachine';
export { raftTemplates } from './narration';
export { raftCheckers } from './checkers';
export { raftDefaults, type RaftParams } from './params';

/**
 * Raft (Ongaro & Ousterhout 2014; Ongaro's thesis) with etcd's PreVote and CheckQuorum, as a
 * sans-IO protocol for the deterministic kernel.
 */
export const raftProtocol: Protocol<RaftState, RaftMessage, RaftParams, RaftPersisted> = {
  name: 'raft',
  resolveParams: (partial, base) => resolveRaftParams(partial as RaftParamsInput | undefined, base),
  initialPersisted,
  boot,
  onMessage(state, from, msg, io) {
    switch (msg.type) {
      case 'AppendEntries':
        handleAppendEntries(state, from, msg, io);
        return;
      case 'AppendEntriesResponse':
        handleAppendEntriesResponse(state, from, msg, io);
        return;
      case 'RequestVote':
        handleRequestVote(state, from, msg, io);
        return;
      case 'RequestVoteResponse':
        handleRequestVoteResponse(state, from, msg, io);
        return;
      case 'PreVote':
        handlePreVote(state, from, msg, io);
        return;
      case 'PreVoteResponse':
        handlePreVoteResponse(state, from, msg, io);
        return;
      case 'ClientRequest':
        handleClientRequest(state, msg.value, from, io, msg.client);
        return;
    }
  },
  onTimer(state, name, io) {
    if (name === 'election') onElectionTimeout(state, io);
    else if (name === 'heartbeat') onHeartbeat(state, io);
    else if (name === 'checkQuorum') onCheckQuorum(state, io);
    else if (name === 'client') onClientTimer(state, io);
  },
  onCommand(state, command: NodeCommand, io) {
    if (command.type === 'timeout') onElectionTimeout(state, io);
    else if (command.type === 'request') handleClientRequest(state, command.value, null, io, command.client);
  },
  onParamsChanged(state, previous, io) {
    onCheckQuorumChanged(state, previous, io);
  },
  persist,
  view: raftView,
  leader: raftLeader,
  checkers: raftCheckers,
  metrics: raftMetrics,
};
