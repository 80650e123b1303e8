import type { Message, NodeIO } from '../../kernel/protocol';
import type { RaftParams } from './params';

/** The four roles of a Raft server (thesis §3.3, plus etcd's pre-candidate for PreVote, §9.6). */
export type Role = 'follower' | 'precandidate' | 'candidate' | 'leader';

/**
 * One log entry. `value` is the client command ("x=1"); null marks a no-op, the empty entry a
 * new leader appends for its own term (thesis §6.4). Entries are immutable once created, so
 * logs and messages may share them.
 */
export interface LogEntry {
  readonly term: number;
  readonly value: string | null;
  /** The client request it carries (the kernel's request number), so the server the client asked can answer it once applied. */
  readonly client?: number;
}

/** A client's write a server took and has not answered yet (volatile: lost in a crash). */
export interface PendingWrite {
  readonly client: number;
  readonly value: string;
  /** Virtual time at which the client is told it timed out. */
  readonly deadline: number;
}

/** What survives a crash (Raft Figure 2, "persistent state on all servers"). */
export interface RaftPersisted {
  term: number;
  votedFor: number | null;
  /** Entries from index 1: log[0] holds index 1. */
  log: LogEntry[];
}

/** Counters for `metrics`; volatile, so a restarted node counts from zero. */
export interface RaftStats {
  preVotesStarted: number;
  electionsStarted: number;
  leadershipsWon: number;
  appendRejections: number;
}

/**
 * A node's whole state: plain data (the kernel checkpoints it with structuredClone), mutated in
 * place by the handlers. Index 0 of every per-peer array is unused, like node ids.
 */
export interface RaftState {
  /** The xstate role machine's state value; changed only through `transitionRole`. */
  role: Role;
  // Persistent (Figure 2).
  term: number;
  votedFor: number | null;
  log: LogEntry[];
  // Volatile on all servers.
  /** The leader of the current term when known (learned from its AppendEntries), else null. */
  leader: number | null;
  /** Virtual time of the last AppendEntries from the current leader (-1: never). */
  leaderContactAt: number;
  commitIndex: number;
  lastApplied: number;
  /** The key-value state machine the committed commands are applied to. */
  kv: Map<string, string>;
  /** The election timeout drawn last, for the view. */
  electionTimeoutMs: number;
  // Volatile on candidates and pre-candidates: votes[id] is true once id granted, refusals[id]
  // once id refused (counted only under the etcd profile, for VoteLost).
  votes: boolean[];
  refusals: boolean[];
  // Volatile on leaders (Figure 2).
  nextIndex: number[];
  matchIndex: number[];
  /** CheckQuorum (thesis §6.2): peers heard from since the last check. */
  recentlyActive: boolean[];
  /** Client writes this server took and will answer: ok once applied here, or timeout. */
  clients: PendingWrite[];
  /** The highest index whose commit the §5.4.2 rule held back, narrated once. */
  commitHeldBackAt: number;
  stats: RaftStats;
}

export interface RequestVote extends Message {
  readonly type: 'RequestVote';
  readonly term: number;
  readonly candidateId: number;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}

export interface RequestVoteResponse extends Message {
  readonly type: 'RequestVoteResponse';
  readonly term: number;
  readonly voteGranted: boolean;
}

/** Thesis §9.6: `term` is the term the pre-candidate would campaign in (its own + 1). */
export interface PreVote extends Message {
  readonly type: 'PreVote';
  readonly term: number;
  readonly candidateId: number;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}

/** `term` is the proposed term when granted, else the voter's own term (as etcd answers). */
export interface PreVoteResponse extends Message {
  readonly type: 'PreVoteResponse';
  readonly term: number;
  readonly voteGranted: boolean;
}

export interface AppendEntries extends Message {
  readonly type: 'AppendEntries';
  readonly term: number;
  readonly leaderId: number;
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly LogEntry[];
  readonly leaderCommit: number;
}

/**
 * On success `matchIndex` is the last index known to match the leader's log. A rejection (and
 * only a rejection) carries `rejectedIndex`, the prevLogIndex that did not match, and the
 * conflict hint (paper §5.3, thesis §5.3) saying where to retry: `conflictTerm` is the term of
 * the follower's entry at `rejectedIndex` (0 when it has none) and `conflictIndex` the first
 * index of that term, or the follower's last index + 1 when its log is too short.
 */
export interface AppendEntriesResponse extends Message {
  readonly type: 'AppendEntriesResponse';
  readonly term: number;
  readonly success: boolean;
  readonly matchIndex: number;
  readonly rejectedIndex?: number;
  readonly conflictIndex?: number;
  readonly conflictTerm?: number;
}

/** A client command a follower forwards to the leader it knows (as etcd forwards proposals). */
export interface ClientRequest extends Message {
  readonly type: 'ClientRequest';
  readonly value: string;
  /** The client request's number, carried into the entry so the forwarding server can answer. */
  readonly client?: number;
}

export type RaftMessage =
  | RequestVote
  | RequestVoteResponse
  | PreVote
  | PreVoteResponse
  | AppendEntries
  | AppendEntriesResponse
  | ClientRequest;

export type RaftIO = NodeIO<RaftMessage, RaftParams>;
