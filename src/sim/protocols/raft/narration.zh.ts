import type { TemplateTable } from '../../narration/templates';

/**
 * 简体中文 narration for Raft: the same keys and placeholders as narration.ts, written for a
 * student in the words of GLOSSARY.md (任期, 投票, 过半, 心跳, 选举超时, 日志复制, 提交), with
 * protocol, message and role names in Latin letters (RequestVote, AppendEntries, PreVote,
 * CheckQuorum, Leader, Follower, Candidate). Lists of nodes go through `nodes` (S1、S2、S3).
 */
export const raftTemplatesZh: TemplateTable = {
  // 启动与重启（图 2：任期、投票和日志都在磁盘上）。
  'raft.boot': 'S{{node}} 以 Follower 身份启动，处于任期 {{term}}，磁盘上有 {{entries}} 条日志。',
  'raft.boot.voted': 'S{{node}} 以 Follower 身份启动，处于任期 {{term}}，磁盘上有 {{entries}} 条日志；它记得自己在这个任期已经投票给了 S{{votedFor}}。',
  'raft.boot.votedSelf': 'S{{node}} 以 Follower 身份启动，处于任期 {{term}}，磁盘上有 {{entries}} 条日志；它记得自己在这个任期已经投了自己一票。',
  'raft.boot.forgetVote':
    'S{{node}} 忘记了自己在任期 {{term}} 已经投票给 S{{votedFor}}（不安全开关：forgetVoteOnRestart），于是它可能在同一个任期里再投一次票。',

  // Leader 选举（§5.2）。
  'raft.election.start':
    'S{{node}} 选举超时，一直没有收到 Leader 的心跳，于是发起任期 {{term}} 的选举：先投自己一票，再向 {{peers, nodes}} 发出投票请求（RequestVote）。',
  'raft.election.timedOut':
    'S{{node}} 在任期 {{term}} 的选举没有结果：它只拿到 {{votes}} 票，而需要 {{needed}} 票（选票被瓜分了，或者被拒绝了）。它会再试一次。',
  'raft.election.lost':
    'S{{node}} 输掉了任期 {{term}} 的选举：{{refusers, nodes}} 拒绝了它（{{nodes}} 个节点中 {{refused}} 个），它已不可能凑够所需的 {{needed}} 票，于是立即在任期 {{term}} 退回 Follower（etcd 的 VoteLost）。',
  'raft.election.won':
    'S{{node}} 得到 {{voters, nodes}} 的选票（{{nodes}} 个节点中得 {{votes}} 票，过半需要 {{needed}} 票），赢得任期 {{term}} 的选举，成为 Leader。',
  'raft.vote.grant':
    'S{{node}} 在任期 {{term}} 投票给 S{{candidate}}：S{{candidate}} 的日志至少和自己的一样新（最后一条日志的任期 {{candLastTerm}} = {{lastTerm}}，索引 {{candLastIndex}} ≥ {{lastIndex}}）。',
  'raft.vote.grant.newerTerm':
    'S{{node}} 在任期 {{term}} 投票给 S{{candidate}}：S{{candidate}} 的日志更新（最后一条日志的任期 {{candLastTerm}} > {{lastTerm}}）。',
  'raft.vote.grant.noLogCheck':
    'S{{node}} 在任期 {{term}} 投票给 S{{candidate}}，却没有比较双方的日志（不安全开关：voteWithoutLogCheck；S{{candidate}} 的日志止于任期 {{candLastTerm}}、索引 {{candLastIndex}}，S{{node}} 的止于任期 {{lastTerm}}、索引 {{lastIndex}}）。',
  'raft.vote.reject.staleTerm': 'S{{node}} 拒绝 S{{candidate}} 在任期 {{term}} 的投票请求：S{{node}} 已经处于更新的任期 {{currentTerm}}。',
  'raft.vote.ignore.staleTerm':
    'S{{node}} 不理会 S{{candidate}} 在任期 {{term}} 的投票请求：S{{node}} 已经处于更新的任期 {{currentTerm}}，而 etcd 不回复旧任期的请求。',
  'raft.vote.reject.knowsLeader':
    'S{{node}} 拒绝 S{{candidate}} 在任期 {{term}} 的投票请求：它在这个任期还没有投票，但已经在追随这个任期的 Leader S{{leader}}（etcd 只在不知道 Leader 时才投票）。',
  'raft.vote.reject.alreadyVoted':
    'S{{node}} 拒绝 S{{candidate}} 在任期 {{term}} 的投票请求：这个任期它已经投给了 S{{votedFor}}（每个任期只能投一票）。',
  'raft.vote.reject.votedSelf':
    'S{{node}} 拒绝 S{{candidate}} 在任期 {{term}} 的投票请求：S{{node}} 自己也在这个任期参选，已经投了自己一票（每个任期只能投一票）。',
  'raft.vote.reject.logTerm':
    'S{{node}} 拒绝 S{{candidate}} 在任期 {{term}} 的投票请求：S{{node}} 最后一条日志的任期 {{lastTerm}} 比 S{{candidate}} 的 {{candLastTerm}} 更新。',
  'raft.vote.reject.logIndex':
    'S{{node}} 拒绝 S{{candidate}} 在任期 {{term}} 的投票请求：双方的日志都止于任期 {{lastTerm}}，但 S{{node}} 的更长（{{lastIndex}} > {{candLastIndex}} 条）。',
  'raft.vote.ignore.isLeader':
    'S{{node}} 不理会 S{{candidate}} 在任期 {{term}} 的投票请求：S{{node}} 自己就是任期 {{currentTerm}} 的 Leader；开启 CheckQuorum 时，只要多数派还在回应它，Leader 就保持当前任期（论文 §4.2.3）。',
  'raft.vote.ignore.lease':
    'S{{node}} 不理会 S{{candidate}} 在任期 {{term}} 的投票请求：它 {{sinceMs}} ms 前刚收到 Leader S{{leader}} 的消息，还在最小选举超时 {{minMs}} ms 之内，所以保持当前任期不变（CheckQuorum 租约，论文 §4.2.3）。',
  'raft.vote.received': 'S{{node}} 收到 S{{from}} 在任期 {{term}} 的投票：已有 {{votes}} 票，需要 {{needed}} 票。',
  'raft.vote.receivedStale':
    'S{{node}} 把 S{{from}} 在它上一次选举（任期 {{grantedIn}}）中投的票算作任期 {{term}} 的票（不安全开关：countStaleVotes）：已有 {{votes}} 票，需要 {{needed}} 票。而 S{{from}} 在任期 {{term}} 可能已经投给了别人。',
  'raft.timeout.leader': 'S{{node}} 是任期 {{term}} 的 Leader：Leader 没有选举计时器，所以什么也不会发生。',

  // PreVote 预投票（论文 §9.6）。
  'raft.prevote.start':
    'S{{node}} 选举超时，先问问 {{peers, nodes}}：如果它参选任期 {{term}}，大家会不会投票给它；此时它仍停留在任期 {{currentTerm}}（PreVote 预投票）。',
  'raft.prevote.timedOut': 'S{{node}} 为任期 {{term}} 发起的预投票只拿到 {{votes}} 票，需要 {{needed}} 票；它保持任期不变，稍后再问。',
  'raft.prevote.lost':
    'S{{node}} 为任期 {{term}} 发起的预投票失败：{{refusers, nodes}} 拒绝了它（{{nodes}} 个节点中 {{refused}} 个），剩下的已凑不够 {{needed}} 票，于是它不提升任期，直接退回 Follower（etcd 的 VoteLost）。',
  'raft.prevote.won':
    'S{{node}} 有望赢得任期 {{term}}：{{voters, nodes}} 都表示同意（{{nodes}} 个节点中得 {{votes}} 票）。现在它才提升任期，发起真正的投票。',
  'raft.prevote.grant':
    'S{{node}} 表示愿意在任期 {{term}} 投票给 S{{candidate}}（PreVote）：S{{candidate}} 的日志至少和自己的一样新（最后一条日志的任期 {{candLastTerm}} = {{lastTerm}}，索引 {{candLastIndex}} ≥ {{lastIndex}}），而且 S{{node}} 联系不上任何 Leader。',
  'raft.prevote.grant.newerTerm':
    'S{{node}} 表示愿意在任期 {{term}} 投票给 S{{candidate}}（PreVote）：S{{candidate}} 的日志更新（最后一条日志的任期 {{candLastTerm}} > {{lastTerm}}），而且 S{{node}} 联系不上任何 Leader。',
  'raft.prevote.grant.noLogCheck':
    'S{{node}} 表示愿意在任期 {{term}} 投票给 S{{candidate}}（PreVote），却没有比较双方的日志（不安全开关：voteWithoutLogCheck）。',
  'raft.prevote.grant.despiteLeader':
    'S{{node}} 表示愿意在任期 {{term}} 投票给 S{{candidate}}（PreVote）：S{{candidate}} 的日志至少和自己的一样新（最后一条日志的任期 {{candLastTerm}}、索引 {{candLastIndex}}；S{{node}} 的是 {{lastTerm}}、{{lastIndex}}）。没有开启 CheckQuorum 时，即使 S{{node}} 知道 Leader 是 S{{leader}}，etcd 也会同意。',
  'raft.prevote.reject.staleTerm': 'S{{node}} 拒绝 S{{candidate}} 为任期 {{term}} 发起的预投票：S{{node}} 已经处于任期 {{currentTerm}}。',
  'raft.prevote.reject.alreadyVoted': 'S{{node}} 拒绝 S{{candidate}} 为任期 {{term}} 发起的预投票：它在那个任期已经投给了 S{{votedFor}}。',
  'raft.prevote.reject.logTerm':
    'S{{node}} 拒绝 S{{candidate}} 为任期 {{term}} 发起的预投票：S{{node}} 最后一条日志的任期 {{lastTerm}} 比 S{{candidate}} 的 {{candLastTerm}} 更新。',
  'raft.prevote.reject.logIndex':
    'S{{node}} 拒绝 S{{candidate}} 为任期 {{term}} 发起的预投票：双方的日志都止于任期 {{lastTerm}}，但 S{{node}} 的更长（{{lastIndex}} > {{candLastIndex}} 条）。',
  'raft.prevote.reject.lease':
    'S{{node}} 拒绝 S{{candidate}} 为任期 {{term}} 发起的预投票：它 {{sinceMs}} ms 前刚收到 Leader S{{leader}} 的消息，还在最小选举超时 {{minMs}} ms 之内（论文 §9.6）。',
  'raft.prevote.reject.isLeader': 'S{{node}} 拒绝 S{{candidate}} 为任期 {{term}} 发起的预投票：S{{node}} 自己就是 Leader，而且运行正常。',
  'raft.prevote.reject.knowsLeader':
    'S{{node}} 拒绝 S{{candidate}} 为任期 {{term}} 发起的预投票：这正是 S{{node}} 当前的任期，而它正在追随这个任期的 Leader S{{leader}}（etcd 只在不知道 Leader 时才同意）。',
  'raft.prevote.ignore.lease':
    'S{{node}} 不理会 S{{candidate}} 为任期 {{term}} 发起的预投票：它 {{sinceMs}} ms 前刚收到 Leader S{{leader}} 的消息，还在 {{minMs}} ms 的选举超时之内（etcd 的 CheckQuorum 租约），所以不作回复。',
  'raft.prevote.ignore.isLeader':
    'S{{node}} 不理会 S{{candidate}} 为任期 {{term}} 发起的预投票：S{{node}} 是任期 {{currentTerm}} 的 Leader；开启 CheckQuorum 时，etcd 的 Leader 本身就持有租约，所以不作回复。',
  'raft.prevote.received': 'S{{node}} 收到 S{{from}} 对任期 {{term}} 的预投票：已有 {{votes}} 票，需要 {{needed}} 票。',

  // 任期与退位（图 2，所有节点）。
  'raft.term.newer':
    'S{{node}} 在 S{{from}} 发来的 {{msgType}} 中看到任期 {{term}}，比自己的任期 {{oldTerm}} 新：它进入任期 {{term}}，在这个任期里还没有投过票。',
  'raft.term.stepDown':
    'S{{node}} 原本是任期 {{oldTerm}} 的 $t(raft.role.{{role}})，它在 S{{from}} 发来的 {{msgType}} 中看到了更新的任期 {{term}}，于是退位为 Follower。',
  'raft.candidate.leaderSeen':
    'S{{node}} 原本是任期 {{term}} 的 Candidate，但 S{{leader}} 已经是这个任期的 Leader（它发来了 AppendEntries）：S{{node}} 退回 Follower（§5.2）。',
  'raft.precandidate.leaderSeen':
    'S{{node}} 原本在请求预投票，但 S{{leader}} 是任期 {{term}} 的 Leader（它发来了 AppendEntries）：S{{node}} 退回 Follower。',
  'raft.checkQuorum.stepDown':
    'S{{node}} 在上一个选举超时周期里只联系上 {{nodes}} 个节点中的 {{active}} 个（包括自己），而过半需要 {{needed}} 个，所以它主动辞去任期 {{term}} 的 Leader（CheckQuorum，论文 §6.2）。',
  'raft.leader.noop':
    'S{{node}} 在任期 {{term}} 的索引 {{index}} 处追加一条空日志（no-op）：它一旦提交，之前的所有日志也随之提交（§5.4.2）。',

  // 日志复制（§5.3）。
  'raft.append.reject.staleTerm':
    'S{{node}} 拒绝 S{{leader}} 的 AppendEntries：对方的任期 {{term}} 比 S{{node}} 的任期 {{currentTerm}} 旧（S{{leader}} 会从回复中得知更新的任期）。',
  'raft.append.ignore.staleTerm':
    'S{{node}} 不理会 S{{leader}} 的 AppendEntries：对方的任期 {{term}} 比 S{{node}} 的任期 {{currentTerm}} 旧；CheckQuorum 和 PreVote 都没有开启时，etcd 不回复它。',
  'raft.append.reject.missing':
    'S{{node}} 拒绝 S{{leader}} 的 AppendEntries：它在索引 {{prevLogIndex}} 处没有日志（它的日志只到 {{lastIndex}}）；提示对方从索引 {{conflictIndex}} 开始重发。',
  'raft.append.reject.conflict':
    'S{{node}} 拒绝 S{{leader}} 的 AppendEntries：它在索引 {{prevLogIndex}} 处的日志任期是 {{myTerm}}，而不是 {{prevLogTerm}}；提示对方：它任期 {{myTerm}} 的日志从索引 {{conflictIndex}} 开始。',
  'raft.append.prevTermUnchecked':
    'S{{node}} 接受了 S{{leader}} 的 AppendEntries，尽管它在索引 {{prevLogIndex}} 处的日志任期是 {{myTerm}} 而不是 {{prevLogTerm}}（不安全开关：skipPrevLogTermCheck）：两边的日志在这里已经不同，它却照样追加后面的条目。',
  'raft.append.truncate':
    'S{{node}} 删除从索引 {{from}} 开始的日志（共 {{count}} 条）：它在索引 {{from}} 处的日志任期是 {{ourTerm}}，而 Leader S{{leader}} 的是 {{theirTerm}}；冲突处之后的日志要全部删掉（§5.3）。',
  'raft.append.truncateOne': 'S{{node}} 删除索引 {{from}} 处的日志：它的任期是 {{ourTerm}}，而 Leader S{{leader}} 在这个位置的日志任期是 {{theirTerm}}（§5.3）。',
  'raft.append.truncateCommitted':
    'S{{node}} 删除从索引 {{from}} 开始的日志（共 {{count}} 条），连已提交的也删了：它在索引 {{from}} 处的日志任期是 {{ourTerm}}，而 Leader S{{leader}} 的是 {{theirTerm}}。已提交的日志丢失了（只有打开不安全开关才会发生）。',
  'raft.append.accept': 'S{{node}} 追加 Leader S{{leader}} 发来的 {{count}} 条日志，索引 {{first}}–{{last}}。',
  'raft.append.acceptOne': 'S{{node}} 追加 Leader S{{leader}} 发来的 1 条日志，索引 {{first}}：任期 {{term}} 的 {{value, entry}}。',
  'raft.append.twoLeaders':
    'S{{node}} 是任期 {{term}} 的 Leader，却收到了同一任期另一个 Leader S{{leader}} 的 AppendEntries：一个任期出现了两个 Leader（只有打开不安全开关才会发生）。它忽略这条消息。',
  'raft.append.backoff.missing':
    'S{{node}} 得知 S{{follower}} 在索引 {{rejectedIndex}} 处没有日志：下次从索引 {{nextIndex}} 开始发送，正好接在 S{{follower}} 日志的末尾。',
  'raft.append.backoff.skipTerm':
    'S{{node}} 得知 S{{follower}} 在索引 {{rejectedIndex}} 处的日志任期是 {{conflictTerm}}：下次从索引 {{nextIndex}} 开始发送，也就是它自己任期 {{conflictTerm}} 的最后一条日志之后。',
  'raft.append.backoff.termStart':
    'S{{node}} 得知 S{{follower}} 在索引 {{rejectedIndex}} 处的日志任期是 {{conflictTerm}}，而 S{{node}} 没有这个任期的日志：它把这一段整个跳过，从索引 {{nextIndex}} 开始重发。',

  // 提交（§5.3、§5.4.2）。
  'raft.commit.advance':
    'S{{node}} 提交索引 {{index}}（{{value, entry}}，任期 {{term}}）：{{replicas, nodes}} 已经保存了它，达到 {{nodes}} 个节点中至少 {{needed}} 个的过半要求。它把这条日志应用到状态机。',
  'raft.commit.advanceWithEarlier':
    'S{{node}} 提交索引 {{index}}（{{value, entry}}，任期 {{term}}）：{{replicas, nodes}} 已经保存了它，达到 {{nodes}} 个节点中至少 {{needed}} 个的过半要求。它之前 {{earlier}} 条旧任期的日志也随之提交（§5.4.2）。',
  'raft.commit.heldBack':
    'S{{node}} 暂不提交索引 {{index}}，尽管 {{replicas, nodes}} 已经保存了它：这条日志来自任期 {{entryTerm}}，比当前任期 {{term}} 旧，而只有当前任期的日志才能靠副本计数提交（§5.4.2，图 8）。',
  'raft.commit.oldTermUnsafe':
    'S{{node}} 仅仅因为 {{replicas, nodes}} 保存了索引 {{index}} 就提交了这条旧任期 {{entryTerm}} 的日志（不安全开关：commitOldTermByCount，正是图 8 的错误）。',
  'raft.commit.shortUnsafe':
    'S{{node}} 提交了索引 {{index}}（{{value, entry}}，任期 {{term}}），尽管只有 {{replicas}} 保存了它，比 {{nodes}} 个节点的过半数 {{needed}} 少一个（不安全开关：commitWithoutMajority）。',
  'raft.commit.learn':
    'S{{node}} 从 Leader S{{leader}} 得知索引 {{index}} 及之前的日志都已提交（新提交 {{count}} 条，最后一条是 {{value, entry}}），并把它们应用到状态机。',
  'raft.commit.learnUnchecked':
    'S{{node}} 把 Leader S{{leader}} 的 commitIndex 一直用到自己的最后一条日志，索引 {{index}}（{{value, entry}}，新提交 {{count}} 条），却不知道这些条目是否与 Leader 的一致（不安全开关：followerCommitBeyondLastNew），并把它们应用到状态机。',
  'raft.commit.learnOne': 'S{{node}} 从 Leader S{{leader}} 得知索引 {{index}}（{{value, entry}}）已提交，并把它应用到状态机。',

  // 客户端请求。
  'raft.request.append': 'S{{node}} 作为任期 {{term}} 的 Leader，把客户端的“{{value}}”追加到索引 {{index}}，并发给各个 Follower。',
  'raft.request.appendForwarded':
    'S{{node}} 作为任期 {{term}} 的 Leader，把 S{{from}} 转发来的“{{value}}”追加到索引 {{index}}，并发给各个 Follower。',
  'raft.request.forward': 'S{{node}} 是 $t(raft.role.{{role}})，不是 Leader：它把客户端的“{{value}}”转发给它所知道的 Leader S{{leader}}。',
  'raft.request.overwriteUnsafe':
    'S{{node}} 作为任期 {{term}} 的 Leader，把客户端的“{{value}}”写在了自己索引 {{index}} 处已提交的条目（{{oldValue, entry}}，任期 {{oldTerm}}）上，而不是追加到末尾（不安全开关：overwriteCommitted）。',
  'raft.request.reject':
    'S{{node}} 目前是任期 {{term}} 的 $t(raft.role.{{role}})，不知道谁是 Leader：它拒绝客户端的“{{value}}”，客户端需要稍后重试。',
  'raft.request.dropForwarded':
    'S{{node}} 已经不是 Leader，也不知道新的 Leader 是谁：它丢弃 S{{from}} 转发来的“{{value}}”；S{{from}} 的客户端会等到超时，需要重试。',
  'raft.request.dropForwardedHint':
    'S{{node}} 已经不是 Leader：它丢弃 S{{from}} 转发来的“{{value}}”；给客户端的提示：S{{leader}} 是任期 {{term}} 的 Leader。',

  // 回复客户端（客户端请求的是哪个节点，就由哪个节点回复它）。
  'raft.client.ack':
    'S{{node}} 告诉它的客户端：“{{value}}”（请求 #{{client}}）已经完成——它已提交，S{{node}} 也已把它应用到状态机，位于索引 {{index}}、任期 {{term}}。',
  'raft.client.ackEarly':
    'S{{node}} 一把“{{value}}”（请求 #{{client}}）写进自己的日志（索引 {{index}}、任期 {{term}}），还没提交，就告诉客户端已经完成（不安全开关：ackBeforeCommit）。新的 Leader 可能根本没有这条日志。',
  'raft.client.timeout':
    'S{{node}} 告诉它的客户端：“{{value}}”（请求 #{{client}}）超时了——{{ms}} ms 内没有被应用。它之后可能写入，也可能永远不会；客户端无从得知。',
};

export const raftWordsZh: TemplateTable = {
  'raft.role.follower': 'Follower（跟随者）',
  'raft.role.precandidate': 'PreCandidate（预投票中的候选人）',
  'raft.role.candidate': 'Candidate（候选人）',
  'raft.role.leader': 'Leader（领导者）',
};
