import { z } from 'zod';
import { duration, whole } from '../../scenario/bounds';

/** An election timeout bound: 1 ms to 10 minutes. */
const timeoutMs = duration(1, 600_000);

export const raftParamsSchema = z
  .strictObject({
    profile: z
      .enum(['paper', 'etcd'])
      .describe(
        'whose rules: "paper" (Figure 2 and the thesis, 150–300 / 50 ms; the default) or "etcd" (etcd-io/raft: VoteLost, the lead == None vote rule, its PreVote grants, CheckQuorum every base timeout, 1,000–2,000 / 100 ms)',
      ),
    electionTimeout: z
      .tuple([timeoutMs, timeoutMs])
      .describe('[min, max] ms; each node draws its timeout uniformly from it (default [150, 300]; etcd profile [1000, 2000])'),
    heartbeatInterval: duration(1, 60_000).describe('ms between a leader’s AppendEntries heartbeats (default 50; etcd profile 100)'),
    clientTimeout: duration(1, 3_600_000).describe(
      'ms a server waits for a client’s write to be applied before telling the client it timed out (default 2000; etcd profile 7000, its request timeout)',
    ),
    randomizedTimeouts: z.boolean().describe('false: every node uses the minimum, to show the vote-tie livelock (default true)'),
    preVote: z.boolean().describe('thesis §9.6: ask for votes without raising the term first (default false)'),
    checkQuorum: z.boolean().describe('thesis §6.2: a leader steps down after an election timeout without hearing from a majority (default false)'),
    leaderNoop: z.boolean().describe('a new leader appends an empty entry of its term (default true)'),
    maxEntriesPerAppend: whole(1, 10_000, 'entries').describe('entries per AppendEntries (default 64)'),
    unsafe: z
      .strictObject({
        quorum: z.enum(['majority', 'half']).describe('"half": ≥ n/2 wins instead of > n/2'),
        commitOldTermByCount: z.boolean().describe('commit entries of earlier terms by counting replicas (the Figure 8 bug)'),
        voteWithoutLogCheck: z.boolean().describe('grant votes without the up-to-date log check'),
        forgetVoteOnRestart: z.boolean().describe('lose votedFor on restart'),
        skipPrevLogTermCheck: z.boolean().describe('a follower accepts AppendEntries when it has an entry at prevLogIndex, whatever its term'),
        commitWithoutMajority: z.boolean().describe('a leader commits what one server fewer than a majority stores'),
        countStaleVotes: z.boolean().describe('a candidate counts votes granted in its earlier terms'),
        followerCommitBeyondLastNew: z
          .boolean()
          .describe('a follower takes the leader’s commitIndex up to its own last entry, not the last one AppendEntries matched, even when the check fails'),
        overwriteCommitted: z.boolean().describe('a leader writes a client’s entry over its last committed entry instead of appending it'),
        ackBeforeCommit: z.boolean().describe('a server tells its client a write is done as soon as the entry is in its own log, before it is committed'),
      })
      .partial()
      .describe('switches that break safety on purpose, for teaching'),
  })
  .partial();

export type RaftParamsInput = z.infer<typeof raftParamsSchema>;

export type RaftProfile = 'paper' | 'etcd';

export interface RaftParams {
  profile: RaftProfile;
  electionTimeout: [number, number];
  heartbeatInterval: number;
  clientTimeout: number;
  randomizedTimeouts: boolean;
  preVote: boolean;
  checkQuorum: boolean;
  leaderNoop: boolean;
  maxEntriesPerAppend: number;
  unsafe: {
    quorum: 'majority' | 'half';
    commitOldTermByCount: boolean;
    voteWithoutLogCheck: boolean;
    forgetVoteOnRestart: boolean;
    skipPrevLogTermCheck: boolean;
    commitWithoutMajority: boolean;
    countStaleVotes: boolean;
    followerCommitBeyondLastNew: boolean;
    overwriteCommitted: boolean;
    ackBeforeCommit: boolean;
  };
}

/** The timings each profile defaults to: the paper's (§5.6, §9.3) and etcd's (its Config docs). */
const PROFILE_TIMINGS: Record<RaftProfile, Pick<RaftParams, 'electionTimeout' | 'heartbeatInterval' | 'clientTimeout'>> = {
  paper: { electionTimeout: [150, 300], heartbeatInterval: 50, clientTimeout: 2000 },
  // etcd server's request timeout: 5 s plus two election timeouts.
  etcd: { electionTimeout: [1000, 2000], heartbeatInterval: 100, clientTimeout: 7000 },
};

export const raftDefaults: RaftParams = {
  profile: 'paper',
  ...PROFILE_TIMINGS.paper,
  randomizedTimeouts: true,
  preVote: false,
  checkQuorum: false,
  leaderNoop: true,
  maxEntriesPerAppend: 64,
  unsafe: {
    quorum: 'majority',
    commitOldTermByCount: false,
    voteWithoutLogCheck: false,
    forgetVoteOnRestart: false,
    skipPrevLogTermCheck: false,
    commitWithoutMajority: false,
    countStaleVotes: false,
    followerCommitBeyondLastNew: false,
    overwriteCommitted: false,
    ackBeforeCommit: false,
  },
};

/**
 * Parameters over `base` (the defaults, or the current ones for a mid-run `set`). A profile other
 * than the base's brings its own timings, unless the same input gives them.
 */
export function resolveRaftParams(input: RaftParamsInput | undefined, base: RaftParams = raftDefaults): RaftParams {
  const p = input ?? {};
  const profile = p.profile ?? base.profile;
  const timings = profile === base.profile ? base : PROFILE_TIMINGS[profile];
  return {
    ...base,
    heartbeatInterval: timings.heartbeatInterval,
    clientTimeout: timings.clientTimeout,
    ...p,
    profile,
    electionTimeout: p.electionTimeout ? [p.electionTimeout[0], p.electionTimeout[1]] : [timings.electionTimeout[0], timings.electionTimeout[1]],
    unsafe: { ...base.unsafe, ...(p.unsafe ?? {}) },
  } as RaftParams;
}

/** etcd-io/raft's rules rather than the paper's (see the README's Raft profiles). */
export function followsEtcd(params: RaftParams): boolean {
  return params.profile === 'etcd';
}

const logEntry = z.union([
  z.number().int().nonnegative(),
  z.strictObject({ term: z.number().int().nonnegative(), value: z.string() }),
]);

export const raftInitSchema = z.strictObject({
  up: z.boolean().optional(),
  term: z.number().int().nonnegative().optional(),
  votedFor: z.number().int().positive().nullable().optional(),
  log: z.array(logEntry).optional().describe('terms, or {term, value} entries, from index 1'),
});
export type RaftInit = z.infer<typeof raftInitSchema>;
