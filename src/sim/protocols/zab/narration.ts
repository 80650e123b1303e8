import type { TemplateTable } from '../../narration/templates';

/**
 * English narration for ZooKeeper (Fast Leader Election and ZAB), written for a student: each
 * line says who did what and why, with ZooKeeper's own names (LOOKING, FOLLOWING, LEADING,
 * OBSERVING, zxid, epoch, FOLLOWERINFO, LEADERINFO, ACKEPOCH, DIFF, TRUNC, SNAP, NEWLEADER,
 * UPTODATE, PROPOSAL, ACK, COMMIT). Keys are what the servers pass to io.narrate; ids render as S<id>.
 * Lists of servers are arrays of ids (`{{voters, nodes}}`), values as written (`{{value, txn}}`), and
 * enums are worded by `$t(zab.phase.…)` (render.ts). The Chinese twin is narration.zh.ts.
 */
export const zabTemplates: TemplateTable = {
  // Start (the transaction log and the epoch files are on disk; the round is not).
  'zab.boot':
    'S{{node}} starts with {{entries}} transaction(s) in its log (last zxid {{zxid}}), currentEpoch {{epoch}} and acceptedEpoch {{acceptedEpoch}} on disk.',
  'zab.boot.observer': 'S{{node}} starts as an observer (it never votes) with {{entries}} transaction(s) in its log (last zxid {{zxid}}).',

  // Fast Leader Election (FastLeaderElection.lookForLeader).
  'zab.election.start':
    'S{{node}} is LOOKING: it starts election round {{round}} by voting for itself (epoch {{epoch}}, zxid {{zxid}}) and sends its vote to {{peers, nodes}}.',
  'zab.election.start.observer':
    'S{{node}} is an observer and LOOKING (round {{round}}): it has no vote of its own and asks the voters {{peers, nodes}} whom they elect.',
  'zab.vote.switch.epoch': 'S{{node}} switches its vote to S{{leader}}: S{{leader}}’s epoch {{epoch}} is higher than {{oldEpoch}}.',
  'zab.vote.switch.epoch.other':
    'S{{node}} switches its vote from S{{old}} to S{{leader}}: S{{leader}}’s epoch {{epoch}} is higher than S{{old}}’s {{oldEpoch}}.',
  'zab.vote.switch.zxid': 'S{{node}} switches its vote to S{{leader}}: same epoch, S{{leader}}’s zxid {{zxid}} is higher than {{oldZxid}}.',
  'zab.vote.switch.zxid.other':
    'S{{node}} switches its vote from S{{old}} to S{{leader}}: same epoch, S{{leader}}’s zxid {{zxid}} is higher than S{{old}}’s {{oldZxid}}.',
  'zab.vote.switch.sid':
    'S{{node}} switches its vote to S{{leader}}: same epoch and zxid ({{zxid}}), and server id {{leader}} is higher than {{old}}.',
  'zab.vote.switch.sid.other':
    'S{{node}} switches its vote from S{{old}} to S{{leader}}: same epoch and zxid ({{zxid}}), and server id {{leader}} is higher than {{old}}.',
  'zab.observer.candidate': 'S{{node}} (observer) notes S{{leader}} as the best candidate the voters named so far (epoch {{epoch}}, zxid {{zxid}}).',
  'zab.observer.round': 'S{{node}} (observer) hears round {{round}} from S{{from}} and notes S{{leader}} as the best candidate so far.',
  'zab.vote.keep.epoch':
    'S{{node}} keeps its vote for S{{leader}}: S{{from}} votes for S{{other}}, but S{{other}}’s epoch {{otherEpoch}} is lower than {{epoch}}.',
  'zab.vote.keep.zxid':
    'S{{node}} keeps its vote for S{{leader}}: S{{from}} votes for S{{other}}, same epoch, but S{{other}}’s zxid {{otherZxid}} is lower than {{zxid}}.',
  'zab.vote.keep.sid':
    'S{{node}} keeps its vote for S{{leader}}: S{{from}} votes for S{{other}} with the same epoch and zxid, but server id {{other}} is lower than {{leader}}.',
  'zab.round.newer.adopt':
    'S{{node}} hears round {{round}} from S{{from}}, newer than its round {{oldRound}}: it moves to round {{round}}, forgets the votes it had received, and votes for S{{leader}}, whose vote ranks above its own.',
  'zab.round.newer.own':
    'S{{node}} hears round {{round}} from S{{from}}, newer than its round {{oldRound}}: it moves to round {{round}}, forgets the votes it had received, and votes for itself again (its own vote ranks higher).',
  'zab.round.lower': 'S{{node}} answers S{{from}}, still in round {{theirRound}}: S{{node}} is in round {{round}} and votes for S{{leader}}.',
  'zab.quorum.reached':
    'S{{node}} sees a quorum for S{{leader}} in round {{round}}: {{voters, nodes}} ({{count}} votes, {{needed}} needed). It waits {{waitMs}} ms (finalizeWait) in case a better vote arrives.',
  'zab.finalize.better': 'While waiting, S{{node}} gets a better vote from S{{from}} (for S{{leader}}, above S{{current}}): the election goes on.',
  'zab.elected.lead': 'No better vote came within {{waitMs}} ms: S{{node}} has won round {{round}} and becomes LEADING.',
  'zab.elected.follow': 'No better vote came within {{waitMs}} ms: S{{node}} accepts S{{leader}} as leader (round {{round}}) and becomes FOLLOWING.',
  'zab.elected.observe': 'No better vote came within {{waitMs}} ms: the voters elected S{{leader}} (round {{round}}); S{{node}} becomes OBSERVING.',
  'zab.join.follow':
    'S{{node}} learns that the election is already over: {{voters, nodes}} follow or lead S{{leader}} (epoch {{epoch}}; {{count}} servers, {{needed}} needed), and S{{leader}} says it is LEADING. S{{node}} follows S{{leader}} instead of starting its own election.',
  'zab.join.lead': 'S{{node}} learns that {{voters, nodes}} already consider it the leader (epoch {{epoch}}): it becomes LEADING.',
  'zab.join.observe':
    'S{{node}} learns that {{voters, nodes}} follow or lead S{{leader}} (epoch {{epoch}}), and S{{leader}} says it is LEADING: S{{node}} observes S{{leader}}.',
  'zab.notify.reply': 'S{{node}} is {{state}} and tells S{{from}}, who is LOOKING, that S{{leader}} leads (epoch {{epoch}}, elected in round {{round}}).',
  'zab.notify.timeout':
    'S{{node}} heard no new vote for {{waitedMs}} ms: it sends its vote for S{{leader}} (round {{round}}) again and will wait {{nextMs}} ms next time.',
  'zab.notify.timeout.observer': 'S{{node}} heard nothing new for {{waitedMs}} ms: it asks the voters again and will wait {{nextMs}} ms next time.',

  // Connecting to the leader.
  'zab.learn.follow': 'S{{node}} connects to its leader S{{leader}} and sends FOLLOWERINFO with its acceptedEpoch {{acceptedEpoch}} (discovery).',
  'zab.learn.observe': 'S{{node}} connects to the leader S{{leader}} and sends OBSERVERINFO with its acceptedEpoch {{acceptedEpoch}}.',
  'zab.connect.refused': 'S{{node}} is {{state}}, not leading, so it refuses S{{from}}’s connection.',
  'zab.learn.refused.retry':
    'S{{leader}} refused S{{node}}’s connection (it is not leading yet): S{{node}} tries again in {{retryMs}} ms (attempt {{tries}} failed).',
  'zab.learn.refused': 'S{{leader}} refused S{{node}}’s connection {{tries}} times: S{{node}} gives up on it and goes back to LOOKING.',
  'zab.learn.closed': 'S{{node}}’s connection to its leader S{{leader}} closed: S{{node}} goes back to LOOKING.',

  // Discovery (Zab phase 1).
  'zab.lead.start':
    'S{{node}} is LEADING and starts discovery: it waits for FOLLOWERINFO until {{needed}} voters (itself included) are connected, to pick a new epoch.',
  'zab.lead.followerInfo': 'S{{node}} gets FOLLOWERINFO from S{{from}} (acceptedEpoch {{acceptedEpoch}}): {{count}} of {{needed}} voters connected.',
  'zab.lead.observerInfo':
    'S{{node}} gets OBSERVERINFO from S{{from}} (acceptedEpoch {{acceptedEpoch}}); an observer does not count toward the quorum.',
  'zab.lead.followerInfo.late': 'S{{node}} gets FOLLOWERINFO from S{{from}} and answers with LEADERINFO for epoch {{epoch}}, the epoch it already proposed.',
  'zab.lead.observerInfo.late': 'S{{node}} gets OBSERVERINFO from S{{from}} and answers with LEADERINFO for epoch {{epoch}}, the epoch it already proposed.',
  'zab.lead.newEpoch':
    'A quorum is connected ({{voters, nodes}}): S{{node}} proposes epoch {{epoch}}, one more than the highest acceptedEpoch among them ({{max}}), writes it as its acceptedEpoch and sends LEADERINFO.',
  'zab.learn.ackEpoch':
    'S{{node}} accepts epoch {{epoch}} from S{{leader}} (it writes acceptedEpoch {{epoch}}, so it will refuse any lower epoch) and answers ACKEPOCH with its currentEpoch {{currentEpoch}} and last zxid {{zxid}}.',
  'zab.learn.ackEpoch.again':
    'S{{node}} had already accepted epoch {{epoch}}: it answers ACKEPOCH with its last zxid {{zxid}}, but an epoch is acknowledged only once, so this one does not count.',
  'zab.learn.epochLower':
    'S{{node}} refuses S{{leader}}: its LEADERINFO proposes epoch {{epoch}}, lower than the epoch {{acceptedEpoch}} S{{node}} already accepted. S{{node}} goes back to LOOKING.',
  'zab.lead.ackEpoch': 'S{{node}} gets ACKEPOCH for epoch {{epoch}} from S{{from}}: {{count}} of {{needed}} voters.',
  'zab.lead.ackEpoch.observer': 'S{{node}} gets ACKEPOCH for epoch {{epoch}} from the observer S{{from}} (not counted).',
  'zab.lead.ackEpoch.again': 'S{{node}} gets ACKEPOCH from S{{from}}, which had accepted epoch {{epoch}} before: it is not counted.',
  'zab.lead.followerAhead':
    'S{{from}} is more up to date than S{{node}} (currentEpoch {{theirEpoch}}, zxid {{theirZxid}} against {{epoch}}, {{zxid}}): S{{node}} could lose committed transactions, so it must not lead. It goes back to LOOKING.',
  'zab.lead.established':
    '{{voters, nodes}} acknowledged epoch {{epoch}}: S{{node}} writes currentEpoch {{epoch}} and is the established leader of epoch {{epoch}}. Synchronization begins.',

  // Synchronization (Zab phase 2).
  'zab.lead.sync.same': 'S{{node}} syncs S{{to}}: both end at zxid {{zxid}}, so it sends an empty DIFF, then NEWLEADER.',
  'zab.lead.sync.diff':
    'S{{node}} syncs S{{to}} with a DIFF: the {{count}} transaction(s) after S{{to}}’s last zxid {{theirZxid}}, up to {{zxid}}; then NEWLEADER.',
  'zab.lead.sync.trunc':
    'S{{to}}’s last zxid {{theirZxid}} is beyond S{{node}}’s history (which ends at {{zxid}}): S{{node}} sends TRUNC to {{truncZxid}}, so S{{to}} drops proposals no quorum has; then NEWLEADER.',
  'zab.lead.sync.truncDiff':
    'S{{to}} ends at {{theirZxid}}, which is not in S{{node}}’s history (a proposal of an old epoch that never committed): S{{node}} sends TRUNC to {{truncZxid}} and then the {{count}} transaction(s) after it; then NEWLEADER.',
  'zab.lead.sync.snap':
    'S{{to}}’s last zxid {{theirZxid}} is older than the transactions S{{node}} keeps for a DIFF: S{{node}} sends a SNAP, its whole state ({{count}} transaction(s), up to {{zxid}}); then NEWLEADER.',
  'zab.sync.diff': 'S{{node}} applies the DIFF from S{{leader}}: {{count}} transaction(s); its log now ends at {{after}}.',
  'zab.sync.diff.empty': 'S{{node}} already has everything S{{leader}} has (last zxid {{before}}): the DIFF is empty.',
  'zab.sync.trunc':
    'S{{node}} truncates its log to {{zxid}} as S{{leader}} says: it drops {{removed}} proposal(s) ({{removedZxids}}) that were never committed.',
  'zab.sync.trunc.diff':
    'S{{node}} truncates its log to {{zxid}} as S{{leader}} says, dropping {{removed}} proposal(s) that were never committed ({{removedZxids}}), then appends {{count}} transaction(s): its log now ends at {{after}}.',
  'zab.sync.snap': 'S{{node}} replaces its log with S{{leader}}’s snapshot: {{count}} transaction(s), up to {{after}}.',
  'zab.learn.newLeader':
    'S{{node}} gets NEWLEADER from S{{leader}}: it writes currentEpoch {{epoch}} and acknowledges (ACK) that its history now matches the leader’s, up to {{zxid}}.',
  'zab.lead.ackNewLeader': 'S{{node}} gets S{{from}}’s ACK of NEWLEADER: {{count}} of {{needed}} voters have its history.',
  'zab.lead.broadcast':
    'A quorum ({{voters, nodes}}) has S{{node}}’s history: S{{node}} commits all of it ({{committed}} transaction(s), up to {{zxid}}), sends UPTODATE and starts broadcasting in epoch {{epoch}}.',
  'zab.lead.broadcast.empty':
    'A quorum ({{voters, nodes}}) acknowledged NEWLEADER: S{{node}} sends UPTODATE and starts broadcasting in epoch {{epoch}} (no transactions yet).',
  'zab.lead.uptodate.late': 'S{{to}} acknowledged NEWLEADER while S{{node}} already broadcasts: S{{node}} sends it UPTODATE at once.',
  'zab.learn.uptodate':
    'S{{node}} gets UPTODATE: it is in sync with S{{leader}} (epoch {{epoch}}, {{committed}} transaction(s) committed) and starts serving clients (broadcast phase).',
  'zab.learn.uptodate.observer':
    'S{{node}} gets UPTODATE: it is in sync with S{{leader}} (epoch {{epoch}}, {{committed}} transaction(s) committed) and observes the broadcast.',

  // Broadcast (Zab phase 3).
  'zab.request.atLeader': 'A client sends the write {{value, txn}} to S{{node}}, the leader.',
  'zab.request.forward': 'A client sends the write {{value, txn}} to S{{node}}; S{{node}} forwards it to its leader S{{leader}}.',
  'zab.lead.request': 'S{{node}} gets the write {{value, txn}}, forwarded by S{{from}}.',
  'zab.request.notReady': 'S{{node}} leads but is still in $t(zab.phase.{{phase}}): it cannot take the write {{value, txn}} yet; the client gets an error and must retry.',
  'zab.request.noLeader': 'S{{node}} is {{state}} and serves no leader yet: the write {{value, txn}} fails; the client must retry.',
  'zab.lead.propose':
    'S{{node}} proposes {{value, txn}} as zxid {{zxid}} (epoch {{epoch}}, counter {{counter}}): it logs it and sends PROPOSAL to {{followers, nodes}}.',
  'zab.learn.logged': 'S{{node}} logs proposal {{zxid}} ({{value, txn}}) from S{{leader}} and ACKs it.',
  'zab.lead.commit': 'S{{node}} commits {{zxid}} ({{value, txn}}): {{ackers, nodes}} logged it, a quorum ({{count}} of {{voters}} voters, {{needed}} needed). It sends COMMIT.',
  'zab.learn.commit': 'S{{node}} commits {{zxid}} ({{value, txn}}) on S{{leader}}’s COMMIT.',
  'zab.learn.inform': 'S{{node}} (observer) learns from S{{leader}} that {{zxid}} ({{value, txn}}) is committed (INFORM).',

  // Failures: quorum lost, silent leaders, timeouts, old leaders.
  'zab.lead.quorumLost':
    'S{{node}} heard from only {{synced, nodes}} in the last {{ticks}} ticks ({{ms}} ms): {{count}} voter(s), but a quorum needs {{needed}}. It stops leading epoch {{epoch}} and goes back to LOOKING.',
  'zab.lead.learnerSilent':
    'S{{node}} heard nothing from S{{from}} for {{ticks}} ticks ({{ms}} ms): it closes the connection; S{{from}} will have to connect again.',
  'zab.lead.learnerGone': 'S{{from}} closed its connection to S{{node}}: S{{node}} drops it.',
  'zab.lead.learnerReset': 'S{{from}} no longer knows S{{node}}’s connection (it answered with a reset): S{{node}} drops it.',
  'zab.lead.establishTimeout':
    'S{{node}} waited {{ticks}} ticks ({{ms}} ms, initLimit) for $t(zab.waiting.{{waiting}}) from a quorum but has only {{voters, nodes}} ({{needed}} needed): it gives up leading and goes back to LOOKING.',
  'zab.learn.leaderSilent':
    'S{{node}} heard nothing from its leader S{{leader}} for {{ticks}} ticks ({{ms}} ms, syncLimit): it gives up on S{{leader}} and goes back to LOOKING.',
  'zab.learn.leaderSilent.init':
    'S{{node}} waited {{ticks}} ticks ({{ms}} ms, initLimit) for its leader S{{leader}} to finish syncing it: it gives up and goes back to LOOKING.',
  'zab.fence.oldLeader':
    'S{{node}} rejects S{{from}}’s {{type}}: it comes from epoch {{epoch}}, but S{{node}} has accepted epoch {{acceptedEpoch}}. S{{from}} is an old leader and is fenced off.',
  'zab.timeout.leader': 'S{{node}} leads epoch {{epoch}}: a leader has no election timer; it leads as long as a quorum answers its pings.',
};

/** Words the templates nest with `$t(…)`: a leader's phase, and the packets it waits for from a quorum. */
export const zabWords: TemplateTable = {
  'zab.phase.election': 'election',
  'zab.phase.discovery': 'discovery',
  'zab.phase.synchronization': 'synchronization',
  'zab.phase.broadcast': 'broadcast',
  'zab.waiting.followerInfo': 'FOLLOWERINFO',
  'zab.waiting.ackEpoch': 'ACKEPOCH',
  'zab.waiting.ackNewLeader': 'ACK of NEWLEADER',
};
