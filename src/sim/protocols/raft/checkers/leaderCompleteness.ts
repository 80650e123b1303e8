import type { Checker, ClusterSnapshot } from '../../../kernel/protocol';
import { describeValue } from '../log';
import type { RaftState } from '../types';
import { firstChanged, lastChanged, perNode } from '../../../kernel/checkerHelpers';

interface Memory {
  /** The committed entry at each index (term, value) and the term it was committed in; index 0 unused. */
  term: number[];
  value: (string | null)[];
  committedIn: number[];
  /** seen[id]: node id's commitIndex at the last check. */
  seen: number[];
  /** checkedAsLeader[id]: the term in which node id's leadership was last checked (0: none). */
  checkedAsLeader: number[];
}

function lacks(s: RaftState, memory: Memory, i: number): boolean {
  const e = s.log[i - 1];
  return e === undefined || e.term !== memory.term[i] || e.value !== memory.value[i];
}

function describe(memory: Memory, i: number): string {
  return `the entry committed at index ${i} (${describeValue(memory.value[i])}, term ${memory.term[i]}, committed in term ${memory.committedIn[i]})`;
}

/**
 * Raft §5.4, Leader Completeness: if an entry is committed in a given term, it is in the log of
 * every leader of a higher term. An entry counts as committed in the term of the first server
 * seen to commit it (the leader that did). Checked when a leader takes office (against every
 * entry committed so far) and when an entry is newly committed (against the live leaders);
 * Leader Append-Only covers the time in between.
 */
export const leaderCompleteness: Checker<RaftState, Memory> = {
  invariant: 'Leader Completeness',
  init: () => ({ term: [0], value: [null], committedIn: [0], seen: [], checkedAsLeader: [] }),
  check(cluster, memory, report) {
    const n = cluster.nodeCount;
    const seen = perNode(memory.seen, n, 0);
    const checkedAsLeader = perNode(memory.checkedAsLeader, n, 0);
    const last = lastChanged(cluster);
    for (let id = firstChanged(cluster); id <= last; id++) {
      const s = cluster.states[id];
      if (!s) continue;
      if (s.commitIndex !== seen[id]) {
        const upTo = Math.min(s.commitIndex, s.log.length);
        for (let i = memory.term.length; i <= upTo; i++) {
          const e = s.log[i - 1];
          memory.term.push(e.term);
          memory.value.push(e.value);
          memory.committedIn.push(s.term);
          checkLeaders(cluster, memory, i, report);
        }
        seen[id] = s.commitIndex;
      }
      if (s.role === 'leader' && checkedAsLeader[id] !== s.term) {
        checkedAsLeader[id] = s.term;
        for (let i = 1; i < memory.term.length; i++) {
          if (memory.committedIn[i] < s.term && lacks(s, memory, i)) {
            report(`S${id} became leader of term ${s.term} without ${describe(memory, i)}`);
            break;
          }
        }
      }
    }
  },
};

function checkLeaders(cluster: ClusterSnapshot<RaftState>, memory: Memory, i: number, report: (message: string) => void): void {
  for (let id = 1; id <= cluster.nodeCount; id++) {
    const s = cluster.states[id];
    if (s && s.role === 'leader' && s.term > memory.committedIn[i] && lacks(s, memory, i)) {
      report(`S${id} leads term ${s.term} without ${describe(memory, i)}`);
    }
  }
}
