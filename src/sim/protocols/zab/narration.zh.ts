import type { TemplateTable } from '../../narration/templates';

/**
 * 简体中文 narration for ZooKeeper (Fast Leader Election and ZAB): the same keys and placeholders
 * as narration.ts, for a student, in the words of GLOSSARY.md. ZooKeeper's own names stay in
 * Latin letters (LOOKING, FOLLOWING, LEADING, OBSERVING, ZXID, epoch, acceptedEpoch,
 * currentEpoch, FOLLOWERINFO, LEADERINFO, ACKEPOCH, DIFF, TRUNC, SNAP, NEWLEADER, UPTODATE,
 * PROPOSAL, ACK, COMMIT, INFORM, finalizeWait, initLimit, syncLimit).
 */
export const zabTemplatesZh: TemplateTable = {
  // 启动（事务日志和 epoch 文件在磁盘上，选举轮次不在）。
  'zab.boot':
    'S{{node}} 启动：磁盘上的事务日志有 {{entries}} 条（最后的 ZXID 为 {{zxid}}），currentEpoch 为 {{epoch}}，acceptedEpoch 为 {{acceptedEpoch}}。',
  'zab.boot.observer': 'S{{node}} 以 Observer（观察者，从不投票）身份启动，事务日志有 {{entries}} 条（最后的 ZXID 为 {{zxid}}）。',

  // Fast Leader Election（FastLeaderElection.lookForLeader）。
  'zab.election.start':
    'S{{node}} 进入 LOOKING（寻找 Leader）状态：它开始第 {{round}} 轮选举（逻辑时钟），先投自己一票（epoch {{epoch}}，ZXID {{zxid}}），并把选票发给 {{peers, nodes}}。',
  'zab.election.start.observer':
    'S{{node}} 是 Observer，处于 LOOKING 状态（第 {{round}} 轮）：它自己没有投票权，只向有投票权的 {{peers, nodes}} 打听选出了谁。',
  'zab.vote.switch.epoch': 'S{{node}} 改投 S{{leader}}：S{{leader}} 的 epoch {{epoch}} 比 {{oldEpoch}} 大。',
  'zab.vote.switch.epoch.other': 'S{{node}} 把选票从 S{{old}} 改投 S{{leader}}：S{{leader}} 的 epoch {{epoch}} 比 S{{old}} 的 {{oldEpoch}} 大。',
  'zab.vote.switch.zxid': 'S{{node}} 改投 S{{leader}}：epoch 相同，而 S{{leader}} 的 ZXID {{zxid}} 比 {{oldZxid}} 大。',
  'zab.vote.switch.zxid.other': 'S{{node}} 把选票从 S{{old}} 改投 S{{leader}}：epoch 相同，而 S{{leader}} 的 ZXID {{zxid}} 比 S{{old}} 的 {{oldZxid}} 大。',
  'zab.vote.switch.sid': 'S{{node}} 改投 S{{leader}}：epoch 和 ZXID 都相同（{{zxid}}），而 myid {{leader}} 比 {{old}} 大。',
  'zab.vote.switch.sid.other': 'S{{node}} 把选票从 S{{old}} 改投 S{{leader}}：epoch 和 ZXID 都相同（{{zxid}}），而 myid {{leader}} 比 {{old}} 大。',
  'zab.observer.candidate': 'S{{node}}（Observer）记下 S{{leader}}：这是目前各投票者提到的最佳人选（epoch {{epoch}}，ZXID {{zxid}}）。',
  'zab.observer.round': 'S{{node}}（Observer）从 S{{from}} 得知第 {{round}} 轮选举，记下 S{{leader}} 为目前的最佳人选。',
  'zab.vote.keep.epoch': 'S{{node}} 继续投 S{{leader}}：S{{from}} 投的是 S{{other}}，但 S{{other}} 的 epoch {{otherEpoch}} 比 {{epoch}} 小。',
  'zab.vote.keep.zxid': 'S{{node}} 继续投 S{{leader}}：S{{from}} 投的是 S{{other}}，epoch 相同，但 S{{other}} 的 ZXID {{otherZxid}} 比 {{zxid}} 小。',
  'zab.vote.keep.sid': 'S{{node}} 继续投 S{{leader}}：S{{from}} 投的是 S{{other}}，epoch 和 ZXID 都相同，但 myid {{other}} 比 {{leader}} 小。',
  'zab.round.newer.adopt':
    'S{{node}} 从 S{{from}} 那里得知第 {{round}} 轮选举，比自己的第 {{oldRound}} 轮新：它进入第 {{round}} 轮，清空已收到的选票，并改投 S{{leader}}，因为这张选票比自己的更优。',
  'zab.round.newer.own':
    'S{{node}} 从 S{{from}} 那里得知第 {{round}} 轮选举，比自己的第 {{oldRound}} 轮新：它进入第 {{round}} 轮，清空已收到的选票，仍然投自己（自己的选票更优）。',
  'zab.round.lower': 'S{{node}} 回复还停留在第 {{theirRound}} 轮的 S{{from}}：S{{node}} 已在第 {{round}} 轮，投的是 S{{leader}}。',
  'zab.quorum.reached':
    'S{{node}} 看到第 {{round}} 轮中已有过半服务器投给 S{{leader}}：{{voters, nodes}}（{{count}} 票，需要 {{needed}} 票）。它再等 {{waitMs}} ms（finalizeWait），看有没有更优的选票。',
  'zab.finalize.better': '等待期间，S{{node}} 收到 S{{from}} 的一张更优的选票（投给 S{{leader}}，优于 S{{current}}）：选举继续。',
  'zab.elected.lead': '{{waitMs}} ms 内没有更优的选票：S{{node}} 赢得第 {{round}} 轮选举，进入 LEADING 状态。',
  'zab.elected.follow': '{{waitMs}} ms 内没有更优的选票：S{{node}} 认定 S{{leader}} 为 Leader（第 {{round}} 轮），进入 FOLLOWING 状态。',
  'zab.elected.observe': '{{waitMs}} ms 内没有更优的选票：投票者们选出了 S{{leader}}（第 {{round}} 轮），S{{node}} 进入 OBSERVING 状态。',
  'zab.join.follow':
    'S{{node}} 得知选举早已结束：{{voters, nodes}} 都在追随或担任 Leader S{{leader}}（epoch {{epoch}}；{{count}} 台服务器，过半需要 {{needed}} 台），而且 S{{leader}} 自称 LEADING。S{{node}} 直接追随 S{{leader}}，不再自己发起选举。',
  'zab.join.lead': 'S{{node}} 得知 {{voters, nodes}} 已经把它当作 Leader（epoch {{epoch}}）：它进入 LEADING 状态。',
  'zab.join.observe':
    'S{{node}} 得知 {{voters, nodes}} 都在追随或担任 Leader S{{leader}}（epoch {{epoch}}），而且 S{{leader}} 自称 LEADING：S{{node}} 开始观察 S{{leader}}。',
  'zab.notify.reply': 'S{{node}} 处于 {{state}} 状态，它告诉正在 LOOKING 的 S{{from}}：S{{leader}} 是 Leader（epoch {{epoch}}，在第 {{round}} 轮选出）。',
  'zab.notify.timeout': 'S{{node}} 已经 {{waitedMs}} ms 没收到新的选票：它重新发出投给 S{{leader}} 的选票（第 {{round}} 轮），下次改等 {{nextMs}} ms。',
  'zab.notify.timeout.observer': 'S{{node}} 已经 {{waitedMs}} ms 没收到新消息：它再问一遍各投票者，下次改等 {{nextMs}} ms。',

  // 连接 Leader。
  'zab.learn.follow': 'S{{node}} 连接它的 Leader S{{leader}}，发送 FOLLOWERINFO，带上自己的 acceptedEpoch {{acceptedEpoch}}（发现阶段）。',
  'zab.learn.observe': 'S{{node}} 连接 Leader S{{leader}}，发送 OBSERVERINFO，带上自己的 acceptedEpoch {{acceptedEpoch}}。',
  'zab.connect.refused': 'S{{node}} 处于 {{state}} 状态，并不是 Leader，所以拒绝 S{{from}} 的连接。',
  'zab.learn.refused.retry': 'S{{leader}} 拒绝了 S{{node}} 的连接（它还没开始当 Leader）：S{{node}} 在 {{retryMs}} ms 后重试（已失败 {{tries}} 次）。',
  'zab.learn.refused': 'S{{leader}} 已经 {{tries}} 次拒绝 S{{node}} 的连接：S{{node}} 放弃它，回到 LOOKING 状态。',
  'zab.learn.closed': 'S{{node}} 与 Leader S{{leader}} 的连接断开了：S{{node}} 回到 LOOKING 状态。',

  // 发现阶段（ZAB 第 1 阶段）。
  'zab.lead.start': 'S{{node}} 进入 LEADING 状态，开始发现阶段：它等待 FOLLOWERINFO，直到连上 {{needed}} 台有投票权的服务器（包括自己），再选定新的 epoch。',
  'zab.lead.followerInfo': 'S{{node}} 收到 S{{from}} 的 FOLLOWERINFO（acceptedEpoch {{acceptedEpoch}}）：已连上 {{count}} 台投票者，需要 {{needed}} 台。',
  'zab.lead.observerInfo': 'S{{node}} 收到 S{{from}} 的 OBSERVERINFO（acceptedEpoch {{acceptedEpoch}}）；Observer 不计入法定人数（Quorum）。',
  'zab.lead.followerInfo.late': 'S{{node}} 收到 S{{from}} 的 FOLLOWERINFO，用 LEADERINFO 回复 epoch {{epoch}}，也就是它已经提出的 epoch。',
  'zab.lead.observerInfo.late': 'S{{node}} 收到 S{{from}} 的 OBSERVERINFO，用 LEADERINFO 回复 epoch {{epoch}}，也就是它已经提出的 epoch。',
  'zab.lead.newEpoch':
    '过半服务器已经连上（{{voters, nodes}}）：S{{node}} 提出 epoch {{epoch}}，比它们之中最大的 acceptedEpoch（{{max}}）大 1，把它写为自己的 acceptedEpoch，并发送 LEADERINFO。',
  'zab.learn.ackEpoch':
    'S{{node}} 接受 S{{leader}} 提出的 epoch {{epoch}}（写下 acceptedEpoch {{epoch}}，从此拒绝任何更小的 epoch），并回复 ACKEPOCH，带上自己的 currentEpoch {{currentEpoch}} 和最后的 ZXID {{zxid}}。',
  'zab.learn.ackEpoch.again':
    'S{{node}} 之前已经接受过 epoch {{epoch}}：它回复 ACKEPOCH，带上最后的 ZXID {{zxid}}，但一个 epoch 只确认一次，所以这次不算数。',
  'zab.learn.epochLower':
    'S{{node}} 拒绝 S{{leader}}：对方的 LEADERINFO 提出 epoch {{epoch}}，比 S{{node}} 已经接受的 epoch {{acceptedEpoch}} 小。S{{node}} 回到 LOOKING 状态。',
  'zab.lead.ackEpoch': 'S{{node}} 收到 S{{from}} 对 epoch {{epoch}} 的 ACKEPOCH：已有 {{count}} 台投票者，需要 {{needed}} 台。',
  'zab.lead.ackEpoch.observer': 'S{{node}} 收到 Observer S{{from}} 对 epoch {{epoch}} 的 ACKEPOCH（不计数）。',
  'zab.lead.ackEpoch.again': 'S{{node}} 收到 S{{from}} 的 ACKEPOCH，但 S{{from}} 之前已经接受过 epoch {{epoch}}：这次不计数。',
  'zab.lead.followerAhead':
    'S{{from}} 的数据比 S{{node}} 更新（currentEpoch {{theirEpoch}}、ZXID {{theirZxid}}，而 S{{node}} 是 {{epoch}}、{{zxid}}）：S{{node}} 当 Leader 可能会丢失已提交的事务，所以它不能当。它回到 LOOKING 状态。',
  'zab.lead.established':
    '{{voters, nodes}} 确认了 epoch {{epoch}}：S{{node}} 写下 currentEpoch {{epoch}}，成为 epoch {{epoch}} 正式确立的 Leader。同步阶段开始。',

  // 同步阶段（ZAB 第 2 阶段）。
  'zab.lead.sync.same': 'S{{node}} 同步 S{{to}}：双方都止于 ZXID {{zxid}}，所以发送一个空的 DIFF，然后发送 NEWLEADER。',
  'zab.lead.sync.diff': 'S{{node}} 用 DIFF 同步 S{{to}}：发送 S{{to}} 最后的 ZXID {{theirZxid}} 之后、直到 {{zxid}} 的 {{count}} 条事务，然后发送 NEWLEADER。',
  'zab.lead.sync.trunc':
    'S{{to}} 最后的 ZXID {{theirZxid}} 超出了 S{{node}} 的历史（止于 {{zxid}}）：S{{node}} 发送 TRUNC，让 S{{to}} 截断到 {{truncZxid}}，丢掉没有得到过半服务器保存的提案，然后发送 NEWLEADER。',
  'zab.lead.sync.truncDiff':
    'S{{to}} 止于 {{theirZxid}}，而它不在 S{{node}} 的历史中（是旧 epoch 里一条从未提交的提案）：S{{node}} 先发送 TRUNC 截断到 {{truncZxid}}，再发送其后的 {{count}} 条事务，然后发送 NEWLEADER。',
  'zab.lead.sync.snap':
    'S{{to}} 最后的 ZXID {{theirZxid}} 太旧，S{{node}} 为 DIFF 保留的事务已经不够用：S{{node}} 发送 SNAP，即它的完整状态（{{count}} 条事务，直到 {{zxid}}），然后发送 NEWLEADER。',
  'zab.sync.diff': 'S{{node}} 应用 S{{leader}} 发来的 DIFF：{{count}} 条事务；它的日志现在止于 {{after}}。',
  'zab.sync.diff.empty': 'S{{node}} 已经拥有 S{{leader}} 的全部数据（最后的 ZXID 为 {{before}}）：DIFF 是空的。',
  'zab.sync.trunc': 'S{{node}} 按 S{{leader}} 的要求把日志截断到 {{zxid}}：丢掉 {{removed}} 条从未提交的提案（{{removedZxids}}）。',
  'zab.sync.trunc.diff':
    'S{{node}} 按 S{{leader}} 的要求把日志截断到 {{zxid}}，丢掉 {{removed}} 条从未提交的提案（{{removedZxids}}），再追加 {{count}} 条事务：它的日志现在止于 {{after}}。',
  'zab.sync.snap': 'S{{node}} 用 S{{leader}} 的快照替换自己的日志：{{count}} 条事务，直到 {{after}}。',
  'zab.learn.newLeader':
    'S{{node}} 收到 S{{leader}} 的 NEWLEADER：它写下 currentEpoch {{epoch}}，并回复 ACK，确认自己的历史已经和 Leader 一致（直到 {{zxid}}）。',
  'zab.lead.ackNewLeader': 'S{{node}} 收到 S{{from}} 对 NEWLEADER 的 ACK：已有 {{count}} 台投票者拥有它的历史，需要 {{needed}} 台。',
  'zab.lead.broadcast':
    '过半服务器（{{voters, nodes}}）已经拥有 S{{node}} 的历史：S{{node}} 提交全部历史（{{committed}} 条事务，直到 {{zxid}}），发送 UPTODATE，在 epoch {{epoch}} 开始广播。',
  'zab.lead.broadcast.empty': '过半服务器（{{voters, nodes}}）确认了 NEWLEADER：S{{node}} 发送 UPTODATE，在 epoch {{epoch}} 开始广播（还没有任何事务）。',
  'zab.lead.uptodate.late': 'S{{to}} 确认 NEWLEADER 时，S{{node}} 已经在广播了：S{{node}} 立即给它发送 UPTODATE。',
  'zab.learn.uptodate':
    'S{{node}} 收到 UPTODATE：它已经与 S{{leader}} 同步（epoch {{epoch}}，已提交 {{committed}} 条事务），开始为客户端服务（广播阶段）。',
  'zab.learn.uptodate.observer': 'S{{node}} 收到 UPTODATE：它已经与 S{{leader}} 同步（epoch {{epoch}}，已提交 {{committed}} 条事务），开始旁观广播。',

  // 广播阶段（ZAB 第 3 阶段）。
  'zab.request.atLeader': '客户端把写请求 {{value, txn}} 发给了 Leader S{{node}}。',
  'zab.request.forward': '客户端把写请求 {{value, txn}} 发给了 S{{node}}；S{{node}} 把它转发给自己的 Leader S{{leader}}。',
  'zab.lead.request': 'S{{node}} 收到 S{{from}} 转发来的写请求 {{value, txn}}。',
  'zab.request.notReady': 'S{{node}} 是 Leader，但还处于$t(zab.phase.{{phase}})：暂时不能接受写请求 {{value, txn}}，客户端收到错误，需要重试。',
  'zab.request.noLeader': 'S{{node}} 处于 {{state}} 状态，还没有可追随的 Leader：写请求 {{value, txn}} 失败，客户端需要重试。',
  'zab.lead.propose':
    'S{{node}} 把 {{value, txn}} 作为 ZXID {{zxid}}（epoch {{epoch}}，计数器 {{counter}}）提出：先写入自己的日志，再向 {{followers, nodes}} 发送 PROPOSAL。',
  'zab.learn.logged': 'S{{node}} 把 S{{leader}} 的提案 {{zxid}}（{{value, txn}}）写入日志，并回复 ACK。',
  'zab.lead.commit':
    'S{{node}} 提交 {{zxid}}（{{value, txn}}）：{{ackers, nodes}} 已经写入日志，达到过半（{{voters}} 台投票者中的 {{count}} 台，需要 {{needed}} 台）。它发送 COMMIT。',
  'zab.learn.commit': 'S{{node}} 收到 S{{leader}} 的 COMMIT，提交 {{zxid}}（{{value, txn}}）。',
  'zab.learn.inform': 'S{{node}}（Observer）从 S{{leader}} 得知 {{zxid}}（{{value, txn}}）已提交（INFORM）。',

  // 故障：失去过半、Leader 失联、超时、旧 Leader。
  'zab.lead.quorumLost':
    'S{{node}} 在最近 {{ticks}} 个 tick（{{ms}} ms）里只收到 {{synced, nodes}} 的回应：只有 {{count}} 台投票者，而过半需要 {{needed}} 台。它不再担任 epoch {{epoch}} 的 Leader，回到 LOOKING 状态。',
  'zab.lead.learnerSilent': 'S{{node}} 已经 {{ticks}} 个 tick（{{ms}} ms）没收到 S{{from}} 的消息：它关闭这条连接；S{{from}} 必须重新连接。',
  'zab.lead.learnerGone': 'S{{from}} 关闭了与 S{{node}} 的连接：S{{node}} 把它移除。',
  'zab.lead.learnerReset': 'S{{from}} 已经不认识 S{{node}} 的这条连接（它回复了重置）：S{{node}} 把它移除。',
  'zab.lead.establishTimeout':
    'S{{node}} 等了 {{ticks}} 个 tick（{{ms}} ms，initLimit），想收到过半服务器的 $t(zab.waiting.{{waiting}})，却只等到 {{voters, nodes}}（需要 {{needed}} 台）：它放弃当 Leader，回到 LOOKING 状态。',
  'zab.learn.leaderSilent':
    'S{{node}} 已经 {{ticks}} 个 tick（{{ms}} ms，syncLimit）没收到 Leader S{{leader}} 的消息：它放弃 S{{leader}}，回到 LOOKING 状态。',
  'zab.learn.leaderSilent.init': 'S{{node}} 等了 {{ticks}} 个 tick（{{ms}} ms，initLimit），Leader S{{leader}} 还没有同步完它：它放弃等待，回到 LOOKING 状态。',
  'zab.fence.oldLeader':
    'S{{node}} 拒绝 S{{from}} 的 {{type}}：它来自 epoch {{epoch}}，而 S{{node}} 已经接受了 epoch {{acceptedEpoch}}。S{{from}} 是旧 Leader，已被隔离（fencing）。',
  'zab.timeout.leader': 'S{{node}} 是 epoch {{epoch}} 的 Leader：Leader 没有选举计时器，只要过半服务器回应它的 ping，它就继续担任 Leader。',
};

export const zabWordsZh: TemplateTable = {
  'zab.phase.election': '选举阶段',
  'zab.phase.discovery': '发现阶段（discovery）',
  'zab.phase.synchronization': '同步阶段（synchronization）',
  'zab.phase.broadcast': '广播阶段（broadcast）',
  'zab.waiting.followerInfo': 'FOLLOWERINFO',
  'zab.waiting.ackEpoch': 'ACKEPOCH',
  'zab.waiting.ackNewLeader': 'NEWLEADER 的 ACK',
};
