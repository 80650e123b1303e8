import partitionTwoDcs from '../../../../examples/gossip-partition-two-dcs.json';
import rumor100 from '../../../../examples/gossip-rumor-100.json';
import swimCrashLoss from '../../../../examples/gossip-swim-crash-loss.json';
import { libraryScenario } from './load';
import type { LibraryEntry } from './types';

export const gossipLibrary: LibraryEntry[] = [
  {
    id: 'gossip-rumor-100',
    protocol: 'gossip',
    group: 'gossip',
    title: { en: 'Gossip: a rumor spreads across 100 nodes', zh: 'Gossip：一条谣言在 100 个节点间传播' },
    watch: {
      en: 'S1 starts a rumor at 1 s; every node that has it pushes it to 3 random peers every 200 ms. Watch the informed fraction grow slowly, then explosively, then finish with a short tail. After a slow first round it overtakes Serf’s conservative analytic curve and informs all 100 nodes in about 3.6 rounds; the curve needs 6.1 rounds to reach 99%.',
      zh: 'S1 在 1 秒时发起一条谣言；每个已经知道它的节点每 200 ms 把它推送给 3 个随机节点（扇出 fanout 为 3）。注意已知节点比例的变化：先慢，再爆发式增长，最后拖一小段尾巴。起步的第一轮稍慢，之后便超过 Serf 偏保守的解析曲线，大约 3.6 轮就让全部 100 个节点都知道了；而解析曲线要 6.1 轮才到 99%。',
    },
    get scenario() {
      return libraryScenario('gossip-rumor-100', rumor100);
    },
    until: 5000,
    outcome: { violations: [] },
    moments: [
      { at: 1000, label: { en: 'S1 starts a rumor', zh: 'S1 发起一条谣言' } },
      { at: 1212, label: { en: 'S1’s first push: 4 of 100 know', zh: 'S1 第一次推送：100 个节点中 4 个知道' } },
      { at: 1494, label: { en: 'Half the nodes know (50 of 100)', zh: '一半节点已经知道（50/100）' } },
      { at: 1711, label: { en: 'All 100 informed (3.6 rounds)', zh: '全部 100 个节点都知道了（3.6 轮）' } },
    ],
  },
  {
    id: 'gossip-swim-crash',
    protocol: 'gossip',
    group: 'gossip',
    title: { en: 'SWIM: finding a crashed node through 10% packet loss', zh: 'SWIM：在 10% 丢包下发现宕机节点' },
    watch: {
      en: 'S7 crashes at 5 s. Watch a prober miss its ack, ask others to ping it (ping-req), suspect it, and the suspicion spread until S7 is declared dead everywhere. Lost packets get live nodes suspected too, but they refute with a higher incarnation.',
      zh: 'S7 在 5 秒时宕机。注意某个探测者收不到它的 ack，便请其他节点代为 ping（ping-req），然后把它标为疑似故障（suspect）；这个怀疑随消息扩散，直到所有节点都把 S7 标为已下线（dead）。丢包也会让存活的节点被怀疑，但它们会用更高的 incarnation 反驳，恢复为存活（alive）。',
    },
    get scenario() {
      return libraryScenario('gossip-swim-crash', swimCrashLoss);
    },
    until: 30000,
    outcome: { violations: [] },
    moments: [
      { at: 5000, label: { en: 'S7 crashes', zh: 'S7 宕机' } },
      { at: 5683, label: { en: 'S19, wrongly suspected (loss), refutes', zh: 'S19 因丢包被误判为 suspect，随即反驳' } },
      { at: 6740, label: { en: 'S18 misses S7’s ack: ping-req', zh: 'S18 收不到 S7 的 ack：发出 ping-req' } },
      { at: 7240, label: { en: 'S18 suspects S7', zh: 'S18 把 S7 标为疑似故障（suspect）' } },
      { at: 13440, label: { en: 'Every live node knows S7 is dead', zh: '所有存活节点都把 S7 标为已下线（dead）' } },
    ],
  },
  {
    id: 'gossip-two-dcs',
    protocol: 'gossip',
    group: 'gossip',
    title: { en: 'Gossip: two datacenters partitioned, then healed', zh: 'Gossip：两个数据中心之间网络分区，然后恢复' },
    watch: {
      en: 'At 5 s the link between the datacenters is cut. Watch each side suspect, then declare dead, every node of the other side: the membership views diverge. After the heal at 60 s, Serf’s reconnect brings the sides back in touch, and within seconds every view agrees again.',
      zh: '5 秒时两个数据中心之间的网络被切断。注意每一侧都先怀疑、再把对面的所有节点标为已下线（dead）：双方的成员视图就此分裂。60 秒网络恢复后，Serf 的重连机制让两边重新联系上，几秒之内所有节点的视图又一致了（最终一致性）。',
    },
    get scenario() {
      return libraryScenario('gossip-two-dcs', partitionTwoDcs);
    },
    until: 90000,
    outcome: { violations: [] },
    moments: [
      { at: 5000, label: { en: 'Partition 10 | 10 between the datacenters', zh: '数据中心之间网络分区：10 | 10' } },
      { at: 15165, label: { en: 'Each side has declared the other dead', zh: '双方都把对面标为已下线（dead）' } },
      { at: 60000, label: { en: 'The link heals', zh: '网络恢复' } },
      { at: 63286, label: { en: 'S19’s reconnect reaches S10', zh: 'S19 重连到 S10，两边重新联系上' } },
      { at: 64793, label: { en: 'All membership views agree again', zh: '所有节点的成员视图再次一致' } },
    ],
  },
];
