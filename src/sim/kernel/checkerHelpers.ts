import type { ClusterSnapshot } from './protocol';

/**
 * Per-node counters in checker memory, as packed number arrays sized on first use (checkers
 * run after every event, so their memory reads must stay cheap). Index 0 is unused.
 */
export function perNode(array: number[], nodeCount: number, initial: number): number[] {
  while (array.length <= nodeCount) array.push(initial);
  return array;
}

/**
 * The ids whose state the last event can have changed are firstChanged..lastChanged: only the
 * node that handled it (a node's handlers touch only its own state), or everyone after an
 * external action such as a crash, restart or resume (the kernel's `touched` is 0 then). This
 * keeps every checker O(1) per message or timer, however large the cluster.
 */
export function firstChanged(cluster: ClusterSnapshot<unknown>): number {
  return cluster.touched > 0 ? cluster.touched : 1;
}

export function lastChanged(cluster: ClusterSnapshot<unknown>): number {
  return cluster.touched > 0 ? cluster.touched : cluster.nodeCount;
}
