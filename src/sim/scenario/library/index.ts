import { gossipLibrary } from './gossip';
import { raftLibrary } from './raft';
import type { LibraryEntry, LibraryGroupId, Localized } from './types';
import { zabLibrary } from './zab';

export type { LibraryEntry, LibraryGroupId, LibraryMoment, LibraryOutcome, Localized } from './types';

/**
 * The built-in scenarios, in picker order: Raft (its first entry is the app's default
 * scenario), ZooKeeper, gossip. Each scenario is validated the first time it is read (load.ts).
 */
export const scenarioLibrary: LibraryEntry[] = [...raftLibrary, ...zabLibrary, ...gossipLibrary];

/** The picker's section headings, in display order. */
export const libraryGroups: readonly { id: LibraryGroupId; title: Localized }[] = [
  { id: 'raft-basics', title: { en: 'Raft: elections and replication', zh: 'Raft：选举与日志复制' } },
  { id: 'raft-elections', title: { en: 'Raft: vote ties and PreVote', zh: 'Raft：平票与 PreVote' } },
  { id: 'raft-partitions', title: { en: 'Raft: split brain and stale leaders', zh: 'Raft：脑裂与过期 Leader' } },
  { id: 'raft-safety', title: { en: 'Raft: safety, and unsafe switches', zh: 'Raft：安全性与不安全开关' } },
  { id: 'zab', title: { en: 'ZooKeeper (ZAB)', zh: 'ZooKeeper（ZAB）' } },
  { id: 'gossip', title: { en: 'Gossip and SWIM', zh: 'Gossip 与 SWIM' } },
];

export function findLibraryEntry(id: string): LibraryEntry | undefined {
  return scenarioLibrary.find((e) => e.id === id);
}
