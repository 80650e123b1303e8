import evenTieFixed from '../../../../examples/raft-even-tie-fixed.json';
import evenTieRandomized from '../../../../examples/raft-even-tie-randomized.json';
import figure8Safe from '../../../../examples/raft-figure8-safe.json';
import figure8Unsafe from '../../../../examples/raft-figure8-unsafe.json';
import leaderCrash from '../../../../examples/raft-leader-crash.json';
import commitBeyondLastNew from '../../../../examples/raft-unsafe-commit-beyond-last-new.json';
import ackBeforeCommit from '../../../../examples/raft-unsafe-ack-before-commit.json';
import commitShort from '../../../../examples/raft-unsafe-commit-short.json';
import overwriteCommitted from '../../../../examples/raft-unsafe-overwrite-committed.json';
import skipPrevLogTerm from '../../../../examples/raft-unsafe-skip-prev-log-term.json';
import staleVotes from '../../../../examples/raft-unsafe-stale-votes.json';
import prevoteRejoin from '../../../../examples/raft-prevote-rejoin.json';
import splitBrain5 from '../../../../examples/raft-split-brain-5.json';
import splitBrain6 from '../../../../examples/raft-split-brain-6.json';
import { defaultScenario } from './defaultScenario';
import { libraryScenario } from './load';
import type { LibraryEntry } from './types';

const replication = {
  version: 1,
  protocol: 'raft',
  title: 'Raft: log replication and commit of client writes',
  description:
    'S1 leads term 1 of five servers. Each client write is appended to the leader’s log, sent to the followers in AppendEntries and committed once a majority (3 of 5) stores it; then every server applies it to its key-value state machine. y=2 and z=4 are sent to followers, which forward them to the leader. S5 crashes at 0.7 s and misses x=3 and z=4: they still commit, with 4 of 5 servers. The leader keeps S5’s nextIndex where its log ended (a message to a crashed server is simply lost), so when S5 restarts at 1.5 s the next AppendEntries carries exactly the two entries it missed, and the leader’s commit index tells S5 they are committed. In the end every log holds the same five entries, all committed.',
  seed: 21,
  nodes: 5,
  network: { latency: [10, 30] },
  events: [
    { at: 50, do: 'timeout', node: 1 },
    { at: 300, do: 'request', node: 1, value: 'x=1' },
    { at: 450, do: 'request', node: 3, value: 'y=2' },
    { at: 700, do: 'crash', node: 5 },
    { at: 900, do: 'request', node: 1, value: 'x=3' },
    { at: 1100, do: 'request', node: 2, value: 'z=4' },
    { at: 1500, do: 'restart', node: 5 },
  ],
};

/** The half-cut pair runs etcd's rules with PreVote and differs only in checkQuorum. */
function halfCutLink(checkQuorum: boolean) {
  return {
    version: 1,
    protocol: 'raft',
    title: checkQuorum ? 'Raft (etcd rules): one cut link, and the CheckQuorum lease keeps the leader' : 'Raft (etcd rules): one cut link hands the leadership over',
    description: checkQuorum
      ? 'The same run as the one cut link without CheckQuorum, with checkQuorum on. S3 stops hearing leader S1 at 0.5 s and asks S2 for a pre-vote, but S2 heard from S1 within its election timeout: under etcd’s rules with CheckQuorum it does not even answer (the lease). S3 keeps asking in vain, S1 keeps leading term 1 with S2, and the write x=2 at 4 s commits.'
      : 'Three servers under etcd’s rules (profile "etcd": 1–2 s election timeouts, 100-ms heartbeats) with PreVote on and CheckQuorum off. S1 leads term 1 and commits x=1. At 0.5 s the link between S1 and S3 fails both ways; S2 still hears both. S3 hears no leader, times out and asks S2 for a pre-vote: without CheckQuorum etcd grants it on the log alone, although S2 still follows S1, so S3 takes term 2 and S1 steps down when S2’s answer shows it the newer term. Now S1 is the one cut off from the leader; its own pre-votes are refused, its log being behind. Under the paper’s rules (profile "paper") S2 would refuse S3 while it hears from S1; compare with CheckQuorum on.',
    seed: 3,
    nodes: 3,
    network: { latency: [10, 10] },
    params: { profile: 'etcd', preVote: true, checkQuorum },
    events: [
      { at: 0, do: 'timeout', node: 1 },
      { at: 300, do: 'request', node: 1, value: 'x=1' },
      { at: 500, do: 'cut', from: 1, to: 3 },
      { at: 500, do: 'cut', from: 3, to: 1 },
      { at: 4000, do: 'request', node: 2, value: 'x=2' },
    ],
  };
}

