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

  /** `event` was just inserted by Simulation.act (in its canonical form, at its time). */
  add(event: ExternalEvent, whatIf: boolean): void {
    this.entries = this.entries.filter((e) => e.event.at <= event.at);
    this.entries.push({ event, whatIf });
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
    const pending = new Map<string, number>();
    for (const e of this.entries) {
      if (!e.whatIf) continue;
      const key = JSON.stringify(e.event);
      pending.set(key, (pending.get(key) ?? 0) + 1);
    }
    if (pending.size === 0) return runActions.slice();
    return runActions.filter((e) => {
      const key = JSON.stringify(e);
      const left = pending.get(key) ?? 0;
      if (left === 0) return true;
      pending.set(key, left - 1);
      return false;
    });
  }
}
