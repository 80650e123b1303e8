import { FROM_LEADER, sendReset } from './channel';
import { onLearnerMessage } from './leader';
import { onLeaderMessage } from './learner';
import type { SessionMessage, ZabIO, ZabState } from './types';

const UPPER: Record<string, string> = { looking: 'LOOKING', following: 'FOLLOWING', leading: 'LEADING', observing: 'OBSERVING' };

/**
 * Routes a ZAB packet to the connection it belongs to: this server's connection to its leader,
 * or, on a leader, a learner's connection (FOLLOWERINFO opens one). Anything else belongs to a
 * connection this server does not have: it answers with a reset, as TCP does, and a packet from a
 * leader of an older epoch than the one this server accepted is narrated as what it is: an old
 * leader, fenced off.
 */
export function onSessionMessage(state: ZabState, from: number, msg: SessionMessage, io: ZabIO): void {
  const s = state.session;
  if (s && msg.session === s.id && from === s.peer) {
    onLeaderMessage(state, msg, io);
    return;
  }
  const L = state.leading;
  if (L) {
    const h = L.handlers[from];
    if ((h && h.id === msg.session) || msg.type === 'FOLLOWERINFO' || msg.type === 'OBSERVERINFO') {
      onLearnerMessage(state, from, msg, io);
      return;
    }
  }
  onForeign(state, from, msg, io);
}

function onForeign(state: ZabState, from: number, msg: SessionMessage, io: ZabIO): void {
  if (msg.type === 'CLOSE') return;
  if (msg.type === 'FOLLOWERINFO' || msg.type === 'OBSERVERINFO') {
    // Only a leader accepts learner connections (LearnerCnxAcceptor runs inside Leader.lead).
    io.narrate('zab.connect.refused', { node: io.id, from, state: UPPER[state.state] });
    sendReset(from, msg.session, state.acceptedEpoch, 'refused', io);
    return;
  }
  // The learner names the session, so a session named after us was ours as a learner: the sender led it.
  const fromLeader = msg.session.startsWith(`S${io.id}.`) && (FROM_LEADER.has(msg.type) || msg.type === 'PING');
  if (fromLeader && msg.epoch < state.acceptedEpoch) {
    io.narrate('zab.fence.oldLeader', {
      node: io.id,
      from,
      type: msg.type,
      epoch: msg.epoch,
      acceptedEpoch: state.acceptedEpoch,
    });
  }
  sendReset(from, msg.session, state.acceptedEpoch, 'reset', io);
}
