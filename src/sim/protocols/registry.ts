import type { AnyProtocol } from '../kernel/protocol';
import type { ProtocolId } from '../scenario/schema';
import { gossipProtocol } from './gossip';
import { raftProtocol } from './raft';
import { zabProtocol } from './zab';

/** Protocols by scenario `protocol` id; each lands here as it is implemented. */
const registry: Partial<Record<ProtocolId, AnyProtocol>> = {
  raft: raftProtocol,
  gossip: gossipProtocol,
  zab: zabProtocol,
};

export function findProtocol(id: ProtocolId): AnyProtocol | undefined {
  return registry[id];
}

export function registeredProtocols(): ProtocolId[] {
  return Object.keys(registry) as ProtocolId[];
}
