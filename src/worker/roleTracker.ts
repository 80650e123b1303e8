import type { TraceEvent } from '../sim/kernel/trace';
import type { RoleTransition } from './frame';

/**
 * Follows the trace's `state` events of one field (Raft `role`, ZAB `state`, gossip `members`)
 * and remembers each node's last transition, for the statechart's highlighted edge.
 */
export class RoleTracker {
  private readonly current = new Map<number, string | null>();
  private readonly last = new Map<number, RoleTransition>();

  /** `perMember`: gossip's field is a member table entry ({node, status}) of the observer. */
  constructor(
    private readonly field: string,
    private readonly perMember: boolean,
  ) {}

  onEvent(e: TraceEvent): void {
    if (e.k !== 'state') return;
    if (this.perMember) {
      if (e.field !== this.field) return;
      const { node: member, status } = e.value as { node: number; status: string };
      const key = e.node * 65536 + member;
      // Members up at time 0 start with everyone alive in their table, which the trace does not repeat.
      const from = this.current.get(key) ?? 'alive';
      this.current.set(key, status);
      if (from !== status) this.last.set(member, { node: member, from, to: status, at: e.t, observer: e.node });
      return;
    }
    if (e.field === 'up' && e.value === false) {
      this.current.set(e.node, null);
    } else if (e.field === this.field) {
      const to = String(e.value);
      const from = this.current.get(e.node) ?? null;
      this.current.set(e.node, to);
      if (from !== to) this.last.set(e.node, { node: e.node, from, to, at: e.t });
    }
  }

  rebuild(events: readonly TraceEvent[]): void {
    this.clear();
    for (const e of events) this.onEvent(e);
  }

  clear(): void {
    this.current.clear();
    this.last.clear();
  }

  list(): RoleTransition[] {
    return [...this.last.values()].sort((a, b) => a.node - b.node);
  }
}
