import type { Message, Protocol } from '../protocol';

/**
 * A scriptable protocol for kernel tests: a `request` command "send:3" sends a probe to S3,
 * "timer:name:ms" sets a timer; each node logs what it received (volatile) and counts deliveries
 * (persistent), so tests can see exactly what the kernel delivered, dropped, delayed or lost.
 */
export interface ProbeMessage extends Message {
  type: 'probe';
  tag: string;
}

export interface ProbeState {
  log: string[];
  deliveries: number;
  boots: number;
}

export const probeProtocol: Protocol<ProbeState, ProbeMessage, Record<string, never>, { deliveries: number; boots: number }> = {
  name: 'probe',
  resolveParams: () => ({}),
  initialPersisted: () => ({ deliveries: 0, boots: 0 }),
  boot: (p) => ({ log: [], deliveries: p.deliveries, boots: p.boots + 1 }),
  onMessage(state, from, msg, io) {
    state.deliveries++;
    state.log.push(`${io.now}:recv ${msg.tag} from S${from}`);
  },
  onTimer(state, name, io) {
    state.log.push(`${io.now}:timer ${name}`);
  },
  onCommand(state, command, io) {
    if (command.type !== 'request') {
      state.log.push(`${io.now}:${command.type}`);
      return;
    }
    const [verb, a, b] = command.value.split(':');
    if (verb === 'send') io.send(Number(a), { type: 'probe', tag: b ?? `p${io.now}` });
    else if (verb === 'timer') io.setTimer(a, Number(b));
    else if (verb === 'cancel') io.cancelTimer(a);
    state.log.push(`${io.now}:request ${command.value}`);
  },
  persist: (s) => ({ deliveries: s.deliveries, boots: s.boots }),
  view: (s, p) => ({ log: s?.log ?? [], deliveries: s?.deliveries ?? p?.deliveries ?? 0, boots: s?.boots ?? p?.boots ?? 0 }),
};
