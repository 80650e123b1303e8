import type { NodeCommand, Protocol } from '../../kernel/protocol';
import { onTick } from './broadcast';
import { zabCheckers } from './checkers';
import { onClientRequest } from './client';
import { withObserversFromInit } from './config';
import { onFinalizeTimer, onNotification, onNotifyTimer } from './election';
import { onEstablishTimer } from './leader';
import { onLeaderTimer, onReconnectTimer } from './learner';
import { resolveZabParams, zabDefaults, type ZabParams, type ZabParamsInput } from './params';
import { boot, initialPersisted, persist } from './persistence';
import { onSessionMessage } from './routing';
import type { ZabIO, ZabMessage, ZabPersisted, ZabState } from './types';
import { zabLeader, zabMetrics, zabView } from './view';

export type { Phase, ServerState, Txn, Vote, ZabMessage, ZabPersisted, ZabState } from './types';
export { zabRoleMachine, type ZabRoleEvent } from './roleMachine';
export { zabTemplates } from './narration';
export { zabCheckers } from './checkers';
export { zabDefaults, type ZabParams } from './params';
export { makeZxid, zxidHex } from './zxid';

/**
 * The `timeout` command ("its election timer fires now"): a LOOKING server's notification timeout
 * (or its finalizeWait) ends now; a follower or observer gives up on its leader now; a leader has
 * no such timer.
 */
function onTimeoutCommand(state: ZabState, io: ZabIO): void {
  if (state.state === 'looking') {
    if (state.finalizing) onFinalizeTimer(state, io);
    else onNotifyTimer(state, io);
  } else if (state.state === 'leading') {
    io.narrate('zab.timeout.leader', { node: io.id, epoch: state.currentEpoch });
  } else onLeaderTimer(state, io);
}

/**
 * ZooKeeper: Fast Leader Election (FastLeaderElection.java) and ZAB 1.0's discovery,
 * synchronization and broadcast (Leader / Learner / LearnerHandler), after the TLA+ spec
 * ZabWithFLE, as a sans-IO protocol for the deterministic kernel.
 */
export const zabProtocol: Protocol<ZabState, ZabMessage, ZabParams, ZabPersisted> = {
  name: 'zab',
  resolveParams(partial, base) {
    const p = resolveZabParams(partial as ZabParamsInput | undefined, base ?? zabDefaults);
    // The configuration (who observes) is read at start; a `set` event cannot reconfigure the ensemble.
    return base ? { ...p, observers: base.observers } : p;
  },
  configure: withObserversFromInit,
  initialPersisted,
  boot,
  onMessage(state, from, msg, io) {
    if (msg.type === 'NOTIFICATION') onNotification(state, from, msg, io);
    else onSessionMessage(state, from, msg, io);
  },
  onTimer(state, name, io) {
    switch (name) {
      case 'notify':
        onNotifyTimer(state, io);
        return;
      case 'finalize':
        onFinalizeTimer(state, io);
        return;
      case 'leader':
        onLeaderTimer(state, io);
        return;
      case 'reconnect':
        onReconnectTimer(state, io);
        return;
      case 'establish':
        onEstablishTimer(state, io);
        return;
      case 'tick':
        onTick(state, io);
        return;
    }
  },
  onCommand(state, command: NodeCommand, io) {
    if (command.type === 'timeout') onTimeoutCommand(state, io);
    else if (command.type === 'request') onClientRequest(state, command.value, io);
  },
  persist,
  view: zabView,
  leader: zabLeader,
  checkers: zabCheckers,
  metrics: zabMetrics,
};
