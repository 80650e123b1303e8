import { gossipFuzzTarget } from '../protocols/gossip/fuzzTarget';
import { raftFuzzTarget } from '../protocols/raft/fuzzTarget';
import { zabFuzzTarget } from '../protocols/zab/fuzzTarget';
import type { ProtocolId } from '../scenario/schema';
import type { FuzzTarget } from './target';

/** Fuzz targets by protocol; each protocol adds its own as it lands. */
const targets: Partial<Record<ProtocolId, FuzzTarget>> = {
  raft: raftFuzzTarget,
  gossip: gossipFuzzTarget,
  zab: zabFuzzTarget,
};

export function findFuzzTarget(id: ProtocolId): FuzzTarget | undefined {
  return targets[id];
}
