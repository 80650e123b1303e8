import type { ExternalEvent } from '../sim/kernel/simulation';

/** One action the user took, and whether it was recorded into the scenario or a what-if. */
export interface LoggedAction {
  event: ExternalEvent;
  whatIf: boolean;
}

/**
 * The user's actions in the order taken, so the host can tell the recorded scenario (what Share,
 * Save and the editor show) from the run (which also has the what-if actions taken with Record
 * off). It mirrors the kernel's rule for acting in the past: user actions later than the new
 * one belong to the old future and are gone.
 */
export class ActionLog {
  private entries: LoggedAction[] = [];

  get all(): readonly LoggedAction[] {
    return this.entries;
  }

  get whatIfCount(): number {
    return this.entries.filter((e) => e.whatIf).length;
  }

  clear(): void {
    this.entries = [];
  }

  /**
   * `event` was just inserted by Simulation.act (as it recorded it, with `at` and `after`);
   * `runActions` are the run's actions after it. Logged actions the run no longer has were in
   * the old future that acting discarded.
   */
  add(event: ExternalEvent, whatIf: boolean, runActions: readonly ExternalEvent[]): void {
    const left = countByKey(runActions);
    const key = JSON.stringify(event);
    left.set(key, (left.get(key) ?? 0) - 1);
    this.entries = this.entries.filter((e) => take(left, JSON.stringify(e.event)));
    this.entries.push({ event, whatIf });
  }

  /** The entries as they are (the undo history keeps them to put them back). */
  snapshot(): LoggedAction[] {
    return this.entries.slice();
  }

  restore(entries: readonly LoggedAction[]): void {
    this.entries = entries.slice();
  }

  /** Forgets the what-if actions (Record turned back on); returns the recorded ones, in order. */
  dropWhatIf(): LoggedAction[] {
    this.entries = this.entries.filter((e) => !e.whatIf);
    return this.entries.slice();
  }

  /**
   * The run's actions (Simulation.actions(): scripted and user, in run order) less the what-if
   * ones: the recorded scenario's events. Equal events are interchangeable, so removing the
   * first equal one is exact.
   */
  recorded(runActions: readonly ExternalEvent[]): ExternalEvent[] {
    const pending = countByKey(this.entries.filter((e) => e.whatIf).map((e) => e.event));
    if (pending.size === 0) return runActions.slice();
    return runActions.filter((e) => !take(pending, JSON.stringify(e)));
  }
}

/** How many times each event (by its JSON) occurs. */
function countByKey(events: readonly ExternalEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) {
    const key = JSON.stringify(e);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Takes one of `key` from the counts; false when none is left. */
function take(counts: Map<string, number>, key: string): boolean {
  const left = counts.get(key) ?? 0;
  if (left <= 0) return false;
  counts.set(key, left - 1);
  return true;
}