/** The stale-leader pair differs only in checkQuorum (PreVote is on in both, as etcd runs them together). */
function staleLeader(checkQuorum: boolean) {
  return {
    version: 1,
    protocol: 'raft',
    title: checkQuorum ? 'Raft: a stale leader after a long pause, with CheckQuorum' : 'Raft: a stale leader after a long pause, without CheckQuorum',
    description: checkQuorum
      ? 'The same run as the stale leader without CheckQuorum, with checkQuorum on (thesis §6.2). S1 leads term 1, freezes at 1 s in a long pause and is cut off from the others, who elect a new leader in term 2. When S1 wakes at 3 s it counts who it heard from during the last election timeout: nobody, so it steps down on its own. The client write sent to it at 3.5 s is rejected at once (it knows no leader) instead of waiting forever for a commit. PreVote keeps the isolated S1 from raising its term, so when the network heals at 6 s it simply follows the new leader.'
      : 'S1 leads term 1 and commits x=1. At 1 s it freezes (think of a long garbage-collection pause) and its link to the others fails at the same moment. The other four stop hearing heartbeats and elect a new leader in term 2, which commits y=2. S1 wakes at 3 s, still cut off: nothing tells it that term 2 exists, and a Raft leader has no election timer, so it keeps believing it leads term 1. It accepts the client write x=2 at 3.5 s and can never commit it (it reaches nobody). When the network heals at 6 s, S1 sees term 2, steps down, and its uncommitted x=2 is replaced. Turn checkQuorum on to compare.',
    seed: 14,
    nodes: 5,
    network: { latency: [10, 30] },
    params: { preVote: true, checkQuorum },
    events: [
      { at: 50, do: 'timeout', node: 1 },
      { at: 300, do: 'request', node: 1, value: 'x=1' },
      { at: 1000, do: 'pause', node: 1 },
      { at: 1000, do: 'partition', groups: [[1], [2, 3, 4, 5]] },
      { at: 1500, do: 'request', node: 3, value: 'y=2' },
      { at: 3000, do: 'resume', node: 1 },
      { at: 3500, do: 'request', node: 1, value: 'x=2' },
      { at: 6000, do: 'heal' },
    ],
  };
}

const rejoinWithoutPreVote = {
  ...prevoteRejoin,
  title: 'Raft without PreVote: a cut-off server rejoins and disrupts the leader',
  description:
    'S1 leads term 1 of five servers, PreVote off. From 0.5 s to 3 s S5 is cut off. It hears no heartbeats, times out, and starts an election, again and again, raising its term each time; nobody answers. When it rejoins at 3 s its RequestVote carries a term far above 1: every server that sees it moves to that term, S1 steps down, and the cluster elects a leader again in a much higher term, although nothing was wrong with S1. Compare the PreVote version.',
  params: { preVote: false },
};

