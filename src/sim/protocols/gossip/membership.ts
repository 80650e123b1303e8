import { enqueue } from './broadcasts';
import { expectedConfirmations, suspicionMinMs, suspicionTimeoutMs } from './lifeguard';
import { Effect, MemberEventCode, NEXT_MASK, STATUS_NAMES, Status, memberStep } from './memberTable';
import type { MemberUpdate } from './messages';
import { narratesEverything } from './narration';
import type { GossipIO, SwimNodeState } from './state';

/**
 * Applying membership updates to one node's member table: the precedence rules come from the
 * table derived from memberMachine.ts; this file adds what memberlist's state.go does around
 * them — refuting rumours about oneself, Lifeguard suspicion timers and confirmations, and
 * re-broadcasting every accepted change.
 */

const EVENT_OF: Record<MemberUpdate['kind'], MemberEventCode> = {
  alive: MemberEventCode.ALIVE,
  suspect: MemberEventCode.SUSPECT,
  dead: MemberEventCode.DEAD,
  left: MemberEventCode.LEFT,
};

export function suspicionTimerName(member: number): string {
  return `suspect:${member}`;
}

function isLive(status: number): boolean {
  return status === Status.alive || status === Status.suspect;
}

/**
 * Applies one update heard from the network (or raised by this node). Returns true when this
 * node's view changed. The caller narrates (one line per packet or merge, not per member);
 * `quiet` also silences the confirmation line (a state merge tells its own story).
 */
export function applyUpdate(state: SwimNodeState, io: GossipIO, u: MemberUpdate, quiet = false): boolean {
  const m = u.node;
  if (m < 1 || m > io.nodeCount) return false;
  if (m === io.id) return onSelfUpdate(state, io, u);
  const status = state.status[m];
  const held = state.incarnations[m];
  const bits = memberStep(status, EVENT_OF[u.kind], u.incarnation, held);
  if ((bits & Effect.changed) === 0) {
    // memberlist suspectNode: a suspicion of a member already suspect counts as a confirmation
    // from an independent accuser (Lifeguard), and is passed on so others can count it too.
    if (u.kind === 'suspect' && status === Status.suspect && u.incarnation >= held && confirm(state, io, m, u.from, quiet)) {
      enqueue(state, io, u);
    }
    return false;
  }
  const next = bits & NEXT_MASK;
  transitionMember(state, io, m, next, (bits & Effect.take) !== 0 ? u.incarnation : held, bits, u.from);
  enqueue(state, io, u);
  return true;
}

/** The suspicion timer of `member` fired: suspect → dead (SWIM §4.2), announced as our own finding. */
export function suspicionTimedOut(state: SwimNodeState, io: GossipIO, member: number): void {
  const status = state.status[member];
  const bits = memberStep(status, MemberEventCode.TIMEOUT, 0, 0);
  if ((bits & Effect.changed) === 0) return;
  const suspicion = state.suspicions[member];
  const incarnation = state.incarnations[member];
  transitionMember(state, io, member, bits & NEXT_MASK, incarnation, bits, io.id);
  enqueue(state, io, { kind: 'dead', node: member, incarnation, from: io.id });
  if (narratesEverything(io.nodeCount)) {
    io.narrate('gossip.dead', { node: io.id, member, afterMs: suspicion ? io.now - suspicion.startMs : null });
  }
}

/** Writes the new status and incarnation, keeps the records and timers that follow from it. */
function transitionMember(
  state: SwimNodeState,
  io: GossipIO,
  m: number,
  next: number,
  incarnation: number,
  bits: number,
  accuser: number,
): void {
  const before = state.status[m];
  state.status[m] = next;
  state.incarnations[m] = incarnation;
  state.liveCount += (isLive(next) ? 1 : 0) - (isLive(before) ? 1 : 0);
  state.lastViewChangeMs = io.now;
  if ((bits & Effect.cancelTimer) !== 0) {
    io.cancelTimer(suspicionTimerName(m));
    delete state.suspicions[m];
  }
  if ((bits & Effect.startTimer) !== 0) startSuspicion(state, io, m, accuser);
  if (next === Status.suspect && before !== Status.suspect) state.suspectSinceMs[m] = io.now;
  if (next === Status.alive || next === Status.left) {
    delete state.suspectSinceMs[m];
    delete state.deadSinceMs[m];
  }
  if (next === Status.dead) {
    state.deadSinceMs[m] = io.now;
    state.deadLog.push(m, io.now, incarnation);
  }
  io.changed('members', { node: m, status: STATUS_NAMES[next], incarnation });
}

