/**
 * Which entries of a node's log a checker compares on one check. The checkers see only the
 * nodes' states (no counters or change flags kept by the node, which a buggy node would not keep
 * right), so finding what changed in a log means comparing it with what the checker remembers.
 * Comparing the whole log after every event would make a run quadratic in its log length (an
 * hour of writes every 100 ms: a 36,000-entry log took minutes instead of a second), so a check
 * compares:
 *
 * - every entry, when there are at most FULL_SCAN_ENTRIES of them (the library's scenarios and
 *   fuzz runs): any change is seen at the event that made it;
 * - otherwise the newest TAIL_ENTRIES (where a correct log changes) and, for a checker that
 *   passes a cursor (Committed Durability: deep in a long log, entries are committed),
 *   ROTATING_ENTRIES of the older ones, the next ones in turn each check, so a change deep in a
 *   long log is reported within length / ROTATING_ENTRIES checks of that node.
 */
export const FULL_SCAN_ENTRIES = 32;
export const TAIL_ENTRIES = 8;
export const ROTATING_ENTRIES = 8;

/** The indices one check compares: olderFrom..olderTo (none when olderTo < olderFrom), then tailFrom..tailTo. */
export interface ScanRanges {
  olderFrom: number;
  olderTo: number;
  tailFrom: number;
  tailTo: number;
}

// One object reused by every call (the checkers run after every event): read it before the next call.
const ranges: ScanRanges = { olderFrom: 1, olderTo: 0, tailFrom: 1, tailTo: 0 };

/**
 * The indices among 1..`upTo` this check compares, in ascending order. `cursor[id]` is where node
 * id's rotating window starts (null: no rotating window); it lives in the checker's memory, so
 * runs stay deterministic across checkpoints.
 */
export function scanRanges(upTo: number, cursor: number[] | null, id: number): ScanRanges {
  if (upTo <= FULL_SCAN_ENTRIES) {
    ranges.olderFrom = 1;
    ranges.olderTo = 0;
    ranges.tailFrom = 1;
    ranges.tailTo = upTo;
    return ranges;
  }
  const older = upTo - TAIL_ENTRIES;
  ranges.tailFrom = older + 1;
  ranges.tailTo = upTo;
  if (cursor === null) {
    ranges.olderFrom = 1;
    ranges.olderTo = 0;
    return ranges;
  }
  let from = cursor[id] ?? 1;
  if (from < 1 || from > older) from = 1;
  const to = Math.min(older, from + ROTATING_ENTRIES - 1);
  cursor[id] = to >= older ? 1 : to + 1;
  ranges.olderFrom = from;
  ranges.olderTo = to;
  return ranges;
}
