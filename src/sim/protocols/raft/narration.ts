import type { TemplateTable } from '../../narration/templates';

/**
 * English narration for Raft, written for a student: every line says who did what and why,
 * citing the rule. Keys are what the nodes pass to io.narrate; node ids render as S<id>. Parameters
 * are data (a role, an entry's value or null for a no-op), worded by the templates: `$t(raft.role.…)`,
 * `{{value, entry}}` (render.ts). The Chinese twin is narration.zh.ts.
 */
export const raftTemplates: TemplateTable = {
  // Start and restart (Figure 2: term, vote and log are on disk).
  'raft.boot': 'S{{node}} starts as a follower in term {{term}} with a log of length {{entries}} on disk.',
  'raft.boot.voted':
    'S{{node}} starts as a follower in term {{term}} with a log of length {{entries}} on disk; it remembers voting for S{{votedFor}} in this term.',
  'raft.boot.votedSelf':
    'S{{node}} starts as a follower in term {{term}} with a log of length {{entries}} on disk; it remembers voting for itself in this term.',
  'raft.boot.forgetVote':
    'S{{node}} forgets that it voted for S{{votedFor}} in term {{term}} (unsafe: forgetVoteOnRestart), so it may vote again in the same term.',

  // Elections (§5.2).
  'raft.election.start':
    'S{{node}} times out without hearing from a leader and starts an election for term {{term}}: it votes for itself and asks {{peers}} for their votes.',
  'raft.election.timedOut':
    'S{{node}}’s election for term {{term}} ends without a winner: it has {{votes}} of the {{needed}} votes it needs (the votes split, or were refused). It tries again.',
  'raft.election.lost':
    'S{{node}} loses the election for term {{term}}: {{refusers}} refused ({{refused}} of {{nodes}}), so it can no longer reach the {{needed}} votes it needs, and it becomes a follower in term {{term}} at once (etcd’s VoteLost).',
  'raft.election.won':
    'S{{node}} wins the election for term {{term}} with votes from {{voters}} ({{votes}} of {{nodes}}; {{needed}} needed) and becomes leader.',
  'raft.vote.grant':
    'S{{node}} votes for S{{candidate}} in term {{term}}: S{{candidate}}’s log is at least as up to date (last term {{candLastTerm}} = {{lastTerm}}, index {{candLastIndex}} ≥ {{lastIndex}}).',
  'raft.vote.grant.newerTerm':
    'S{{node}} votes for S{{candidate}} in term {{term}}: S{{candidate}}’s log is more up to date (last term {{candLastTerm}} > {{lastTerm}}).',
  'raft.vote.grant.noLogCheck':
    'S{{node}} votes for S{{candidate}} in term {{term}} without comparing logs (unsafe: voteWithoutLogCheck; S{{candidate}} ends at term {{candLastTerm}}, index {{candLastIndex}}; S{{node}} at term {{lastTerm}}, index {{lastIndex}}).',
  'raft.vote.reject.staleTerm':
    'S{{node}} rejects S{{candidate}}’s vote request for term {{term}}: S{{node}} is already in the newer term {{currentTerm}}.',
  'raft.vote.ignore.staleTerm':
    'S{{node}} ignores S{{candidate}}’s vote request for term {{term}}: S{{node}} is already in the newer term {{currentTerm}}, and etcd does not answer requests of older terms.',
  'raft.vote.reject.knowsLeader':
    'S{{node}} rejects S{{candidate}}’s vote request in term {{term}}: it has not voted in this term, but it already follows leader S{{leader}} of it (etcd votes only when it knows no leader).',
  'raft.vote.reject.alreadyVoted':
    'S{{node}} rejects S{{candidate}}’s vote request in term {{term}}: it already voted for S{{votedFor}} in this term (one vote per term).',
  'raft.vote.reject.votedSelf':
    'S{{node}} rejects S{{candidate}}’s vote request in term {{term}}: S{{node}} is running in this term itself and already voted for itself (one vote per term).',
  'raft.vote.reject.logTerm':
    'S{{node}} rejects S{{candidate}}’s vote request in term {{term}}: S{{node}}’s last log term {{lastTerm}} is newer than S{{candidate}}’s {{candLastTerm}}.',
  'raft.vote.reject.logIndex':
    'S{{node}} rejects S{{candidate}}’s vote request in term {{term}}: both logs end in term {{lastTerm}}, but S{{node}}’s is longer ({{lastIndex}} > {{candLastIndex}} entries).',
  'raft.vote.ignore.isLeader':
    'S{{node}} ignores S{{candidate}}’s vote request for term {{term}}: S{{node}} leads term {{currentTerm}} itself, and with CheckQuorum a leader keeps its term while a majority answers it (thesis §4.2.3).',
  'raft.vote.ignore.lease':
    'S{{node}} ignores S{{candidate}}’s vote request for term {{term}}: it heard from leader S{{leader}} {{sinceMs}} ms ago, within the minimum election timeout of {{minMs}} ms, so it keeps its term (CheckQuorum lease, thesis §4.2.3).',
  'raft.vote.received': 'S{{node}} receives S{{from}}’s vote in term {{term}}: {{votes}} of the {{needed}} it needs.',
  'raft.vote.receivedStale':
    'S{{node}} counts S{{from}}’s vote from its earlier election in term {{grantedIn}} as a vote in term {{term}} (unsafe: countStaleVotes): {{votes}} of the {{needed}} it needs. S{{from}} may have voted for someone else in term {{term}}.',
  'raft.timeout.leader': 'S{{node}} is the leader of term {{term}}: a leader has no election timer, so nothing happens.',

  // PreVote (thesis §9.6).
  'raft.prevote.start':
    'S{{node}} times out and first asks {{peers}} whether they would vote for it in term {{term}}, without leaving term {{currentTerm}} yet (PreVote).',
  'raft.prevote.timedOut':
    'S{{node}}’s pre-vote for term {{term}} ends with {{votes}} of {{needed}} needed; it keeps its term and asks again.',
  'raft.prevote.lost':
    'S{{node}}’s pre-vote for term {{term}} fails: {{refusers}} refused ({{refused}} of {{nodes}}), fewer than {{needed}} can still agree, so it goes back to follower without raising its term (etcd’s VoteLost).',
  'raft.prevote.won':
    'S{{node}} would win term {{term}}: {{voters}} agreed ({{votes}} of {{nodes}}). Now it raises its term and asks for real votes.',
  'raft.prevote.grant':
    'S{{node}} would vote for S{{candidate}} in term {{term}} (PreVote): S{{candidate}}’s log is at least as up to date (last term {{candLastTerm}} = {{lastTerm}}, index {{candLastIndex}} ≥ {{lastIndex}}) and S{{node}} hears from no leader.',
  'raft.prevote.grant.newerTerm':
    'S{{node}} would vote for S{{candidate}} in term {{term}} (PreVote): S{{candidate}}’s log is more up to date (last term {{candLastTerm}} > {{lastTerm}}) and S{{node}} hears from no leader.',
  'raft.prevote.grant.noLogCheck':
    'S{{node}} would vote for S{{candidate}} in term {{term}} (PreVote) without comparing logs (unsafe: voteWithoutLogCheck).',
  'raft.prevote.grant.despiteLeader':
    'S{{node}} would vote for S{{candidate}} in term {{term}} (PreVote): S{{candidate}}’s log is at least as up to date (last term {{candLastTerm}}, index {{candLastIndex}}; S{{node}}’s {{lastTerm}}, {{lastIndex}}). Without CheckQuorum etcd grants it although S{{node}} knows leader S{{leader}}.',
  'raft.prevote.reject.staleTerm':
    'S{{node}} refuses S{{candidate}}’s pre-vote for term {{term}}: S{{node}} is already in term {{currentTerm}}.',
  'raft.prevote.reject.alreadyVoted':
    'S{{node}} refuses S{{candidate}}’s pre-vote for term {{term}}: it already voted for S{{votedFor}} in that term.',
  'raft.prevote.reject.logTerm':
    'S{{node}} refuses S{{candidate}}’s pre-vote for term {{term}}: S{{node}}’s last log term {{lastTerm}} is newer than S{{candidate}}’s {{candLastTerm}}.',
  'raft.prevote.reject.logIndex':
    'S{{node}} refuses S{{candidate}}’s pre-vote for term {{term}}: both logs end in term {{lastTerm}}, but S{{node}}’s is longer ({{lastIndex}} > {{candLastIndex}} entries).',
  'raft.prevote.reject.lease':
    'S{{node}} refuses S{{candidate}}’s pre-vote for term {{term}}: it heard from leader S{{leader}} {{sinceMs}} ms ago, within the minimum election timeout of {{minMs}} ms (thesis §9.6).',
  'raft.prevote.reject.isLeader': 'S{{node}} refuses S{{candidate}}’s pre-vote for term {{term}}: S{{node}} is the leader and is alive.',
  'raft.prevote.reject.knowsLeader':
    'S{{node}} refuses S{{candidate}}’s pre-vote for term {{term}}: that is S{{node}}’s own term, whose leader S{{leader}} it follows (etcd grants only when it knows no leader).',
  'raft.prevote.ignore.lease':
    'S{{node}} ignores S{{candidate}}’s pre-vote for term {{term}}: it heard from leader S{{leader}} {{sinceMs}} ms ago, within the election timeout of {{minMs}} ms (etcd’s CheckQuorum lease), so it does not answer.',
  'raft.prevote.ignore.isLeader':
    'S{{node}} ignores S{{candidate}}’s pre-vote for term {{term}}: S{{node}} leads term {{currentTerm}}, and with CheckQuorum etcd’s leader is its own lease, so it does not answer.',
  'raft.prevote.received': 'S{{node}} gets S{{from}}’s pre-vote for term {{term}}: {{votes}} of the {{needed}} it needs.',

  // Terms and stepping down (Figure 2, all servers).
  'raft.term.newer':
    'S{{node}} sees term {{term}} in S{{from}}’s {{msgType}}, newer than its own {{oldTerm}}: it moves to term {{term}}, where it has not voted yet.',
  'raft.term.stepDown':
    'S{{node}} ($t(raft.role.{{role}}) in term {{oldTerm}}) sees term {{term}} in S{{from}}’s {{msgType}}: a newer term, so it steps down to follower.',
  'raft.candidate.leaderSeen':
    'S{{node}} was a candidate in term {{term}}, but S{{leader}} already leads this term (it sent AppendEntries): S{{node}} falls back to follower (§5.2).',
  'raft.precandidate.leaderSeen':
    'S{{node}} was asking for pre-votes, but S{{leader}} leads term {{term}} (it sent AppendEntries): S{{node}} goes back to follower.',
  'raft.checkQuorum.stepDown':
    'S{{node}} heard from only {{active}} of {{nodes}} servers (itself included) during the last election timeout; {{needed}} make a majority, so it steps down as leader of term {{term}} (CheckQuorum, thesis §6.2).',
  'raft.leader.noop':
    'S{{node}} appends an empty entry (no-op) at index {{index}} in term {{term}}: once it commits, every earlier entry commits with it (§5.4.2).',

  // Replication (§5.3).
  'raft.append.reject.staleTerm':
    'S{{node}} rejects AppendEntries from S{{leader}}: its term {{term}} is older than S{{node}}’s {{currentTerm}} (S{{leader}} will learn the newer term from the reply).',
  'raft.append.ignore.staleTerm':
    'S{{node}} ignores AppendEntries from S{{leader}}: its term {{term}} is older than S{{node}}’s {{currentTerm}}, and with neither CheckQuorum nor PreVote etcd does not answer it.',
  'raft.append.reject.missing':
    'S{{node}} rejects AppendEntries from S{{leader}}: it has no entry at index {{prevLogIndex}} (its log ends at {{lastIndex}}); hint: retry from index {{conflictIndex}}.',
  'raft.append.reject.conflict':
    'S{{node}} rejects AppendEntries from S{{leader}}: its entry at index {{prevLogIndex}} has term {{myTerm}}, not {{prevLogTerm}}; hint: its entries of term {{myTerm}} start at index {{conflictIndex}}.',
  'raft.append.prevTermUnchecked':
    'S{{node}} accepts AppendEntries from S{{leader}} although its entry at index {{prevLogIndex}} has term {{myTerm}}, not {{prevLogTerm}} (unsafe: skipPrevLogTermCheck): the logs differ there, yet it appends what follows.',
  'raft.append.truncate':
    'S{{node}} deletes its entries from index {{from}} on ({{count}} in all): its entry {{from}} has term {{ourTerm}} but leader S{{leader}}’s has term {{theirTerm}}, and everything after a conflict goes too (§5.3).',
  'raft.append.truncateOne':
    'S{{node}} deletes its entry {{from}}: it has term {{ourTerm}} but leader S{{leader}}’s entry there has term {{theirTerm}} (§5.3).',
  'raft.append.truncateCommitted':
    'S{{node}} deletes its entries from index {{from}} on ({{count}} in all), committed ones included: its entry {{from}} has term {{ourTerm}} but leader S{{leader}}’s has term {{theirTerm}}. A committed entry is lost (only possible with an unsafe switch).',
  'raft.append.accept':
    'S{{node}} appends {{count}} entries from leader S{{leader}} at index {{first}}–{{last}}.',
  'raft.append.acceptOne':
    'S{{node}} appends 1 entry from leader S{{leader}} at index {{first}}: {{value, entry}} of term {{term}}.',
  'raft.append.twoLeaders':
    'S{{node}} is leader of term {{term}} and gets AppendEntries from S{{leader}}, another leader of the same term: two leaders in one term (only possible with an unsafe switch). It ignores it.',
  'raft.append.backoff.missing':
    'S{{node}} learns that S{{follower}} has no entry at index {{rejectedIndex}}: it will send again from index {{nextIndex}}, just past the end of S{{follower}}’s log.',
  'raft.append.backoff.skipTerm':
    'S{{node}} learns that S{{follower}}’s entry at index {{rejectedIndex}} has term {{conflictTerm}}: it will send again from index {{nextIndex}}, after its own last entry of term {{conflictTerm}}.',
  'raft.append.backoff.termStart':
    'S{{node}} learns that S{{follower}}’s entry at index {{rejectedIndex}} has term {{conflictTerm}}, a term S{{node}} has no entries of: it skips them all and sends again from index {{nextIndex}}.',

  // Commitment (§5.3, §5.4.2).
  'raft.commit.advance':
    'S{{node}} commits index {{index}} ({{value, entry}}, term {{term}}): {{replicas}} store it, at least {{needed}} of {{nodes}} servers. It applies it to its state machine.',
  'raft.commit.advanceWithEarlier':
    'S{{node}} commits index {{index}} ({{value, entry}}, term {{term}}): {{replicas}} store it, at least {{needed}} of {{nodes}} servers. The {{earlier}} entries before it from older terms are committed with it (§5.4.2).',
  'raft.commit.shortUnsafe':
    'S{{node}} commits index {{index}} ({{value, entry}}, term {{term}}) with copies on {{replicas}} only: one server short of the {{needed}} of {{nodes}} a majority needs (unsafe: commitWithoutMajority).',
  'raft.commit.heldBack':
    'S{{node}} does not commit index {{index}} yet although {{replicas}} store it: it is from term {{entryTerm}}, older than the current term {{term}}, and only entries of the current term are committed by counting replicas (§5.4.2, Figure 8).',
  'raft.commit.oldTermUnsafe':
    'S{{node}} commits index {{index}} from old term {{entryTerm}} just because {{replicas}} store it (unsafe: commitOldTermByCount, the Figure 8 mistake).',
  'raft.commit.learn':
    'S{{node}} learns from leader S{{leader}} that entries up to index {{index}} are committed ({{count}} new, last {{value, entry}}) and applies them.',
  'raft.commit.learnUnchecked':
    'S{{node}} takes leader S{{leader}}’s commitIndex up to its own last entry, index {{index}} ({{value, entry}}, {{count}} new), without knowing that those entries match the leader’s (unsafe: followerCommitBeyondLastNew), and applies them.',
  'raft.commit.learnOne': 'S{{node}} learns from leader S{{leader}} that index {{index}} ({{value, entry}}) is committed and applies it.',

  // Client requests.
  'raft.request.append':
    'S{{node}}, the leader of term {{term}}, appends the client’s “{{value}}” at index {{index}} and sends it to the followers.',
  'raft.request.appendForwarded':
    'S{{node}}, the leader of term {{term}}, appends “{{value}}” (forwarded by S{{from}}) at index {{index}} and sends it to the followers.',
  'raft.request.overwriteUnsafe':
    'S{{node}}, the leader of term {{term}}, writes the client’s “{{value}}” over its committed entry at index {{index}} ({{oldValue, entry}}, term {{oldTerm}}) instead of appending it (unsafe: overwriteCommitted).',
  'raft.request.forward': 'S{{node}} is a $t(raft.role.{{role}}), not the leader: it redirects the client’s “{{value}}” to the leader it knows, S{{leader}}.',
  'raft.request.reject':
    'S{{node}} ($t(raft.role.{{role}}), term {{term}}) knows no leader: it rejects the client’s “{{value}}”; the client must retry later.',
  'raft.request.dropForwarded':
    'S{{node}} is no longer the leader and knows none: it drops “{{value}}” forwarded by S{{from}}; S{{from}}’s client will time out and must retry.',
  'raft.request.dropForwardedHint':
    'S{{node}} is no longer the leader: it drops “{{value}}” forwarded by S{{from}}; hint for the client: S{{leader}} leads term {{term}}.',

  // Answers to clients (the server a client asked answers it).
  'raft.client.ack':
    'S{{node}} tells its client that “{{value}}” (request #{{client}}) is done: it is committed and S{{node}} has applied it, at index {{index}}, term {{term}}.',
  'raft.client.ackEarly':
    'S{{node}} tells its client that “{{value}}” (request #{{client}}) is done as soon as it is in S{{node}}’s log at index {{index}}, term {{term}}, before it is committed (unsafe: ackBeforeCommit). A new leader may never have it.',
  'raft.client.timeout':
    'S{{node}} tells its client that “{{value}}” (request #{{client}}) timed out: not applied within {{ms}} ms. It may still be written, or never; the client cannot tell.',
};

/** Words the templates nest with `$t(…)`: the roles of Figure 2 (and PreVote's precandidate). */
export const raftWords: TemplateTable = {
  'raft.role.follower': 'follower',
  'raft.role.precandidate': 'precandidate',
  'raft.role.candidate': 'candidate',
  'raft.role.leader': 'leader',
};