/**
 * Lifeguard (§IV-B; memberlist suspectNode): the timeout runs from suspicionMaxTimeoutMult ×
 * the minimum down to the minimum as k = suspicionMult − 2 independent accusers confirm it.
 */
function startSuspicion(state: SwimNodeState, io: GossipIO, m: number, accuser: number): void {
  const p = io.params;
  const n = state.liveCount;
  const k = expectedConfirmations(p.suspicionMult, n);
  const minMs = suspicionMinMs(p.suspicionMult, n, p.probeInterval);
  const maxMs = Math.round(p.suspicionMaxTimeoutMult * minMs);
  state.suspicions[m] = { startMs: io.now, minMs, maxMs, k, confirmers: [accuser] };
  io.setTimer(suspicionTimerName(m), suspicionTimeoutMs(minMs, maxMs, 0, k));
}

/** memberlist suspicion.Confirm: true when `from` is a new accuser and the timer was shortened. */
function confirm(state: SwimNodeState, io: GossipIO, m: number, from: number, quiet: boolean): boolean {
  const s = state.suspicions[m];
  if (!s || s.confirmers.length - 1 >= s.k || s.confirmers.includes(from)) return false;
  s.confirmers.push(from);
  const c = s.confirmers.length - 1;
  const timeoutMs = suspicionTimeoutMs(s.minMs, s.maxMs, c, s.k);
  io.setTimer(suspicionTimerName(m), Math.max(0, s.startMs + timeoutMs - io.now));
  if (!quiet && narratesEverything(io.nodeCount)) {
    io.narrate(from === io.id ? 'gossip.confirmOwn' : 'gossip.confirm', { node: io.id, member: m, from, confirmations: c, expected: s.k, timeoutMs });
  }
  return true;
}

/**
 * An update about this node itself. SWIM §4.2 / memberlist refute: a suspicion or death at our
 * current incarnation (or newer) is answered by a higher incarnation, announced as alive; an
 * alive from a previous life with a higher number is overtaken the same way.
 */
function onSelfUpdate(state: SwimNodeState, io: GossipIO, u: MemberUpdate): boolean {
  if (state.left) return false;
  const accused = u.incarnation;
  if (u.kind === 'alive' ? accused <= state.incarnation : accused < state.incarnation) return false;
  if (u.kind !== 'alive' && io.params.unsafe.noRefute) {
    const next = u.kind === 'suspect' ? Status.suspect : Status.dead;
    if (state.status[io.id] === next) return false;
    state.status[io.id] = next;
    io.changed('members', { node: io.id, status: STATUS_NAMES[next], incarnation: state.incarnation });
    io.narrate('gossip.acceptOwnFate', { node: io.id, status: STATUS_NAMES[next] });
    return true;
  }
  refute(state, io, accused, u.kind);
  return true;
}

export function refute(state: SwimNodeState, io: GossipIO, accused: number, status: MemberUpdate['kind']): void {
  const incarnation = Math.max(state.incarnation, accused) + 1;
  setOwnIncarnation(state, io, incarnation);
  state.refutations++;
  if (status === 'alive') io.narrate('gossip.overtake', { node: io.id, accused, incarnation });
  else io.narrate('gossip.refute', { node: io.id, status, accused, incarnation });
}

/** Sets this node's incarnation and announces itself alive at it. */
export function setOwnIncarnation(state: SwimNodeState, io: GossipIO, incarnation: number): void {
  state.incarnation = incarnation;
  state.incarnations[io.id] = incarnation;
  state.status[io.id] = Status.alive;
  io.changed('incarnation', incarnation);
  enqueue(state, io, { kind: 'alive', node: io.id, incarnation, from: io.id });
}
