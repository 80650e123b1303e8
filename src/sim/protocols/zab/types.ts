import type { Message, NodeIO } from '../../kernel/protocol';
import type { ZabParams } from './params';

/** QuorumPeer.ServerState: the four states of a ZooKeeper server (the role machine's states). */
export type ServerState = 'looking' | 'following' | 'leading' | 'observing';

/** The ZAB phase a server is in (Zab paper §III; the TLA+ spec's zabState). */
export type Phase = 'election' | 'discovery' | 'synchronization' | 'broadcast';

/** One transaction of the history (the transaction log). Immutable once created, so logs and messages share them. */
export interface Txn {
  /** epoch * 2^32 + counter (ZxidUtils.makeZxid). */
  readonly zxid: number;
  readonly value: string;
}

/**
 * A vote (FastLeaderElection's proposedLeader, proposedZxid, proposedEpoch). `leader` 0 is an
 * observer's "nobody" (ZooKeeper uses Long.MIN_VALUE), with zxid and epoch -1.
 */
export interface Vote {
  readonly leader: number;
  readonly zxid: number;
  readonly epoch: number;
}

/** A vote as received, with the sender's round (n.electionEpoch) and state (Vote.java). */
export interface ElectionVote extends Vote {
  readonly round: number;
  readonly state: ServerState;
}

/** What survives a crash: the transaction log and the two epoch files (currentEpoch, acceptedEpoch). */
export interface ZabPersisted {
  currentEpoch: number;
  acceptedEpoch: number;
  history: Txn[];
}

/**
 * One end of a leader–learner connection. ZooKeeper runs ZAB over TCP, so each direction is a
 * FIFO stream; the simulated network may reorder or duplicate, so messages carry a sequence
 * number and the receiver delivers them in order (a lost message stalls the stream, as a dead
 * TCP connection does, until a timeout closes it).
 */
export interface SessionEnd {
  /** Chosen by the learner when it connects: "S<learner>.<bootAt>.<attempt>". */
  id: string;
  peer: number;
  /** Next sequence number to send. */
  seqOut: number;
  /** Next sequence number expected. */
  nextIn: number;
  /** Messages that arrived ahead of a gap. */
  buffer: SessionMessage[];
}

/** How far a learner's handshake with its leader went (LearnerHandler on the leader's side). */
export type LearnerStage = 'connected' | 'epochAcked' | 'synced' | 'uptodate';

/** The leader's record of one learner (LearnerHandler.java). */
export interface LearnerHandler extends SessionEnd {
  observer: boolean;
  stage: LearnerStage;
  /** The learner's acceptedEpoch from FOLLOWERINFO. */
  acceptedEpoch: number;
  /** Virtual time of the last message from the learner (tickOfNextAckDeadline, in ms). */
  lastHeardAt: number;
  /** Highest zxid the learner has logged, from its ACKs (cumulative: the stream is FIFO); -1 before its first ACK. */
  ackedZxid: number;
  /** The learner's last zxid from ACKEPOCH, where its sync starts; -1 before. */
  peerLastZxid: number;
}

/** A learner's connection to its leader (Learner.java). */
export interface LeaderSession extends SessionEnd {
  /** 'connecting' until LEADERINFO; 'epochAcked' until NEWLEADER; 'synced' until UPTODATE; then 'uptodate'. */
  stage: 'connecting' | LearnerStage;
}

/** Leader-only state (Leader.java), null on other servers. */
export interface LeadingState {
  /** handlers[id] for each connected learner; index 0 unused. */
  handlers: (LearnerHandler | null)[];
  /** The epoch proposed in LEADERINFO, -1 until a quorum sent FOLLOWERINFO (getEpochToPropose). */
  proposedEpoch: number;
  /** The highest acceptedEpoch seen in FOLLOWERINFO so far, the leader's own included. */
  maxAcceptedEpoch: number;
  /** Voters counted by getEpochToPropose / waitForEpochAck / waitForNewLeaderAck, the leader included. */
  connecting: boolean[];
  electing: boolean[];
  newLeaderAcked: boolean[];
  /** Counter of the last zxid proposed in this epoch. */
  counter: number;
  /** Half-ticks since broadcast began: pings go out every half tick, the quorum is checked every tick. */
  halfTicks: number;
}

/** Counters for `metrics`; volatile, so a restarted server counts from zero. */
export interface ZabStats {
  electionsStarted: number;
  leadershipsEstablished: number;
  proposals: number;
  diffs: number;
  truncs: number;
  snaps: number;
}

/**
 * A server's whole state: plain data (the kernel checkpoints it with structuredClone), mutated in
 * place by the handlers. Per-peer arrays are indexed by node id; index 0 is unused.
 */