export const raftLibrary: LibraryEntry[] = [
  {
    id: 'raft-first-election',
    protocol: 'raft',
    group: 'raft-basics',
    title: { en: 'Raft: first election (5 nodes)', zh: 'Raft：首次 Leader 选举（5 个节点）' },
    watch: {
      en: 'All five start as followers in term 0. Watch the randomized election timeouts: S3’s fires first, so it becomes a candidate for term 1, votes for itself and asks the others. S2 and S4 time out a few ms later and run too, but S1 and S5 have already voted for S3: 3 of 5 votes make it leader, and its first AppendEntries send the other candidates back to follower.',
      zh: '五个节点都以 Follower（跟随者）身份从任期（term）0 开始。注意各节点的随机选举超时：S3 最先超时，成为任期 1 的 Candidate（候选人），先投自己一票，再向其他节点发出投票请求。S2 和 S4 晚几毫秒也超时参选，但 S1 和 S5 已经把票投给了 S3：拿到 5 票中的 3 票（过半），S3 成为 Leader，它发出的第一批 AppendEntries 让另外两个 Candidate 退回 Follower。',
    },
    scenario: defaultScenario,
    until: 1000,
    outcome: { leader: 'S3/t1', violations: [] },
    moments: [
      { at: 175, label: { en: 'S3 times out first, runs for term 1', zh: 'S3 最先选举超时，竞选任期 1' } },
      { at: 197, label: { en: 'S2 and S4 run too: three candidates', zh: 'S2、S4 也参选：三个 Candidate' } },
      { at: 225, label: { en: 'S3 wins term 1 (3 of 5 votes)', zh: 'S3 赢得任期 1 的选举（5 票中 3 票）' } },
      { at: 246, label: { en: 'S2 and S4 back to follower', zh: 'S2、S4 退回 Follower' } },
    ],
  },
  {
    id: 'raft-replication',
    protocol: 'raft',
    group: 'raft-basics',
    title: { en: 'Raft: log replication and commit of client writes', zh: 'Raft：客户端写入的日志复制与提交' },
    watch: {
      en: 'S1 leads term 1. Watch each write travel in AppendEntries and commit once a majority stores it; a write sent to a follower is forwarded to the leader. S5 crashes at 0.7 s and misses two writes, which still commit with 4 of 5; when it restarts, the leader’s next AppendEntries brings it the two entries and the news that they are committed.',
      zh: 'S1 是任期 1 的 Leader。注意每条写入怎样随 AppendEntries 发给各个 Follower，等过半节点保存之后才提交；发给 Follower 的写入会被转发给 Leader。S5 在 0.7 秒宕机，错过了两条写入，但 5 个节点里还有 4 个，依然过半，写入照常提交；S5 重启后，Leader 的下一条 AppendEntries 就把这两条日志补给它，并告诉它这些日志已经提交。',
    },
    get scenario() {
      return libraryScenario('raft-replication', replication);
    },
    until: 3000,
    outcome: { leader: 'S1/t1', violations: [] },
    moments: [
      { at: 87, label: { en: 'S1 wins term 1', zh: 'S1 赢得任期 1 的选举' } },
      { at: 450, label: { en: 'S3 forwards y=2 to the leader S1', zh: 'S3 把 y=2 转发给 Leader S1' } },
      { at: 700, label: { en: 'S5 crashes', zh: 'S5 宕机' } },
      { at: 944, label: { en: 'x=3 commits while S5 is down', zh: 'S5 宕机期间 x=3 照常提交' } },
      { at: 1542, label: { en: 'Restarted S5 gets x=3 and z=4, committed', zh: '重启的 S5 补齐 x=3、z=4，并得知已提交' } },
    ],
  },
  {
    id: 'raft-leader-crash',
    protocol: 'raft',
    group: 'raft-basics',
    title: { en: 'Raft: the leader crashes and a new one is elected', zh: 'Raft：Leader 宕机后重新选举' },
    watch: {
      en: 'S1 leads term 1 and commits two writes, then crashes at 1 s. Watch the heartbeats stop, a follower’s election timeout fire, and a new leader win term 2 with the remaining majority. When S1 restarts at 2.5 s it rejoins as a follower and catches up.',
      zh: 'S1 是任期 1 的 Leader，提交了两条写入后在 1 秒时宕机。注意心跳停止后，某个 Follower 的选举超时到期，它靠剩下的过半节点赢得任期 2 的选举。S1 在 2.5 秒重启，以 Follower 身份重新加入，并补齐缺失的日志。',
    },
    get scenario() {
      return libraryScenario('raft-leader-crash', leaderCrash);
    },
    until: 5000,
    outcome: { leader: 'S3/t2', violations: [] },
    moments: [
      { at: 75, label: { en: 'S1 wins term 1', zh: 'S1 赢得任期 1 的选举' } },
      { at: 1000, label: { en: 'The leader S1 crashes', zh: 'Leader S1 宕机' } },
      { at: 1175, label: { en: 'S3 times out, runs for term 2', zh: 'S3 选举超时，竞选任期 2' } },
      { at: 1216, label: { en: 'S3 wins term 2', zh: 'S3 赢得任期 2 的选举' } },
      { at: 2539, label: { en: 'Restarted S1 follows S3 and catches up', zh: '重启的 S1 作为 Follower 补齐日志' } },
    ],
  },
  {
    id: 'raft-vote-tie-fixed',
    protocol: 'raft',
    group: 'raft-elections',
    title: { en: 'Raft: 4 nodes, equal timeouts, the vote ties forever', zh: 'Raft：4 个节点、相同的选举超时，永远平票' },
    watch: {
      en: 'With randomizedTimeouts off every node times out after exactly 150 ms. Watch all four become candidates at the same instant, vote for themselves and refuse the others: one vote each, three needed. They try again in the next term, and the next: a livelock, and never a leader.',
      zh: '关闭 randomizedTimeouts 后，每个节点的选举超时都正好是 150 ms。注意四个节点在同一时刻成为 Candidate，各投自己一票并拒绝别人：每人 1 票，而需要 3 票。于是进入下一个任期再来一次，再来一次……这就是活锁：永远选不出 Leader。',
    },
    get scenario() {
      return libraryScenario('raft-vote-tie-fixed', evenTieFixed);
    },
    until: 3000,
    outcome: { leader: null, violations: [] },
    moments: [
      { at: 150, label: { en: 'All four run for term 1 at once', zh: '四个节点同时竞选任期 1' } },
      { at: 300, label: { en: '1 vote each, 3 needed: on to term 2', zh: '每人 1 票、需要 3 票：平票，进入任期 2' } },
      { at: 3000, label: { en: 'Term 20 and still no leader', zh: '任期 20，仍然没有 Leader（活锁）' } },
    ],
    compare: 'raft-vote-tie-randomized',
  },
  {
    id: 'raft-vote-tie-randomized',
    protocol: 'raft',
    group: 'raft-elections',
    title: { en: 'Raft: 4 nodes, randomized timeouts break the tie', zh: 'Raft：4 个节点，随机超时打破平票' },
    watch: {
      en: 'The same four nodes with election timeouts drawn between 150 and 300 ms. Watch one node time out well before the others and collect 3 of 4 votes before anyone else starts: a leader in the very first term.',
      zh: '同样的四个节点，但选举超时在 150–300 ms 之间随机选取。注意某个节点比其他节点早得多地超时，在别人动手之前就拿到 4 票中的 3 票：第一个任期就选出了 Leader。',
    },
    get scenario() {
      return libraryScenario('raft-vote-tie-randomized', evenTieRandomized);
    },
    until: 1000,
    outcome: { leader: 'S1/t1', violations: [] },
    moments: [
      { at: 156, label: { en: 'S1 times out first, runs for term 1', zh: 'S1 最先选举超时，竞选任期 1' } },
      { at: 181, label: { en: 'S2, S3 and S4 all vote for S1', zh: 'S2、S3、S4 都投票给 S1' } },
      { at: 195, label: { en: 'S1 wins term 1 (3 of 4 votes)', zh: 'S1 赢得任期 1 的选举（4 票中 3 票）' } },
    ],
    compare: 'raft-vote-tie-fixed',
  },
  {
    id: 'raft-rejoin-without-prevote',
    protocol: 'raft',
    group: 'raft-elections',
    title: { en: 'Raft: a rejoining node disrupts the cluster (no PreVote)', zh: 'Raft：重新加入的节点扰乱集群（未开启 PreVote）' },
    watch: {
      en: 'S5 is cut off from 0.5 s to 3 s. Alone, it keeps timing out and raising its term. Watch what happens when it rejoins: its much higher term makes the healthy leader S1 step down, and the cluster holds a new election.',
      zh: 'S5 在 0.5 秒到 3 秒之间与集群断开。它独自一次又一次选举超时，任期越涨越高。注意它重新连上时发生了什么：它高得多的任期迫使本来健康的 Leader S1 退位，整个集群只好重新选举。',
    },
    get scenario() {
      return libraryScenario('raft-rejoin-without-prevote', rejoinWithoutPreVote);
    },
    until: 5000,
    outcome: { leader: 'S2/t15', violations: [] },
    moments: [
      { at: 500, label: { en: 'S5 is cut off', zh: 'S5 与集群断开（网络分区）' } },
      { at: 2961, label: { en: 'Alone, S5 has reached term 13', zh: 'S5 独自把任期涨到了 13' } },
      { at: 3000, label: { en: 'S5 rejoins', zh: '网络恢复，S5 重新连上' } },
      { at: 3058, label: { en: 'S5’s term 13 deposes S1', zh: 'S5 的任期 13 迫使 S1 退位' } },
      { at: 3243, label: { en: 'S2 wins term 15', zh: 'S2 赢得任期 15 的选举' } },
    ],
    compare: 'raft-rejoin-prevote',
  },
  {
    id: 'raft-rejoin-prevote',
    protocol: 'raft',
    group: 'raft-elections',
    title: { en: 'Raft: with PreVote, a rejoining node leaves the leader alone', zh: 'Raft：开启 PreVote 后，重新加入的节点不再干扰 Leader' },
    watch: {
      en: 'The same cut with PreVote on. Watch S5 only ask whether it could win (a pre-vote) instead of raising its term; nobody answers while it is cut off, so it stays in term 1, and as soon as it rejoins S1’s next heartbeat makes it a follower again. S1 leads term 1 throughout.',
      zh: '同样的断网，但开启了 PreVote。注意 S5 超时后只是先发起“预投票”，问问自己能不能赢，并不提升任期；断网期间没人回应，所以它一直停在任期 1，一重新连上，S1 的下一次心跳就让它重新成为 Follower。S1 自始至终都是任期 1 的 Leader。',
    },
    get scenario() {
      return libraryScenario('raft-rejoin-prevote', prevoteRejoin);
    },
    until: 5000,
    outcome: { leader: 'S1/t1', violations: [] },
    moments: [
      { at: 500, label: { en: 'S5 is cut off', zh: 'S5 与集群断开（网络分区）' } },
      { at: 643, label: { en: 'S5 asks for a pre-vote, stays in term 1', zh: 'S5 发起预投票，任期仍是 1' } },
      { at: 3000, label: { en: 'S5 rejoins', zh: '网络恢复，S5 重新连上' } },
      { at: 3037, label: { en: 'S1’s heartbeat makes S5 a follower', zh: 'S1 的心跳让 S5 重新成为 Follower' } },
    ],
    compare: 'raft-rejoin-without-prevote',
  },
  {
    id: 'raft-split-brain-5',
    protocol: 'raft',
    group: 'raft-partitions',
    title: { en: 'Raft: split brain, 5 nodes in two rooms (3 | 2)', zh: 'Raft：脑裂，5 个节点分处两个机房（3 | 2）' },
    watch: {
      en: 'S1 leads term 1 when the link between the rooms breaks at 1 s. Watch the three-node room elect a new leader in term 2 and keep committing, while S1 still believes it leads but cannot commit the write sent to it. When the rooms reconnect at 3 s, S1 steps down and its uncommitted entry is replaced.',
      zh: 'S1 是任期 1 的 Leader，1 秒时两个机房之间的网络断开（网络分区）。注意有三个节点的机房选出任期 2 的新 Leader 并继续提交；S1 仍以为自己是 Leader，可发给它的写入到不了过半节点，永远提交不了。3 秒时网络恢复，S1 看到更高的任期后退位，那条未提交的日志被覆盖。',
    },
    get scenario() {
      return libraryScenario('raft-split-brain-5', splitBrain5);
    },
    until: 5000,
    outcome: { leader: 'S5/t2', violations: [] },
    moments: [
      { at: 1000, label: { en: 'Partition 2 | 3: S1 S2 | S3 S4 S5', zh: '网络分区 2 | 3：S1 S2 | S3 S4 S5' } },
      { at: 1226, label: { en: 'S5 wins term 2: S1 and S5 both lead', zh: 'S5 赢得任期 2：脑裂，两个 Leader' } },
      { at: 1500, label: { en: 'S1 takes x=2, which cannot commit', zh: 'S1 接受 x=2，但永远提交不了' } },
      { at: 3023, label: { en: 'Healed: S1 sees term 2 and gives up leading', zh: '网络恢复：S1 看到任期 2，退位' } },
      { at: 3043, label: { en: 'S1’s uncommitted x=2 is replaced', zh: 'S1 未提交的 x=2 被覆盖' } },
    ],
  },
  {
    id: 'raft-split-brain-6',
    protocol: 'raft',
    group: 'raft-partitions',
    title: { en: 'Raft: split brain, 6 nodes in two rooms (3 | 3)', zh: 'Raft：脑裂，6 个节点分处两个机房（3 | 3）' },
    watch: {
      en: 'Six nodes split three and three at 1 s: a majority is 4, so neither room has one. Watch S1 stay leader of its half without committing anything, while the other half keeps timing out and raising its term. Nothing written after the split commits.',
      zh: '6 个节点在 1 秒时被分成 3 | 3 两半：过半需要 4 票，两边都凑不齐。注意 S1 仍是自己这一半的 Leader，却什么也提交不了；另一半不断选举超时，任期节节上涨。分区之后的写入一条也提交不了。',
    },
    get scenario() {
      return libraryScenario('raft-split-brain-6', splitBrain6);
    },
    until: 5000,
    outcome: { leader: 'S1/t1', violations: [] },
    moments: [
      { at: 1000, label: { en: 'Partition 3 | 3: no majority on either side', zh: '网络分区 3 | 3：两边都不过半' } },
      { at: 1254, label: { en: 'S6 runs for term 2 and cannot win', zh: 'S6 竞选任期 2，凑不齐过半的票' } },
      { at: 1500, label: { en: 'S1 takes x=2, which cannot commit', zh: 'S1 接受 x=2，但提交不了' } },
      { at: 1600, label: { en: 'S5 rejects y=3: no leader on its side', zh: 'S5 拒绝 y=3：它这边没有 Leader' } },
      { at: 4995, label: { en: 'S6 runs for term 21', zh: 'S6 竞选任期 21，任期节节上涨' } },
    ],
  },
  {
    id: 'raft-stale-leader',
    protocol: 'raft',
    group: 'raft-partitions',
    title: { en: 'Raft: a stale leader after a long pause (no CheckQuorum)', zh: 'Raft：长时间暂停后的过期 Leader（未开启 CheckQuorum）' },
    watch: {
      en: 'S1 leads term 1 and freezes at 1 s in a long pause, cut off from the others; they elect a new leader in term 2. Watch S1 wake at 3 s still believing it leads term 1: it accepts a client write that can never commit, and stays leader until the network heals at 6 s.',
      zh: 'S1 是任期 1 的 Leader，1 秒时陷入长时间暂停（比如 GC 停顿），同时与其他节点断开；其余节点选出了任期 2 的新 Leader。注意 S1 在 3 秒醒来后仍以为自己是任期 1 的 Leader：它接受了一条永远无法提交的客户端写入，并一直当着 Leader，直到 6 秒网络恢复。',
    },
    get scenario() {
      return libraryScenario('raft-stale-leader', staleLeader(false));
    },
    until: 7000,
    outcome: { leader: 'S2/t2', violations: [] },
    moments: [
      { at: 1000, label: { en: 'S1 freezes and is cut off', zh: 'S1 暂停（如 GC 停顿）并与集群断开' } },
      { at: 1200, label: { en: 'S2 wins term 2', zh: 'S2 赢得任期 2 的选举' } },
      { at: 3000, label: { en: 'S1 wakes, still leader of term 1', zh: 'S1 醒来，仍以为自己是任期 1 的 Leader' } },
      { at: 3500, label: { en: 'S1 takes x=2, which can never commit', zh: 'S1 接受 x=2，它永远无法提交' } },
      { at: 6025, label: { en: 'Healed: S1 is deposed, x=2 replaced', zh: '网络恢复：S1 退位，x=2 被覆盖' } },
    ],
    compare: 'raft-stale-leader-checkquorum',
  },
  {
    id: 'raft-stale-leader-checkquorum',
    protocol: 'raft',
    group: 'raft-partitions',
    title: { en: 'Raft: a stale leader after a long pause, with CheckQuorum', zh: 'Raft：长时间暂停后的过期 Leader（开启 CheckQuorum）' },
    watch: {
      en: 'The same pause with CheckQuorum on. Watch S1 notice, soon after it wakes, that it hears from no majority and step down on its own; the client write sent to it at 3.5 s is rejected at once instead of hanging.',
      zh: '同样的暂停，但开启了 CheckQuorum。注意 S1 醒来后不久就发现自己联系不上过半节点，于是主动退位为 Follower；3.5 秒发给它的写入被立即拒绝，而不是一直挂着等不到提交。',
    },
    get scenario() {
      return libraryScenario('raft-stale-leader-checkquorum', staleLeader(true));
    },
    until: 7000,
    outcome: { leader: 'S2/t2', violations: [] },
    moments: [
      { at: 1000, label: { en: 'S1 freezes and is cut off', zh: 'S1 暂停（如 GC 停顿）并与集群断开' } },
      { at: 1200, label: { en: 'S2 wins term 2', zh: 'S2 赢得任期 2 的选举' } },
      { at: 3300, label: { en: 'CheckQuorum: S1 hears no majority, stops leading', zh: 'CheckQuorum：S1 联系不上过半节点，主动退位' } },
      { at: 3500, label: { en: 'S1 rejects x=2 at once', zh: 'S1 立即拒绝 x=2' } },
      { at: 6040, label: { en: 'Healed: S1 follows S2 in term 2', zh: '网络恢复：S1 跟随任期 2 的 Leader S2' } },
    ],
    compare: 'raft-stale-leader',
  },
  {
    id: 'raft-etcd-half-cut',
    protocol: 'raft',
    group: 'raft-partitions',
    title: { en: 'Raft (etcd rules): one cut link hands the leadership over', zh: 'Raft（etcd 规则）：断掉一条链路，领导权就易手' },
    watch: {
      en: 'Under etcd’s rules with PreVote but no CheckQuorum, S2 grants S3 a pre-vote although it still follows S1. Watch the link S1–S3 fail at 0.5 s, S3 take term 2 with S2’s votes, S1 step down, and S1’s own pre-votes fail because its log is behind.',
      zh: '在 etcd 的规则下，开启 PreVote 但没有开启 CheckQuorum 时，S2 虽然仍在追随 S1，却会同意 S3 的预投票。注意 0.5 秒时 S1 与 S3 之间的链路断开，S3 凭 S2 的选票拿下任期 2，S1 退位，而 S1 自己的预投票因为日志落后而失败。',
    },
    get scenario() {
      return libraryScenario('raft-etcd-half-cut', halfCutLink(false));
    },
    until: 6000,
    outcome: { leader: 'S3/t2', violations: [] },
    moments: [
      { at: 500, label: { en: 'The link S1–S3 fails', zh: 'S1 与 S3 之间的链路断开' } },
      { at: 1573, label: { en: 'S2 grants S3 a pre-vote while following S1', zh: 'S2 一边追随 S1，一边同意了 S3 的预投票' } },
      { at: 1603, label: { en: 'S3 wins term 2', zh: 'S3 赢得任期 2' } },
      { at: 1620, label: { en: 'S1 sees term 2 and becomes a follower', zh: 'S1 看到任期 2，退为 Follower' } },
      { at: 3427, label: { en: 'S1’s pre-vote is refused: its log is behind', zh: 'S1 的预投票被拒绝：它的日志落后了' } },
    ],
    compare: 'raft-etcd-half-cut-checkquorum',
  },
  {
    id: 'raft-etcd-half-cut-checkquorum',
    protocol: 'raft',
    group: 'raft-partitions',
    title: { en: 'Raft (etcd rules): one cut link, and the CheckQuorum lease keeps the leader', zh: 'Raft（etcd 规则）：断掉一条链路，CheckQuorum 租约保住了 Leader' },
    watch: {
      en: 'The same cut link with CheckQuorum on. Watch S2 ignore S3’s pre-votes, without an answer, while it hears from S1 (etcd’s lease); S1 keeps leading term 1 and x=2 commits at 4 s.',
      zh: '同样断掉一条链路，但开启了 CheckQuorum。注意 S2 只要还能收到 S1 的消息，就对 S3 的预投票置之不理，连回复都没有（etcd 的租约）；S1 继续担任任期 1 的 Leader，x=2 在 4 秒时提交。',
    },
    get scenario() {
      return libraryScenario('raft-etcd-half-cut-checkquorum', halfCutLink(true));
    },
    until: 6000,
    outcome: { leader: 'S1/t1', violations: [] },
    moments: [
      { at: 500, label: { en: 'The link S1–S3 fails', zh: 'S1 与 S3 之间的链路断开' } },
      { at: 1573, label: { en: 'S2 ignores S3’s pre-vote: S1’s lease holds', zh: 'S2 不理会 S3 的预投票：S1 的租约仍然有效' } },
      { at: 4000, label: { en: 'S2 forwards x=2 to its leader S1', zh: 'S2 把 x=2 转发给它的 Leader S1' } },
    ],
    compare: 'raft-etcd-half-cut',
  },
  {
    id: 'raft-figure8-safe',
    protocol: 'raft',
    group: 'raft-safety',
    title: { en: 'Raft Figure 8: an old-term entry is not committed by counting (safe)', zh: 'Raft 图 8：旧任期的日志不能靠计数提交（安全）' },
    watch: {
      en: 'S1, leader of term 4, copies x=2 from term 2 to a majority but does not commit it: only entries of the current term are committed by counting replicas (§5.4.2). Watch S5 win term 5 and overwrite index 2 with x=3: nothing committed is lost, and no checker fires.',
      zh: 'S1 是任期 4 的 Leader，它把任期 2 的 x=2 复制到了过半节点，却不提交：只有当前任期的日志才能靠副本计数来提交（§5.4.2）。注意 S5 随后赢得任期 5，用 x=3 覆盖了索引 2：没有丢失任何已提交的数据，不变式检查也没有报警。',
    },
    get scenario() {
      return libraryScenario('raft-figure8-safe', figure8Safe);
    },
    until: 1000,
    outcome: { leader: 'S5/t5', violations: [] },
    moments: [
      { at: 20, label: { en: 'S1 wins term 4', zh: 'S1 赢得任期 4 的选举' } },
      { at: 60, label: { en: 'x=2 is on a majority but not committed', zh: 'x=2 已在过半节点上，但不提交' } },
      { at: 100, label: { en: 'S1 crashes', zh: 'S1 宕机' } },
      { at: 220, label: { en: 'S5 wins term 5', zh: 'S5 赢得任期 5 的选举' } },
      { at: 250, label: { en: 'S5 overwrites index 2 with x=3', zh: 'S5 用 x=3 覆盖索引 2' } },
    ],
    compare: 'raft-figure8-unsafe',
  },
  {
    id: 'raft-figure8-unsafe',
    protocol: 'raft',
    group: 'raft-safety',
    title: { en: 'Raft Figure 8: committing an old-term entry by counting (unsafe)', zh: 'Raft 图 8：靠计数提交旧任期的日志（不安全）' },
    watch: {
      en: 'The same run with the unsafe switch commitOldTermByCount: S1 commits x=2 because a majority stores it. Watch S5 win term 5 anyway and overwrite the committed x=2 with x=3: the Leader Completeness, Committed Durability and State Machine Safety checkers fire.',
      zh: '同样的过程，但打开了不安全开关 commitOldTermByCount：S1 只因为过半节点存有 x=2 就提交了它。注意 S5 照样赢得任期 5，并用 x=3 覆盖了已提交的 x=2：Leader Completeness、Committed Durability 和 State Machine Safety 三项不变式检查报警（安全性违规）。',
    },
    get scenario() {
      return libraryScenario('raft-figure8-unsafe', figure8Unsafe);
    },
    until: 1000,
    outcome: { leader: 'S5/t5', violations: ['Leader Completeness', 'Committed Durability', 'State Machine Safety'] },
    moments: [
      { at: 60, label: { en: 'S1 commits the old-term x=2 by counting', zh: 'S1 靠计数提交了旧任期的 x=2' } },
      { at: 100, label: { en: 'S1 crashes', zh: 'S1 宕机' } },
      { at: 220, label: { en: 'S5 wins term 5: Leader Completeness fires', zh: 'S5 赢得任期 5：Leader Completeness 报警' } },
      { at: 250, label: { en: 'x=2 overwritten: Committed Durability fires', zh: 'x=2 被覆盖：Committed Durability 报警' } },
      { at: 260, label: { en: 'State Machine Safety fires', zh: 'State Machine Safety 报警' } },
    ],
    compare: 'raft-figure8-safe',
  },
  {
    id: 'raft-unsafe-stale-votes',
    protocol: 'raft',
    group: 'raft-safety',
    title: { en: 'Raft: a candidate counts a vote from its earlier term (unsafe)', zh: 'Raft：候选人把上一任期的选票算进新任期（不安全）' },
    watch: {
      en: 'With the unsafe switch countStaleVotes S1 counts S2’s late vote from term 1 as a vote in term 2 and takes office at 20 ms. Watch S2 then vote for S3 in term 2, really, and S3 win term 2 as well: two leaders in one term, and Election Safety fires.',
      zh: '打开不安全开关 countStaleVotes 后，S1 把 S2 在任期 1 迟到的选票当作任期 2 的选票，在 20 ms 当选。注意 S2 随后在任期 2 真正把票投给了 S3，S3 也赢得了任期 2：同一任期出现两个 Leader，Election Safety 报警。',
    },
    get scenario() {
      return libraryScenario('raft-unsafe-stale-votes', staleVotes);
    },
    until: 200,
    outcome: { leader: 'S1/t2', violations: ['Election Safety'] },
    moments: [
      { at: 15, label: { en: 'S1 stands again, in term 2', zh: 'S1 再次参选，任期 2' } },
      { at: 20, label: { en: 'S1 counts S2’s term-1 vote and wins', zh: 'S1 把 S2 任期 1 的票算上，当选' } },
      { at: 32, label: { en: 'S3 wins term 2 too: Election Safety fires', zh: 'S3 也赢得任期 2：Election Safety 报警' } },
    ],
  },
  {
    id: 'raft-unsafe-skip-prev-log-term',
    protocol: 'raft',
    group: 'raft-safety',
    title: { en: 'Raft: a follower skips the prevLogTerm check (unsafe)', zh: 'Raft：Follower 跳过 prevLogTerm 检查（不安全）' },
    watch: {
      en: 'S3 holds y=9 at index 2 from term 2, the others x=2 from term 3. With the unsafe switch skipPrevLogTermCheck S3 accepts S1’s no-op although its entry before it has the wrong term. Watch Log Matching fire at once, and State Machine Safety when the no-op commits and S3 applies y=9 where the others applied x=2.',
      zh: 'S3 在索引 2 处存的是任期 2 的 y=9，其他节点存的是任期 3 的 x=2。打开不安全开关 skipPrevLogTermCheck 后，尽管前一条日志的任期不对，S3 仍接受了 S1 的 no-op。注意 Log Matching 立即报警；no-op 提交后，S3 在其他节点应用 x=2 的位置应用了 y=9，State Machine Safety 报警。',
    },
    get scenario() {
      return libraryScenario('raft-unsafe-skip-prev-log-term', skipPrevLogTerm);
    },
    until: 200,
    outcome: { leader: 'S1/t4', violations: ['Log Matching', 'State Machine Safety'] },
    moments: [
      { at: 20, label: { en: 'S1 wins term 4', zh: 'S1 赢得任期 4 的选举' } },
      { at: 30, label: { en: 'S3 skips the check: Log Matching fires', zh: 'S3 跳过检查：Log Matching 报警' } },
      { at: 80, label: { en: 'S3 applies y=9: State Machine Safety fires', zh: 'S3 应用了 y=9：State Machine Safety 报警' } },
    ],
  },
  {
    id: 'raft-unsafe-commit-short',
    protocol: 'raft',
    group: 'raft-safety',
    title: { en: 'Raft: committing one replica short of a majority (unsafe)', zh: 'Raft：差一个副本不到过半就提交（不安全）' },
    watch: {
      en: 'With the unsafe switch commitWithoutMajority S1, cut off from S2 and S3, commits x=1 with only its own copy. Watch S2 win term 2 without x=1 (Leader Completeness), its no-op applied where S1 applied x=1 (State Machine Safety), and S1, back in touch, delete its committed x=1 (Committed Durability).',
      zh: '打开不安全开关 commitWithoutMajority 后，与 S2、S3 断开的 S1 只凭自己的一份副本就提交了 x=1。注意 S2 在没有 x=1 的情况下赢得任期 2（Leader Completeness 报警），它的 no-op 被应用在 S1 应用 x=1 的位置（State Machine Safety 报警），网络恢复后 S1 删掉了已提交的 x=1（Committed Durability 报警）。',
    },
    get scenario() {
      return libraryScenario('raft-unsafe-commit-short', commitShort);
    },
    until: 500,
    outcome: { leader: 'S2/t2', violations: ['Leader Completeness', 'State Machine Safety', 'Acknowledged Writes', 'Committed Durability'] },
    moments: [
      { at: 100, label: { en: 'S1 is cut off from S2 and S3', zh: 'S1 与 S2、S3 断开' } },
      { at: 110, label: { en: 'S1 commits x=1 with its own copy only', zh: 'S1 只凭自己的副本提交了 x=1' } },
      { at: 220, label: { en: 'S2 wins term 2 without x=1', zh: 'S2 在没有 x=1 的情况下赢得任期 2' } },
      { at: 330, label: { en: 'S1 deletes its committed x=1', zh: 'S1 删掉了已提交的 x=1' } },
    ],
  },
  {
    id: 'raft-unsafe-commit-beyond-last-new',
    protocol: 'raft',
    group: 'raft-safety',
    title: { en: 'Raft: a follower commits past what AppendEntries matched (unsafe)', zh: 'Raft：Follower 提交了 AppendEntries 未确认一致的日志（不安全）' },
    watch: {
      en: 'S3 holds a stale y=9 at index 2. With the unsafe switch followerCommitBeyondLastNew it takes S1’s commitIndex up to its own last entry before checking its log, and applies y=9; only then does it replace y=9 with x=2. Watch its log end up like everyone’s while its store keeps y=9: State Machine Safety fires.',
      zh: 'S3 在索引 2 处存着过期的 y=9。打开不安全开关 followerCommitBeyondLastNew 后，它在检查日志之前就把 S1 的 commitIndex 一直用到自己的最后一条日志，应用了 y=9，之后才把 y=9 换成 x=2。注意它的日志最终与其他节点相同，状态机里却留着 y=9：State Machine Safety 报警。',
    },
    get scenario() {
      return libraryScenario('raft-unsafe-commit-beyond-last-new', commitBeyondLastNew);
    },
    until: 200,
    outcome: { leader: 'S1/t4', violations: ['State Machine Safety'] },
    moments: [
      { at: 20, label: { en: 'S1 wins term 4', zh: 'S1 赢得任期 4 的选举' } },
      { at: 30, label: { en: 'S3 refuses: its entry 2 is from term 2', zh: 'S3 拒绝：它的索引 2 来自任期 2' } },
      { at: 50, label: { en: 'S3 commits y=9 before checking', zh: 'S3 在检查之前就提交了 y=9' } },
    ],
  },
  {
    id: 'raft-unsafe-overwrite-committed',
    protocol: 'raft',
    group: 'raft-safety',
    title: { en: 'Raft: a leader overwrites a committed entry (unsafe)', zh: 'Raft：Leader 覆盖已提交的日志（不安全）' },
    watch: {
      en: 'S1 commits x=1. With the unsafe switch overwriteCommitted it writes the next client command, y=2, over it instead of after it. Watch Leader Append-Only, Log Matching and Committed Durability fire at that instant, and State Machine Safety when S1 restarts and replays its log.',
      zh: 'S1 提交了 x=1。打开不安全开关 overwriteCommitted 后，它把下一条客户端命令 y=2 写在了 x=1 上，而不是追加在后面。注意 Leader Append-Only、Log Matching 和 Committed Durability 在这一刻同时报警；S1 重启并重放日志时，State Machine Safety 报警。',
    },
    get scenario() {
      return libraryScenario('raft-unsafe-overwrite-committed', overwriteCommitted);
    },
    until: 600,
    outcome: { leader: 'S2/t2', violations: ['Leader Append-Only', 'Log Matching', 'Committed Durability', 'State Machine Safety'] },
    moments: [
      { at: 70, label: { en: 'S1 commits x=1', zh: 'S1 提交了 x=1' } },
      { at: 100, label: { en: 'y=2 is written over x=1: three checkers fire', zh: 'y=2 覆盖了 x=1：三项检查报警' } },
      { at: 200, label: { en: 'S1 crashes', zh: 'S1 宕机' } },
      { at: 340, label: { en: 'S1 re-applies its log: State Machine Safety fires', zh: 'S1 重新应用日志：State Machine Safety 报警' } },
    ],
  },
  {
    id: 'raft-unsafe-ack-before-commit',
    protocol: 'raft',
    group: 'raft-safety',
    title: { en: 'Raft: telling the client before the commit (unsafe)', zh: 'Raft：还没提交就告诉客户端写入成功（不安全）' },
    watch: {
      en: 'S1, cut off from S2 and S3, takes the client write x=1. With the unsafe switch ackBeforeCommit it tells its client the write is done as soon as x=1 is in its own log. Watch S2 win term 2 without x=1: Acknowledged Writes fires. After the heal S1’s x=1 is replaced; without the switch S1 would have answered “timed out”.',
      zh: '与 S2、S3 断开的 S1 收到客户端写入 x=1。打开不安全开关 ackBeforeCommit 后，x=1 一写进它自己的日志，它就告诉客户端写入成功。注意 S2 在没有 x=1 的情况下赢得任期 2：Acknowledged Writes 报警。网络恢复后 S1 的 x=1 被替换；如果不开这个开关，S1 会回答“超时”。',
    },
    get scenario() {
      return libraryScenario('raft-unsafe-ack-before-commit', ackBeforeCommit);
    },
    until: 500,
    outcome: { leader: 'S2/t2', violations: ['Acknowledged Writes'] },
    moments: [
      { at: 100, label: { en: 'S1 is cut off from S2 and S3', zh: 'S1 与 S2、S3 断开' } },
      { at: 110, label: { en: 'S1 tells its client x=1 is done, uncommitted', zh: 'S1 告诉客户端 x=1 已完成，其实并未提交' } },
      { at: 220, label: { en: 'S2 leads term 2 without x=1', zh: 'S2 在没有 x=1 的情况下成为任期 2 的 Leader' } },
      { at: 330, label: { en: 'S1 replaces x=1 with S2’s entry', zh: 'S1 用 S2 的日志替换了 x=1' } },
    ],
  },
];
