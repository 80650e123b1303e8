import { pathToFileURL } from 'node:url';
import { fuzzOne } from '../src/sim/fuzz/runner';
import type { ExternalEvent } from '../src/sim/kernel/simulation';
import { Simulation } from '../src/sim/kernel/simulation';
import { raftProtocol } from '../src/sim/protocols/raft';
import { raftFuzzTarget } from '../src/sim/protocols/raft/fuzzTarget';
import { median, type BenchResult } from './stats';

/** `npm run bench` format (BenchResult: median over `samples`, in ms) plus the raw figures. */
export interface RaftBenchResult extends BenchResult {
  /** Wall time of each repetition, ms (the same as `samples`). */
  wallMs: number[];
  virtualMs: number;
  nodes: number;
  requests: number;
  /** Kernel events processed in one repetition. */
  events: number;
  committed: number;
  violations: number;
}

const NODES = 5;
const VIRTUAL_MS = 3_600_000;
const REQUEST_EVERY_MS = 100;
const REPETITIONS = 5;

/**
 * One hour of virtual time on 5 nodes with a client write every 100 ms (36,000 writes), all
 * five checkers on, no trace kept. S1 is made to time out at once so it leads and takes the
 * writes directly; the log ends ~36,000 entries long, so anything that scans the whole log per
 * heartbeat or per check shows up here.
 */
export function benchRaft(): RaftBenchResult {
  const events: ExternalEvent[] = [{ at: 0, do: 'timeout', node: 1 }];
  for (let at = REQUEST_EVERY_MS; at <= VIRTUAL_MS; at += REQUEST_EVERY_MS) {
    events.push({ at, do: 'request', node: 1, value: `x=${at / REQUEST_EVERY_MS}` });
  }
  const wallMs: number[] = [];
  let last: Simulation | null = null;
  for (let r = 0; r < REPETITIONS; r++) {
    const start = performance.now();
    const sim = new Simulation(raftProtocol, { nodes: NODES, seed: 1, events });
    sim.runUntil(VIRTUAL_MS);
    wallMs.push(performance.now() - start);
    last = sim;
  }
  const sim = last as Simulation;
  const leader = raftProtocol.leader?.(sim.snapshot() as Parameters<NonNullable<typeof raftProtocol.leader>>[0]);
  const committed = leader ? (sim.nodeViews()[leader.id - 1].commitIndex as number) : 0;
  const rounded = wallMs.map((ms) => Math.round(ms));
  return {
    name: 'raft: 5 nodes, 1 h virtual, a write every 100 ms',
    median: median(rounded),
    unit: 'ms wall',
    samples: rounded,
    target: '≤ 1,000 ms',
    extra: { events: sim.events, committed, violations: sim.violations.length },
    wallMs: rounded,
    virtualMs: VIRTUAL_MS,
    nodes: NODES,
    requests: events.length - 1,
    events: sim.events,
    committed,
    violations: sim.violations.length,
  };
}

export interface RaftFuzzBenchResult extends BenchResult {
  runs: number;
  firstSeed: number;
  wallMs: number;
  events: number;
  /** Seeds that broke an invariant or did not settle after the heal. */
  failedSeeds: number[];
}

/**
 * More swarm seeds than the test suite's 500 (seeds 501 and up, so the two never overlap).
 * Any failing seed reproduces with `fuzz --protocol raft --seed <seed> --runs 1`.
 */
export function benchRaftFuzz(runs = 5000, firstSeed = 501): RaftFuzzBenchResult {
  const failedSeeds: number[] = [];
  let events = 0;
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const one = fuzzOne(raftFuzzTarget, firstSeed + i);
    events += one.events;
    if (one.failure) failedSeeds.push(firstSeed + i);
  }
  const wallMs = Math.round(performance.now() - start);
  return {
    name: `raft fuzz: ${runs} swarm seeds from ${firstSeed}`,
    median: wallMs,
    unit: 'ms wall',
    samples: [wallMs],
    target: 'no failed seed',
    extra: { events, failed: failedSeeds.length === 0 ? 'none' : failedSeeds.join(' ') },
    runs,
    firstSeed,
    wallMs,
    events,
    failedSeeds,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(benchRaft(), null, 2));
  console.log(JSON.stringify(benchRaftFuzz(), null, 2));
}