export interface ZabState {
  /** The xstate role machine's state; changed only through `transitionState` (roles.ts). */
  state: ServerState;
  phase: Phase;
  /** From the configuration (params.observers): an observer never votes. */
  observer: boolean;
  // Persistent.
  currentEpoch: number;
  acceptedEpoch: number;
  history: Txn[];
  // Volatile.
  /** history[0 .. commitIndex) is committed (delivered), as the TLA+ spec's commitIndex. */
  commitIndex: number;
  /** How many times the history was truncated or replaced (TRUNC, SNAP): checkers re-read from scratch then. */
  historyRewrites: number;
  /** Virtual time this incarnation booted: tells a new incarnation's notifications from old ones. */
  bootAt: number;
  /** The leader this server follows or observes in the broadcast phase (itself when leading), else null. */
  leader: number | null;
  // Fast Leader Election.
  /** logicalclock: the election round. */
  round: number;
  /** The current proposal while looking; the elected vote after (its round is `round`, which stays put until the next election). */
  vote: Vote;
  /** recvset and outofelection of lookForLeader, by sender id. */
  recv: (ElectionVote | null)[];
  outOfElection: (ElectionVote | null)[];
  /** notTimeout: how long lookForLeader waits for a notification before sending its vote again. */
  notifyTimeoutMs: number;
  /** A quorum agrees with our vote: waiting finalizeWait for a better one. */
  finalizing: boolean;
  /** Notifications sent by this incarnation (a per-sender sequence number). */
  noteSeq: number;
  /** The newest notification seen from each sender, as (sender's bootAt, seq). */
  noteInc: number[];
  noteSeen: number[];
  // Learner (following / observing).
  session: LeaderSession | null;
  /** Connection attempts to the current leader (connectToLeader retries). */
  connectTries: number;
  /** Sessions opened by this incarnation, for unique session ids. */
  sessionsOpened: number;
  // Leader.
  leading: LeadingState | null;
  stats: ZabStats;
}

interface SessionFields {
  readonly session: string;
  /** Position in the session's stream; -1 for a reset (sent outside any stream). */
  readonly seq: number;
  /** The sender's epoch: the leader's proposed epoch, or the learner's acceptedEpoch. */
  readonly epoch: number;
}

/** FastLeaderElection's notification (ToSend.mType.notification). */
export interface Notification extends Message {
  readonly type: 'NOTIFICATION';
  readonly state: ServerState;
  readonly leader: number;
  readonly zxid: number;
  /** n.peerEpoch: the epoch of the proposed leader. */
  readonly epoch: number;
  /** n.electionEpoch: the sender's round. */
  readonly round: number;
  /** The sender's bootAt and sequence number: a newer notification supersedes an older one. */
  readonly inc: number;
  readonly seq: number;
}

/** Learner → leader, first packet of a connection (Learner.registerWithLeader). */
export interface FollowerInfo extends Message, SessionFields {
  readonly type: 'FOLLOWERINFO' | 'OBSERVERINFO';
}
export interface LeaderInfo extends Message, SessionFields {
  readonly type: 'LEADERINFO';
}
export interface AckEpoch extends Message, SessionFields {
  readonly type: 'ACKEPOCH';
  readonly currentEpoch: number;
  readonly lastZxid: number;
}
/** The transactions after the learner's last zxid (ZooKeeper sends them as PROPOSAL/COMMIT pairs after DIFF). */
export interface Diff extends Message, SessionFields {
  readonly type: 'DIFF';
  readonly entries: readonly Txn[];
}
/** Truncate the log to `zxid` (keep what is ≤ zxid), then append `entries`. */
export interface Trunc extends Message, SessionFields {
  readonly type: 'TRUNC';
  readonly zxid: number;
  readonly entries: readonly Txn[];
}
/** The leader's whole history (a snapshot of its data tree). */
export interface Snap extends Message, SessionFields {
  readonly type: 'SNAP';
  readonly history: readonly Txn[];
}
export interface NewLeader extends Message, SessionFields {
  readonly type: 'NEWLEADER';
  readonly zxid: number;
}
/** `zxid`: the learner's last logged zxid; `newLeader`: it acknowledges NEWLEADER (the TLA+ spec's ACKLD). */
export interface Ack extends Message, SessionFields {
  readonly type: 'ACK';
  readonly zxid: number;
  readonly newLeader: boolean;
}
export interface UpToDate extends Message, SessionFields {
  readonly type: 'UPTODATE';
  readonly committedZxid: number;
}
export interface Proposal extends Message, SessionFields {
  readonly type: 'PROPOSAL';
  readonly txn: Txn;
}
export interface Commit extends Message, SessionFields {
  readonly type: 'COMMIT';
  readonly zxid: number;
}
/** A committed transaction sent to an observer (observers get no PROPOSAL). */
export interface Inform extends Message, SessionFields {
  readonly type: 'INFORM';
  readonly txn: Txn;
}
export interface Ping extends Message, SessionFields {
  readonly type: 'PING';
}
/** A client write a learner forwards to its leader (FollowerRequestProcessor). */
export interface Request extends Message, SessionFields {
  readonly type: 'REQUEST';
  readonly value: string;
}
/** Not a ZAB packet: the TCP connection closes (shutdown), is refused, or is reset. */
export interface Close extends Message, SessionFields {
  readonly type: 'CLOSE';
  readonly reason: 'refused' | 'shutdown' | 'reset';
}

export type SessionMessage =
  | FollowerInfo
  | LeaderInfo
  | AckEpoch
  | Diff
  | Trunc
  | Snap
  | NewLeader
  | Ack
  | UpToDate
  | Proposal
  | Commit
  | Inform
  | Ping
  | Request
  | Close;

export type ZabMessage = Notification | SessionMessage;

/** What a session message is without its stream fields (channel.ts adds them). */
export type Outgoing = SessionMessage extends infer M ? (M extends SessionMessage ? Omit<M, 'session' | 'seq' | 'epoch'> : never) : never;

export type ZabIO = NodeIO<ZabMessage, ZabParams>;
