import { acknowledgedWrites } from './acknowledgedWrites';
import { committedDurability } from './committedDurability';
import { electionSafety } from './electionSafety';
import { leaderAppendOnly } from './leaderAppendOnly';
import { leaderCompleteness } from './leaderCompleteness';
import { logMatching } from './logMatching';
import { stateMachineSafety } from './stateMachineSafety';

export { acknowledgedWrites, committedDurability, electionSafety, leaderAppendOnly, leaderCompleteness, logMatching, stateMachineSafety };

/**
 * The five properties of Raft Figure 3, the durability of committed entries and the client's
 * view of it (acknowledged writes survive), checked from outside the nodes after every event.
 */
export const raftCheckers = [electionSafety, leaderAppendOnly, logMatching, leaderCompleteness, stateMachineSafety, committedDurability, acknowledgedWrites] as const;
