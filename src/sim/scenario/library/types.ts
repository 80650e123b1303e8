import type { ProtocolId, Scenario } from '../schema';

/** A string in every language the app speaks (English, 简体中文). */
export interface Localized {
  en: string;
  zh: string;
}

/** Sections of the scenario picker, in display order. */
export type LibraryGroupId = 'raft-basics' | 'raft-elections' | 'raft-partitions' | 'raft-safety' | 'zab' | 'gossip';

/**
 * What a library run shows at `until`, as data: who leads as the status line says it
 * ("S3/t2" for a Raft term, "S2/e1" for a ZooKeeper epoch; null when nobody leads; absent for
 * gossip, which has no leader), and the invariants the checkers report (empty for every safe
 * scenario; the unsafe twins name what they break). library.test.ts checks both, and more.
 */
export interface LibraryOutcome {
  leader?: string | null;
  violations: readonly string[];
}

export interface LibraryEntry {
  /** Kebab-case, unique, stable: the picker and links may name it. */
  id: string;
  protocol: ProtocolId;
  group: LibraryGroupId;
  /** Plain text. The scenario's own `title` and `description` stay English. */
  title: Localized;
  /** One short paragraph: what to watch for while it runs (plain text). */
  watch: Localized;
  scenario: Scenario;
  /** Virtual ms to run to see the outcome. */
  until: number;
  outcome: LibraryOutcome;
  /** The entry to compare with (the safe or unsafe twin, with or without a switch). */
  compare?: string;
}
