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

/** One instant of a library run worth looking at: a marker on the timeline ("S3 wins term 1"). */
export interface LibraryMoment {
  /** Virtual ms of the moment: the state after every event at or before `at`. */
  at: number;
  /** A few words (at most about 60 characters), plain text, in both languages. */
  label: Localized;
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
  /** What to look at on the way, as timeline markers: in time order, each at or before `until`. */
  moments: readonly LibraryMoment[];
  /** The entry to compare with (the safe or unsafe twin, with or without a switch). */
  compare?: string;
}
