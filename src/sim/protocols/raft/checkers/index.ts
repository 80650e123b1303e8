import { committedDurability } from './committedDurability';
import { electionSafety } from './electionSafety';
import { leaderAppendOnly } from './leaderAppendOnly';
import { leaderCompleteness } from './leaderCompleteness';
import { logMatching } from './logMatching';
import { stateMachineSafety } from './stateMachineSafety';

export { committedDurability, electionSafety, leaderAppendOnly, leaderCompleteness, logMatching, stateMachineSafety };

/** The five properties of Raft Figure 3 and the durability of committed entries, checked from outside the nodes after every event. */
export const raftCheckers = [electionSafety, leaderAppendOnly, logMatching, leaderCompleteness, stateMachineSafety, committedDurability] as const;
