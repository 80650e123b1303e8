import { electionSafety } from './electionSafety';
import { leaderAppendOnly } from './leaderAppendOnly';
import { leaderCompleteness } from './leaderCompleteness';
import { logMatching } from './logMatching';
import { stateMachineSafety } from './stateMachineSafety';

export { electionSafety, leaderAppendOnly, leaderCompleteness, logMatching, stateMachineSafety };

/** The five properties of Raft Figure 3, checked from outside the nodes after every event. */
export const raftCheckers = [electionSafety, leaderAppendOnly, logMatching, leaderCompleteness, stateMachineSafety] as const;
