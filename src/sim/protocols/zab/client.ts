import { propose } from './broadcast';
import { forwardRequest } from './learner';
import type { ZabIO, ZabState } from './types';

const UPPER: Record<string, string> = { looking: 'LOOKING', following: 'FOLLOWING', leading: 'LEADING', observing: 'OBSERVING' };

/**
 * A client write sent to this server (the scenario's `request`): a leader in broadcast proposes
 * it; a follower or observer that is up to date forwards it to its leader (FollowerRequestProcessor);
 * a server that serves no leader yet cannot take writes, so the client's request fails.
 */
export function onClientRequest(state: ZabState, value: string, io: ZabIO): void {
  if (state.state === 'leading') {
    if (state.phase === 'broadcast') {
      io.narrate('zab.request.atLeader', { node: io.id, value });
      propose(state, value, io);
    } else io.narrate('zab.request.notReady', { node: io.id, value, phase: state.phase });
    return;
  }
  if (forwardRequest(state, value, io)) return;
  io.narrate('zab.request.noLeader', { node: io.id, value, state: UPPER[state.state], phase: state.phase });
}
