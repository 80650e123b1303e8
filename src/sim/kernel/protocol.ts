import type { RandomStream } from './prng';

/** Every protocol message is a plain, immutable JSON object with a `type`. */
export interface Message {
  readonly type: string;
}

/** External commands addressed to one node (scenario events the protocol itself handles). */
export type NodeCommand =
  | { type: 'timeout' }
  | { type: 'request'; value: string; client?: number }
  | { type: 'rumor' }
  | { type: 'join' }
  | { type: 'leave' };

/**
 * How a client's request ended, as the server it asked tells it: `ok` (done: a Raft write
 * committed and applied), `notLeader` (refused: the server knows no leader to pass it to),
 * `timeout` (no answer in time: it may or may not have happened), `down` (the server is down;
 * the kernel answers for it).
 */
export type ClientOutcome = 'ok' | 'notLeader' | 'timeout' | 'down';

/**
 * A reply to the client of request number `client` (the kernel numbers a run's `request`
 * events 1, 2, … as they fire). `index` and `term` say where an `ok` write is in the log.
 */
export interface ClientReply {
  readonly client: number;
  readonly outcome: ClientOutcome;
  readonly value: string;
  readonly index?: number;
  readonly term?: number;
}

/**
 * What a node sees of the world while it handles one input, and where it puts its effects
 * (sans-IO, as in etcd-raft: the node decides, the kernel executes). A test can pass a
 * recording implementation and drive a node with no kernel at all.
 */
export interface NodeIO<M extends Message = Message, P = unknown> {
  /** This node's id (1..nodeCount). */
  readonly id: number;
  readonly nodeCount: number;
  /** Virtual time of the input being handled, in ms. */
  readonly now: number;
  /** Protocol parameters in force (a scenario `set` event can change them mid-run). */
  readonly params: P;
  /** This node's own random stream. */
  readonly rng: RandomStream;
  send(to: number, msg: M): void;
  /** Starts or restarts the named timer; it fires once unless set again. */
  setTimer(name: string, delayMs: number): void;
  cancelTimer(name: string): void;
  /** A step a student would ask about, as a message key and its parameters (templates render it). */
  narrate(key: string, params?: Record<string, unknown>): void;
  /** A visible state change (role, term, vote…), recorded in the trace. */
  changed(field: string, value: unknown): void;
  /** Answers a client (recorded in the trace as a `client` event; checkers see it). */
  reply(reply: ClientReply): void;
}

/** A read-only picture of the cluster handed to checkers after each event. */
export interface ClusterSnapshot<S> {
  readonly now: number;
  /** states[id] for id 1..nodeCount; null while the node is down. Index 0 is unused. */
  readonly states: readonly (S | null)[];
  /** persisted[id]: what survives a crash, for down nodes (undefined for live nodes). */
  readonly persisted: readonly unknown[];
  readonly nodeCount: number;
  readonly params: unknown;
  /**
   * The node that handled the event just processed, or 0 after an external action (which may
   * touch any node). Checkers of large clusters look at this node only, to stay O(1) per event.
   */
  readonly touched: number;
  /** The client replies the event just processed gave, in order (empty for most events). */
  readonly replies: readonly { readonly node: number; readonly reply: ClientReply }[];
}

/**
 * An invariant checked from outside the nodes after every event (ARCHITECTURE principle 4).
 * `memory` is the checker's own plain-data state (checkpointed with the run).
 */
export interface Checker<S, Memory = unknown> {
  readonly invariant: string;
  init(): Memory;
  check(cluster: ClusterSnapshot<S>, memory: Memory, report: (message: string) => void): void;
}

/** The node fields a protocol adds to `run --json` (Contract 2). */
export type NodeView = Record<string, unknown>;

export interface Protocol<S = unknown, M extends Message = Message, P = unknown, Persisted = unknown> {
  readonly name: string;
  /** Full parameters from a scenario's (partial, already validated) `params`, over `base` (defaults when absent). */
  resolveParams(partial: unknown, base?: P): P;
  /**
   * Parameters every node reads that the scenario gives per node in `init` (ZooKeeper's static
   * configuration: which servers are observers). Called once, before any node starts.
   */
  configure?(params: P, init: Readonly<Record<string, unknown>> | undefined): P;
  /** What a node has on disk before it ever starts, from the scenario's `init` for it. */
  initialPersisted(id: number, init: unknown, params: P): Persisted;
  /** Starts a node from what it has on disk (at time 0, or on restart after a crash). */
  boot(persisted: Persisted, io: NodeIO<M, P>): S;
  onMessage(state: S, from: number, msg: M, io: NodeIO<M, P>): void;
  onTimer(state: S, name: string, io: NodeIO<M, P>): void;
  onCommand(state: S, command: NodeCommand, io: NodeIO<M, P>): void;
  /**
   * A `set` action changed the parameters mid-run (`io.params` are the new ones): a live node
   * adapts what it armed under the `previous` ones (Raft: a leader starts or stops its
   * CheckQuorum timer). A paused node is told when it resumes.
   */
  onParamsChanged?(state: S, previous: P, io: NodeIO<M, P>): void;
  /** What survives a crash (Raft: term, vote, log). Must be a fresh plain-data value. */
  persist(state: S): Persisted;
  /** Fields for `run --json`: live nodes from their state, down nodes from what they persisted. */
  view(state: S | null, persisted: Persisted | undefined, id: number): NodeView;
  /** The leader as the status line says it, or null. */
  leader?(cluster: ClusterSnapshot<S>): { id: number; term: number } | null;
  readonly checkers?: readonly Checker<S>[];
  /** Protocol metrics for `run --json`. */
  metrics?(cluster: ClusterSnapshot<S>): Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProtocol = Protocol<any, any, any, any>;
