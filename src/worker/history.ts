import type { RunPosition, SavedActions } from '../sim/kernel/simulation';
import type { LoggedAction } from './actionLog';
import type { Branch } from './frame';
import type { TimelineSnapshot } from './timeline';

/** Everything one action changed, as it was before: what Undo puts back. */
export interface UndoEntry {
  actions: SavedActions;
  log: LoggedAction[];
  /** Where the view stood when the action was taken (Undo returns there). */
  position: RunPosition;
  /** Virtual time of the action: both histories agree before it. */
  actedAt: number;
  reached: RunPosition;
  timeline: TimelineSnapshot;
  branch: Branch | null;
  /** Whether the action went into the recorded scenario (Record on, or it discarded recorded ones). */
  changedRecording: boolean;
}

/** How many actions Undo can take back. */
export const UNDO_DEPTH = 50;

/** The actions of this run that can be undone, newest last. */
export class UndoHistory {
  private entries: UndoEntry[] = [];

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    if (this.entries.length > UNDO_DEPTH) this.entries.splice(0, this.entries.length - UNDO_DEPTH);
  }

  pop(): UndoEntry | undefined {
    return this.entries.pop();
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}
