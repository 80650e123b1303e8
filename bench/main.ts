import { benchRumor10k, benchSwim1k } from './gossip';
import { benchKernelThroughput, benchSeek } from './kernel';
import { benchRaft, benchRaftFuzz } from './raft';
import { formatResult, type BenchResult } from './stats';

/**
 * `npm run bench [group]`: each benchmark prints its median over repeated runs (the machine
 * is shared and noisy, so medians, never single timings). Groups: kernel, seek, raft,
 * raft-fuzz, gossip-rumor, gossip-swim.
 */
const benches: [string, () => BenchResult][] = [
  ['kernel', benchKernelThroughput],
  ['seek', benchSeek],
  ['raft', benchRaft],
  ['raft-fuzz', () => benchRaftFuzz()],
  ['gossip-rumor', benchRumor10k],
  ['gossip-swim', benchSwim1k],
];

const only = process.argv[2];
for (const [name, bench] of benches) {
  if (only && name !== only && !(name.startsWith(only) && only.length >= 4)) continue;
  console.log(formatResult(bench()));
}
