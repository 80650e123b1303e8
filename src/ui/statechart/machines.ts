import type { AnyStateMachine } from 'xstate';
import { memberMachine } from '../../sim/protocols/gossip/memberMachine';
import { raftRoleMachine } from '../../sim/protocols/raft/roleMachine';
import { zabRoleMachine } from '../../sim/protocols/zab/roleMachine';
import type { ProtocolId } from '../../sim/scenario/schema';
import { machineGraph, type ChartGraph } from './graph';

/** The role machine each protocol runs (the same definitions the simulation drives). */
const MACHINES: Record<ProtocolId, { machine: AnyStateMachine; title: string }> = {
  raft: { machine: raftRoleMachine, title: 'Raft role' },
  zab: { machine: zabRoleMachine, title: 'ZooKeeper server state' },
  gossip: { machine: memberMachine, title: 'SWIM member' },
};

const graphs = new Map<ProtocolId, ChartGraph>();

export function chartFor(protocol: ProtocolId): { graph: ChartGraph; title: string } {
  let graph = graphs.get(protocol);
  if (!graph) graphs.set(protocol, (graph = machineGraph(MACHINES[protocol].machine)));
  return { graph, title: MACHINES[protocol].title };
}
