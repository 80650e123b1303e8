/**
 * Gossip: rumor spreading and SWIM membership (hashicorp/memberlist with Lifeguard, as in
 * Consul and Serf). Where things live:
 * - rumor.ts — rumor mode: one update by push, pull or push-pull (`spread`), `fanout` peers
 *   every `gossipInterval`; analytic.ts — Serf's convergence curve and the push-rounds estimate.
 * - swim.ts (node), probe.ts (ping / ping-req / suspect, §3.1), membership.ts (updates,
 *   refutation, Lifeguard suspicion), broadcasts.ts (piggybacking, §4.1), sync.ts (push-pull,
 *   join, Serf reconnect); memberMachine.ts is the one definition of alive / suspect / dead and
 *   memberTable.ts the table derived from it.
 * - metrics.ts (run --json), checkers.ts (NeverSelfDead), narration.ts, fuzzTarget.ts.
 * Commands: `rumor` starts the run's one rumor at that node (in SWIM mode it is disseminated
 * like a membership update); `leave` announces a graceful leave and stops the node's
 * participation; `join` rejoins a node that left (fresh view, incarnation + 1) or makes a member
 * re-sync with a seed. Nodes up at time 0 start with a full view; a node booted later (a
 * restart, or `init.up: false` then `restart`) joins through a random seed by push-pull.
 */
import type { NodeView, Protocol } from '../../kernel/protocol';
import { neverSelfDead } from './checkers';
import { STATUS_NAMES, Status } from './memberTable';
import type { GossipMessage } from './messages';
import { gossipMetrics } from './metrics';
import { resolveGossipParams, type GossipInit, type GossipParams, type GossipParamsInput } from './params';
import { bootRumor, rumorOnCommand, rumorOnMessage, rumorOnTimer } from './rumor';
import { freshInstruments, persistState, type GossipPersisted, type GossipState } from './state';
import { bootSwim, swimOnCommand, swimOnMessage, swimOnTimer } from './swim';

export { memberMachine, type MemberStatus, type MemberEvent } from './memberMachine';
export { STATUS_NAMES, Status, memberTable, suspicionTimeoutEvent } from './memberTable';
export { serfConvergence, serfConvergenceCurve, serfRoundsTo, serfContact, pushRoundsEstimate, type SerfModelInput } from './analytic';
export { gossipTemplates, NARRATE_ALL_MAX_NODES } from './narration';
export { messageBytes, type GossipMessage, type Update, type MemberUpdate } from './messages';
export { gossipDefaults, gossipParamsSchema, gossipInitSchema, type GossipParams } from './params';
export type { GossipState, GossipPersisted } from './state';

/**
 * Contract 2 node fields: `informed` and `informedAt` (ms or null) in both modes; in SWIM mode
 * also `members` ({"<id>": {status, incarnation}} for every member this node knows, itself
 * included), its own `incarnation` and `left`. Rumor mode has no membership, so it has no
 * `members` (10,000 nodes × 10,000 entries would be absurd). A down node has lost its memory.
 */
function view(state: GossipState | null): NodeView {
  if (!state) return { informed: false, informedAt: null, members: {} };
  const base = { mode: state.mode, informed: state.rumor !== null, informedAt: state.informedAtMs };
  if (state.mode === 'rumor') return base;
  const members: Record<string, { status: string; incarnation: number }> = {};
  for (let id = 1; id < state.status.length; id++) {
    const s = state.status[id];
    if (s !== Status.unknown) members[String(id)] = { status: STATUS_NAMES[s], incarnation: state.incarnations[id] };
  }
  return { ...base, incarnation: state.incarnation, left: state.left, members };
}

export const gossipProtocol: Protocol<GossipState, GossipMessage, GossipParams, GossipPersisted> = {
  name: 'gossip',
  resolveParams: (partial, base) => resolveGossipParams(partial as GossipParamsInput | undefined, base),
  // A node that is down from the start has been down since time 0 (for the false-positive count).
  initialPersisted: (_id, init) => ({ ...freshInstruments(), crashedNearMs: (init as GossipInit | undefined)?.up === false ? 0 : null }),
  boot: (persisted, io) => (io.params.mode === 'rumor' ? bootRumor(persisted, io) : bootSwim(persisted, io)),
  onMessage(state, from, msg, io) {
    state.lastInputMs = io.now;
    if (state.mode === 'rumor') rumorOnMessage(state, from, msg, io);
    else swimOnMessage(state, from, msg, io);
  },
  onTimer(state, name, io) {
    state.lastInputMs = io.now;
    if (state.mode === 'rumor') rumorOnTimer(state, name, io);
    else swimOnTimer(state, name, io);
  },
  onCommand(state, command, io) {
    state.lastInputMs = io.now;
    if (state.mode === 'rumor') rumorOnCommand(state, command, io);
    else swimOnCommand(state, command, io);
  },
  persist: persistState,
  view: (state) => view(state),
  checkers: [neverSelfDead],
  metrics: gossipMetrics,
};
