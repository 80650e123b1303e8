import type { AnyStateMachine } from 'xstate';
import { memberMachine } from '../../sim/protocols/gossip/memberMachine';
import { raftRoleMachine } from '../../sim/protocols/raft/roleMachine';
import { zabRoleMachine } from '../../sim/protocols/zab/roleMachine';
import type { ProtocolId } from '../../sim/scenario/schema';
import { machineGraph, type ChartGraph } from './graph';

/** The role machine each protocol runs (the same definitions the simulation drives); their titles are in the UI resources (statechart.machines). */
const MACHINES: Record<ProtocolId, AnyStateMachine> = {
  raft: raftRoleMachine,
  zab: zabRoleMachine,
  gossip: memberMachine,
};

const graphs = new Map<ProtocolId, ChartGraph>();

export function chartFor(protocol: ProtocolId): { graph: ChartGraph } {
  let graph = graphs.get(protocol);
  if (!graph) graphs.set(protocol, (graph = machineGraph(MACHINES[protocol])));
  return { graph };
}
