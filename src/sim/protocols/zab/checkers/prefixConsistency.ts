import type { Checker } from '../../../kernel/protocol';
import { firstChanged, lastChanged, perNode } from '../../../kernel/checkerHelpers';
import { describeValue } from '../history';
import type { ZabState } from '../types';
import { zxidHex } from '../zxid';

interface Memory {
  /** The committed sequence as first seen: position i holds (zxid, value), committed first by node[i]. */
  zxid: number[];
  value: string[];
  node: number[];
  /** Positions already reported: one report per position, not per server. */
  reported: number[];
  /** Per server: committed count at the last check, its history rewrites then, and its incarnation (bootAt). */
  seen: number[];
  rewrites: number[];
  inc: number[];
}

/**
 * Committed transactions agree across servers and are delivered in zxid order (the TLA+ spec's
 * PrefixConsistency, with TotalOrder and GlobalPrimaryOrder): the committed prefixes of any two
 * servers are one the prefix of the other, and along each prefix zxids strictly increase. Each
 * newly committed transaction is compared once with the first one committed at its position; a
 * server's prefix is re-read from the start only after it rewrote its log (TRUNC, SNAP) or restarted.
 */
export const prefixConsistency: Checker<ZabState, Memory> = {
  invariant: 'Prefix Consistency',
  init: () => ({ zxid: [], value: [], node: [], reported: [], seen: [], rewrites: [], inc: [] }),
  check(cluster, memory, report) {
    const n = cluster.nodeCount;
    const seen = perNode(memory.seen, n, 0);
    const rewrites = perNode(memory.rewrites, n, 0);
    const inc = perNode(memory.inc, n, -1);
    const last = lastChanged(cluster);
    for (let id = firstChanged(cluster); id <= last; id++) {
      const s = cluster.states[id];
      if (!s) continue;
      const fresh = inc[id] === s.bootAt && rewrites[id] === s.historyRewrites && seen[id] <= s.commitIndex;
      if (fresh && seen[id] === s.commitIndex) continue;
      const from = fresh ? seen[id] : 0;
      for (let i = from; i < s.commitIndex; i++) {
        const t = s.history[i];
        if (i > 0 && t.zxid <= s.history[i - 1].zxid && !memory.reported.includes(-1 - id)) {
          memory.reported.push(-1 - id);
          report(`S${id} delivered ${zxidHex(t.zxid)} after ${zxidHex(s.history[i - 1].zxid)}, out of zxid order`);
        }
        if (i >= memory.zxid.length) {
          memory.zxid.push(t.zxid);
          memory.value.push(t.value);
          memory.node.push(id);
        } else if ((memory.zxid[i] !== t.zxid || memory.value[i] !== t.value) && !memory.reported.includes(i)) {
          memory.reported.push(i);
          report(
            `S${memory.node[i]} and S${id} committed different transactions as number ${i + 1}: S${memory.node[i]} has ${zxidHex(memory.zxid[i])} (${describeValue(memory.value[i])}), S${id} has ${zxidHex(t.zxid)} (${describeValue(t.value)})`,
          );
        }
      }
      seen[id] = s.commitIndex;
      rewrites[id] = s.historyRewrites;
      inc[id] = s.bootAt;
    }
  },
};
