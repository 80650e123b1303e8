import type { TemplateTable } from '../../narration/templates';

/**
 * 简体中文 narration for gossip and SWIM: the same keys and placeholders as narration.ts, in the
 * words of GLOSSARY.md (谣言传播, 扇出, 成员列表, 种子节点, 疑似故障（suspect）, 已下线（dead）,
 * 存活（alive）); SWIM's own terms (ping, ack, ping-req, incarnation, push-pull) stay in Latin letters.
 */
export const gossipTemplatesZh: TemplateTable = {
  'gossip.rumorStart': 'S{{node}} 发起一条谣言；它以$t(gossip.spread.{{spread}})的方式传播，每 {{intervalMs}} ms 发给 {{fanout}} 个节点（扇出 fanout）。',
  'gossip.rumorKnown': 'S{{node}} 已经知道这条谣言了。',
  'gossip.informed': 'S{{node}} 从 S{{from}} 那里听到了这条谣言，距谣言发起已过 {{afterMs}} ms。',
  'gossip.noMembership': 'S{{node}} 忽略$t(kernel.command.{{command}})：谣言模式没有成员管理。',
  'gossip.indirectProbe': 'S{{node}} 在 {{timeoutMs}} ms 内没有收到 S{{target}} 的 ack，于是请 {{helpers, nodes}} 代为 ping 它（ping-req）。',
  'gossip.indirectProbe.alone': 'S{{node}} 在 {{timeoutMs}} ms 内没有收到 S{{target}} 的 ack，却找不到其他存活的成员代为 ping 它（ping-req）。',
  'gossip.probeFailed':
    'S{{node}} 在这个协议周期内，直接和间接都没有收到 S{{target}} 的 ack：它把 S{{target}} 标为疑似故障（suspect，incarnation {{incarnation}}）。',
  'gossip.suspect': 'S{{node}} 从 S{{from}} 那里得知消息，现在把 {{members, nodes}} 标为疑似故障（suspect）。',
  'gossip.confirm':
    'S{{node}}：S{{from}} 也怀疑 S{{member}}（已有 {{confirmations}} 个确认，共需 {{expected}} 个）；怀疑超时缩短到 {{timeoutMs}} ms。',
  'gossip.confirmOwn':
    'S{{node}} 自己也没收到 S{{member}} 的 ack：它自己的探测算作一个确认（已有 {{confirmations}} 个，共需 {{expected}} 个）；怀疑超时缩短到 {{timeoutMs}} ms。',
  'gossip.dead': 'S{{node}} 宣布 S{{member}} 已下线（dead）：它被怀疑了 {{afterMs}} ms，一直没有反驳。',
  'gossip.deadHeard': 'S{{node}} 从 S{{from}} 那里得知消息，现在把 {{members, nodes}} 视为已下线（dead）。',
  'gossip.alive': 'S{{node}} 从 S{{from}} 那里得知 {{members, nodes}} 的 incarnation 更高了，于是重新视其为存活（alive）。',
  'gossip.leftHeard': 'S{{node}} 从 S{{from}} 那里得知 {{members, nodes}} 已离开集群。',
  'gossip.refute':
    'S{{node}} 听说自己在 incarnation {{accused}} 时被标为$t(gossip.status.{{status}})，它立即反驳：以 incarnation {{incarnation}} 宣布自己存活（alive）。',
  'gossip.overtake':
    'S{{node}} 听到一条关于自己存活、incarnation 为 {{accused}} 的旧消息，来自它重启之前：它把自己的 incarnation 提升到 {{incarnation}}。',
  'gossip.acceptOwnFate': 'S{{node}} 接受自己被标为$t(gossip.status.{{status}})，不作反驳（unsafe.noRefute）。',
  'gossip.join': 'S{{node}} 请求通过 S{{seed}} 加入集群（双方用 push-pull 交换成员列表）。',
  'gossip.joined': 'S{{node}} 通过 S{{seed}} 加入了集群：它现在知道 {{members}} 个存活成员。',
  'gossip.merged':
    'S{{node}} 合并 S{{from}} 的成员列表（有 {{changed}} 项变化，其中 {{suspected}} 项转为疑似故障；对方眼中的“已下线”在这里只算一次怀疑）。',
  'gossip.alreadyMember': 'S{{node}} 已经是集群成员；它与 S{{seed}} 同步成员列表。',
  'gossip.leave': 'S{{node}} 离开集群：它以 incarnation {{incarnation}} 宣布“已离开”（left），并停止探测。',
  'gossip.alreadyLeft': 'S{{node}} 已经离开集群了。',
  'gossip.reconnect': 'S{{node}} 尝试联系它认为已下线的 S{{member}}（Serf 的重连机制）。',
};

export const gossipWordsZh: TemplateTable = {
  'gossip.spread.push': '推送（push）',
  'gossip.spread.pull': '拉取（pull）',
  'gossip.spread.pushpull': '推拉结合（push-pull）',
  'gossip.spread.piggyback': '搭载在探测和 gossip 消息上（piggyback）',
  'gossip.status.unknown': '未知（unknown）',
  'gossip.status.alive': '存活（alive）',
  'gossip.status.suspect': '疑似故障（suspect）',
  'gossip.status.dead': '已下线（dead）',
  'gossip.status.left': '已离开（left）',
};
