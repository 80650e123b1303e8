import type { TraceEvent } from '../sim/kernel/trace';
import type { RoleTransition } from './frame';

/** One state change of the tracked field, numbered as the trace numbers its event. */
interface Change {
  index: number;
  /** What changed: a node (its role or state), or for gossip an observer's entry of a member. */
  key: number;
  to: string | null;
  at: number;
  node: number;
  observer?: number;
}

/** Changes kept for rewinds (one per role change: small, and bounded all the same). */
const MAX_CHANGES = 50_000;

/**
 * Follows the trace's `state` events of one field (Raft `role`, ZAB `state`, gossip `members`)
 * and remembers each node's last transition, for the statechart's highlighted edge. It keeps its
 * own short history of changes, so a rewind (the kernel replaying from a checkpoint) puts the
 * transitions back as they were at that point, however far back it is.
 */
export class RoleTracker {
  private changes: Change[] = [];
  private current = new Map<number, string | null>();
  private last = new Map<number, RoleTransition>();
  private listed: RoleTransition[] | null = null;

  /** `perMember`: gossip's field is a member table entry ({node, status}) of the observer. */
  constructor(
    private readonly field: string,
    private readonly perMember: boolean,
  ) {}

  /** A trace event numbered `index`. */
  onEvent(e: TraceEvent, index: number): void {
    if (e.k !== 'state') return;
    if (this.perMember) {
      if (e.field !== this.field) return;
      const { node: member, status } = e.value as { node: number; status: string };
      this.apply({ index, key: e.node * 65536 + member, to: status, at: e.t, node: member, observer: e.node });
    } else if (e.field === 'up' && e.value === false) {
      this.apply({ index, key: e.node, to: null, at: e.t, node: e.node });
    } else if (e.field === this.field) {
      this.apply({ index, key: e.node, to: String(e.value), at: e.t, node: e.node });
    }
  }

  /** Events from number `index` on are being rewritten: what they changed is undone. */
  rewind(index: number): void {
    let keep = this.changes.length;
    while (keep > 0 && this.changes[keep - 1].index >= index) keep--;
    if (keep === this.changes.length) return;
    const kept = this.changes.slice(0, keep);
    this.clear();
    for (const change of kept) this.apply(change);
  }

  clear(): void {
    this.changes = [];
    this.current = new Map();
    this.last = new Map();
    this.listed = null;
  }

  /** The last transition of each node; the same array while nothing changed (frames send it only then). */
  list(): RoleTransition[] {
    this.listed ??= [...this.last.values()].sort((a, b) => a.node - b.node);
    return this.listed;
  }

  private apply(change: Change): void {
    this.changes.push(change);
    if (this.changes.length > MAX_CHANGES * 1.25) this.changes.splice(0, this.changes.length - MAX_CHANGES);
    // Gossip members up at time 0 start with everyone alive in their table, which the trace does not repeat.
    const from = this.current.get(change.key) ?? (this.perMember ? 'alive' : null);
    this.current.set(change.key, change.to);
    if (change.to === null || from === change.to) return;
    const transition: RoleTransition = { node: change.node, from, to: change.to, at: change.at };
    if (change.observer !== undefined) transition.observer = change.observer;
    this.last.set(change.node, transition);
    this.listed = null;
  }
}
