import type { Checker } from '../../../kernel/protocol';
import { describeValue } from '../log';
import type { RaftState } from '../types';
import { firstChanged, lastChanged } from '../../../kernel/checkerHelpers';

interface Slot {
  term: number;
  length: number;
  lastTerm: number;
  lastValue: string | null;
  rewrites: number;
}

interface Memory {
  /** slots[id]: what node id's log looked like as leader of `term` at the last check. */
  slots: (Slot | null)[];
}

/**
 * Raft §5.3, Leader Append-Only: a leader never overwrites or deletes entries in its log; it only
 * appends. Checked incrementally: while a node leads one term its log must not shrink, must not
 * have a suffix deleted, and must keep the last entry seen at the previous check.
 */
export const leaderAppendOnly: Checker<RaftState, Memory> = {
  invariant: 'Leader Append-Only',
  init: () => ({ slots: [] }),
  check(cluster, memory, report) {
    const slots = memory.slots;
    const last = lastChanged(cluster);
    for (let id = firstChanged(cluster); id <= last; id++) {
      const s = cluster.states[id];
      if (!s || s.role !== 'leader') {
        if (slots[id]) slots[id] = null;
        continue;
      }
      const log = s.log;
      const slot = slots[id];
      if (slot && slot.term === s.term && slot.length === log.length && slot.rewrites === s.logRewrites) {
        // Nothing appended (the common heartbeat case): only the last entry must be unchanged.
        const e = slot.length > 0 ? log[slot.length - 1] : null;
        if (e && (e.term !== slot.lastTerm || e.value !== slot.lastValue)) {
          report(
            `S${id}, leader of term ${s.term}, overwrote its entry at index ${slot.length}: ${describeValue(slot.lastValue)} of term ${slot.lastTerm} became ${describeValue(e.value)} of term ${e.term}`,
          );
        }
        continue;
      }
      if (slot && slot.term === s.term) {
        const who = `S${id}, leader of term ${s.term},`;
        if (log.length < slot.length) {
          report(`${who} shortened its log from ${slot.length} to ${log.length} entries`);
        } else if (s.logRewrites !== slot.rewrites) {
          report(`${who} deleted its entries from index ${s.logRewriteFrom} on`);
        } else if (slot.length > 0) {
          const e = log[slot.length - 1];
          if (e.term !== slot.lastTerm || e.value !== slot.lastValue) {
            report(
              `${who} overwrote its entry at index ${slot.length}: ${describeValue(slot.lastValue)} of term ${slot.lastTerm} became ${describeValue(e.value)} of term ${e.term}`,
            );
          }
        }
      }
      const last = log.length > 0 ? log[log.length - 1] : null;
      if (slot) {
        slot.term = s.term;
        slot.length = log.length;
        slot.lastTerm = last ? last.term : 0;
        slot.lastValue = last ? last.value : null;
        slot.rewrites = s.logRewrites;
      } else {
        slots[id] = {
          term: s.term,
          length: log.length,
          lastTerm: last ? last.term : 0,
          lastValue: last ? last.value : null,
          rewrites: s.logRewrites,
        };
      }
    }
  },
};
