import { RecordingIO as KernelRecordingIO } from '../../kernel/testing/recordingIO';
import { raftDefaults, resolveRaftParams, type RaftParams, type RaftParamsInput } from './params';
import { boot, initialPersisted } from './persistence';
import type { RaftMessage, RaftPersisted, RaftState } from './types';

/** A recording NodeIO for one Raft node, with Raft's parameters resolved over the defaults. */
export class RecordingIO extends KernelRecordingIO<RaftMessage, RaftParams> {
  constructor(id: number, nodeCount: number, params: RaftParamsInput = {}) {
    super(id, nodeCount, resolveRaftParams(params, raftDefaults));
  }
}

/** A node booted from a scenario-style `init` ({term, votedFor, log}). */
export function bootNode(
  id: number,
  nodeCount: number,
  init: { term?: number; votedFor?: number | null; log?: (number | { term: number; value: string })[] } = {},
  params: RaftParamsInput = {},
): { state: RaftState; io: RecordingIO; persisted: RaftPersisted } {
  const io = new RecordingIO(id, nodeCount, params);
  const persisted = initialPersisted(id, init, io.params);
  const state = boot(structuredClone(persisted), io);
  return { state, io, persisted };
}

export { loadExample } from '../../testing/examples';
