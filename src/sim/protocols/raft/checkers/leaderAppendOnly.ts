import type { Checker } from '../../../kernel/protocol';
import { describeValue } from '../log';
import type { LogEntry, RaftState } from '../types';
import { firstChanged, lastChanged } from '../../../kernel/checkerHelpers';
import { scanRanges } from './logScan';

interface Slot {
  /** The term the node leads. */
  term: number;
  /** Its log as the checker last saw it in that term: entry i's term and value at [i - 1]. */
  terms: number[];
  values: (string | null)[];
}

interface Memory {
  /** slots[id]: node id's log while it leads, or null when it does not. */
  slots: (Slot | null)[];
}

function copyOf(term: number, log: readonly LogEntry[]): Slot {
  return { term, terms: log.map((e) => e.term), values: log.map((e) => e.value) };
}

/** The first index in from..to where the log differs from the copy, or null. */
function firstChange(log: readonly LogEntry[], slot: Slot, from: number, to: number): number | null {
  for (let i = from; i <= to; i++) {
    const e = log[i - 1];
    if (e.term !== slot.terms[i - 1] || e.value !== slot.values[i - 1]) return i;
  }
  return null;
}

/**
 * Raft §5.3, Leader Append-Only: a leader never overwrites or deletes entries in its log; it only
 * appends. The checker keeps its own copy of each leader's log from the moment it became leader
 * and compares the log with it after every event at that node (all of it in logs of up to 32
 * entries, else the newest; see logScan.ts), so no bookkeeping of the node's own is trusted.
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
      if (!slot || slot.term !== s.term) {
        slots[id] = copyOf(s.term, log);
        continue;
      }
      const who = `S${id}, leader of term ${s.term},`;
      const had = slot.terms.length;
      let intact = true;
      if (log.length < had) {
        report(`${who} shortened its log from ${had} to ${log.length} entries`);
        intact = false;
      }
      const { olderFrom, olderTo, tailFrom, tailTo } = scanRanges(Math.min(had, log.length), null, id);
      const changed = firstChange(log, slot, olderFrom, olderTo) ?? firstChange(log, slot, tailFrom, tailTo);
      if (changed !== null) {
        const e = log[changed - 1];
        report(`${who} overwrote its entry at index ${changed}: ${describeValue(slot.values[changed - 1])} of term ${slot.terms[changed - 1]} became ${describeValue(e.value)} of term ${e.term}`);
        intact = false;
      }
      if (!intact) {
        // Reported once; from here on, changes to the log as it is now are what count.
        slots[id] = copyOf(s.term, log);
        continue;
      }
      for (let i = had; i < log.length; i++) {
        slot.terms.push(log[i].term);
        slot.values.push(log[i].value);
      }
    }
  },
};
