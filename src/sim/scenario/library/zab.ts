import oldLeaderFenced from '../../../../examples/zab-old-leader-fenced.json';
import runtime from '../../../../examples/zab-runtime.json';
import startup from '../../../../examples/zab-startup.json';
import twoRooms5 from '../../../../examples/zab-two-rooms-5.json';
import twoRooms6 from '../../../../examples/zab-two-rooms-6.json';
import { libraryScenario } from './load';
import type { LibraryEntry } from './types';

export const zabLibrary: LibraryEntry[] = [
  {
    id: 'zab-startup',
    protocol: 'zab',
    group: 'zab',
    title: { en: 'ZooKeeper: three servers start up and elect a leader', zh: 'ZooKeeper：三台服务器启动时的 Leader 选举' },
    watch: {
      en: 'S1 starts alone and stays LOOKING: one vote of three is no quorum. Watch S2 start at 1 s and win on server id (same epoch and zxid), S1 follow it, and S3, starting at 3 s, join the established leader instead of electing itself despite its higher id.',
      zh: 'S1 先独自启动，一直处于 LOOKING 状态：三票里的一票不过半。注意 1 秒时 S2 启动，两者的 epoch 和 ZXID 相同，于是 myid 大的 S2 胜出，S1 跟随它；3 秒启动的 S3 虽然 myid 最大，却直接追随已经选出的 Leader，而不是让自己当选。',
    },
    get scenario() {
      return libraryScenario('zab-startup', startup);
    },
    until: 6000,
    outcome: { leader: 'S2/e1', violations: [] },
    moments: [
      { at: 0, label: { en: 'S1 starts alone: LOOKING', zh: 'S1 独自启动：LOOKING' } },
      { at: 1029, label: { en: 'S1 switches its vote to S2 (higher myid)', zh: 'S1 改投 myid 更大的 S2' } },
      { at: 1458, label: { en: 'S2 leads epoch 1', zh: 'S2 成为 epoch 1 的 Leader' } },
      { at: 3043, label: { en: 'S3 starts and follows S2', zh: 'S3 启动后直接追随 S2' } },
      { at: 3122, label: { en: 'S3 is synced by SNAP', zh: 'S3 通过 SNAP 同步数据' } },
    ],
  },
  {
    id: 'zab-leader-crash',
    protocol: 'zab',
    group: 'zab',
    title: { en: 'ZooKeeper: the leader crashes; zxid 123 beats 122', zh: 'ZooKeeper：Leader 宕机，ZXID 123 胜过 122' },
    watch: {
      en: 'The old leader S2 is down. S1’s last zxid is 123, S3’s is 122. Watch both vote for themselves, then S3 switch to S1 because its zxid is higher (same epoch). S1 leads epoch 1 and syncs S3 with a DIFF; when S2 restarts it is told to TRUNC the proposal nobody else has.',
      zh: '旧 Leader S2 已宕机。S1 最后的 ZXID 是 123，S3 是 122。注意两者都先投自己，随后 S3 因为 S1 的 ZXID 更大（epoch 相同）而改投 S1。S1 成为 epoch 1 的 Leader，用 DIFF 给 S3 补齐数据；S2 重启后被要求 TRUNC 掉那条别人都没有的提案。',
    },
    get scenario() {
      return libraryScenario('zab-leader-crash', runtime);
    },
    until: 6000,
    outcome: { leader: 'S1/e1', violations: [] },
    moments: [
      { at: 0, label: { en: 'S1 (0x7b) and S3 (0x7a) vote for themselves', zh: 'S1（0x7b）和 S3（0x7a）各投自己' } },
      { at: 10, label: { en: 'S3 switches to S1: ZXID 0x7b beats 0x7a', zh: 'S3 改投 S1：ZXID 0x7b 大于 0x7a' } },
      { at: 424, label: { en: 'S1 syncs S3 with a DIFF', zh: 'S1 用 DIFF 给 S3 补齐数据' } },
      { at: 475, label: { en: 'S1 leads epoch 1', zh: 'S1 成为 epoch 1 的 Leader' } },
      { at: 3122, label: { en: 'Restarted S2 is told to TRUNC 0x7c', zh: '重启的 S2 被要求 TRUNC 掉 0x7c' } },
    ],
  },
  {
    id: 'zab-two-rooms-5',
    protocol: 'zab',
    group: 'zab',
    title: { en: 'ZooKeeper: 5 servers in two rooms (3 | 2)', zh: 'ZooKeeper：5 台服务器分处两个机房（3 | 2）' },
    watch: {
      en: 'S5 leads when the rooms are cut apart at 1 s. Watch S5 give up leading after syncLimit, because two of five is no quorum, while the three-server room elects S3 for epoch 2 and keeps taking writes; the write sent to the small room fails.',
      zh: '1 秒时两个机房之间断开，当时 S5 是 Leader。注意 S5 在 syncLimit 之后放弃领导权，因为五台里的两台不过半；有三台服务器的机房选出 S3 作为 epoch 2 的 Leader，继续接受写入；发往小机房的写入则失败。',
    },
    get scenario() {
      return libraryScenario('zab-two-rooms-5', twoRooms5);
    },
    until: 16000,
    outcome: { leader: 'S3/e2', violations: [] },
    moments: [
      { at: 1000, label: { en: 'Rooms cut apart: S1 S2 S3 | S4 S5', zh: '机房之间断开：S1 S2 S3 | S4 S5' } },
      { at: 11025, label: { en: 'S3 leads epoch 2 in the big room', zh: '大机房选出 S3 作为 epoch 2 的 Leader' } },
      { at: 12345, label: { en: 'S5 lacks a quorum (2 of 3): gives up leading', zh: 'S5 凑不齐法定人数（2/3）：放弃领导权' } },
      { at: 13000, label: { en: 'y=3 sent to S4 fails: no leader', zh: '发往 S4 的 y=3 失败：没有 Leader' } },
      { at: 13074, label: { en: 'x=2 commits in the big room', zh: 'x=2 在大机房提交' } },
    ],
    compare: 'zab-two-rooms-6',
  },
  {
    id: 'zab-two-rooms-6',
    protocol: 'zab',
    group: 'zab',
    title: { en: 'ZooKeeper: 6 servers in two rooms (3 | 3), nobody leads', zh: 'ZooKeeper：6 台服务器分处两个机房（3 | 3），谁也当不了 Leader' },
    watch: {
      en: 'A quorum of six is four, and each room has three. Watch the leader S6 step down after syncLimit, every server go LOOKING, and no election ever finish: writes fail on both sides. Six servers tolerate no more failures than five.',
      zh: '六台服务器的法定人数（Quorum）是四台，而每个机房只有三台。注意 Leader S6 在 syncLimit 之后退位，所有服务器都进入 LOOKING，选举却永远完成不了：两边的写入都失败。6 台服务器能容忍的故障并不比 5 台多。',
    },
    get scenario() {
      return libraryScenario('zab-two-rooms-6', twoRooms6);
    },
    until: 20000,
    outcome: { leader: null, violations: [] },
    moments: [
      { at: 1000, label: { en: 'Rooms cut apart: 3 | 3', zh: '机房之间断开：3 | 3' } },
      { at: 10680, label: { en: 'S1, S2, S3 stop hearing S6: LOOKING', zh: 'S1、S2、S3 收不到 S6 的消息：LOOKING' } },
      { at: 12372, label: { en: 'S6 lacks a quorum (3 of 4): stops leading', zh: 'S6 凑不齐法定人数（3/4）：退位' } },
      { at: 12395, label: { en: 'All six servers are LOOKING', zh: '六台服务器全部处于 LOOKING' } },
      { at: 13000, label: { en: 'Writes fail on both sides', zh: '两边的写入都失败' } },
    ],
    compare: 'zab-two-rooms-5',
  },
  {
    id: 'zab-old-leader-fenced',
    protocol: 'zab',
    group: 'zab',
    title: { en: 'ZooKeeper: an old leader returns with a lower epoch', zh: 'ZooKeeper：旧 Leader 带着更低的 epoch 回来了' },
    watch: {
      en: 'S5 leads epoch 1 and stalls at 1 s for 14 s. Watch the others elect S4 for epoch 2. When S5 wakes it still proposes in epoch 1, and its old followers reject every packet: they have accepted epoch 2. S5 steps down, follows S4, and drops its unreplicated proposal.',
      zh: 'S5 是 epoch 1 的 Leader，1 秒时停顿了 14 秒。注意其余服务器选出 S4 作为 epoch 2 的 Leader。S5 醒来后仍在 epoch 1 里发起提案，它以前的 Follower 拒绝它发来的每个数据包，因为它们已经接受了 epoch 2。S5 随后退位、跟随 S4，并丢掉那条没有复制出去的提案。',
    },
    get scenario() {
      return libraryScenario('zab-old-leader-fenced', oldLeaderFenced);
    },
    until: 20000,
    outcome: { leader: 'S4/e2', violations: [] },
    moments: [
      { at: 1000, label: { en: 'The leader S5 stalls', zh: 'Leader S5 停顿' } },
      { at: 11040, label: { en: 'S4 leads epoch 2', zh: 'S4 成为 epoch 2 的 Leader' } },
      { at: 15000, label: { en: 'S5 wakes, proposes y=2 in epoch 1', zh: 'S5 醒来，在 epoch 1 里提议 y=2' } },
      { at: 15027, label: { en: 'All four reject S5’s epoch 1 proposal', zh: '四台服务器都拒绝 S5 的 epoch 1 提案' } },
      { at: 16111, label: { en: 'S5 follows S4 and TRUNCs y=2', zh: 'S5 跟随 S4，并 TRUNC 掉 y=2' } },
    ],
  },
];
