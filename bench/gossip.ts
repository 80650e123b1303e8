import { createSimulation } from '../src/sim/create';
import type { Simulation } from '../src/sim/kernel/simulation';
import { parseScenario } from '../src/sim/scenario/validate';
import { median } from './stats';

/**
 * Gossip benchmarks (`npm run bench`): each runs 5 repetitions with different seeds, no trace
 * kept, no checkpoints, checkers on (as a CLI run has them), and reports wall time per run.
 * Memory is the process's peak RSS seen after each run and the heap in use after the last one.
 */
export interface GossipBenchResult {
  name: string;
  /** Wall time of each repetition, ms. */
  wallMs: number[];
  median: number;
  unit: 'ms';
  /** The same as wallMs, for bench/stats.ts formatResult. */
  samples: number[];
  target: string;
  extra: Record<string, number | string>;
}

const REPETITIONS = 5;

function simulate(json: unknown): Simulation {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return createSimulation(parsed.scenario);
}

function memoryMb(): { rss: number; heap: number } {
  const m = process.memoryUsage();
  return { rss: Math.round(m.rss / 1e6), heap: Math.round(m.heapUsed / 1e6) };
}

// The metrics are plain JSON read loosely here.
type Metrics = Record<string, unknown> & { failures?: Record<string, number | null>[] };

/** Runs one scenario per seed 1..REPETITIONS to `untilMs`, timing each run and tracking memory. */
function repeatRuns(
  scenarioForSeed: (seed: number) => unknown,
  untilMs: number,
  check: (metrics: Metrics, seed: number) => void = () => {},
): { wallMs: number[]; last: Metrics; events: number; peakRss: number } {
  const wallMs: number[] = [];
  let peakRss = 0;
  let last: Metrics = {};
  let events = 0;
  for (let seed = 1; seed <= REPETITIONS; seed++) {
    const sim = simulate(scenarioForSeed(seed));
    const start = performance.now();
    sim.runUntil(untilMs);
    wallMs.push(performance.now() - start);
    last = sim.protocol.metrics?.(sim.snapshot()) ?? {};
    check(last, seed);
    events = sim.events;
    peakRss = Math.max(peakRss, memoryMb().rss);
  }
  return { wallMs, last, events, peakRss };
}

/** Rumor mode: 10,000 nodes, push, fanout 3, from one rumor until the run goes quiet (convergence plus the last retransmissions). */
export function benchRumor10k(): GossipBenchResult {
  const { wallMs, last, events, peakRss } = repeatRuns(
    (seed) => ({
      version: 1,
      protocol: 'gossip',
      seed,
      nodes: 10_000,
      params: { mode: 'rumor', spread: 'push', fanout: 3 },
      events: [{ at: 100, do: 'rumor', node: 1 }],
    }),
    60_000,
    (metrics, seed) => {
      if (metrics.convergedAt === null) throw new Error(`rumor did not converge (seed ${seed})`);
    },
  );
  return {
    name: 'gossip rumor 10,000 nodes to convergence',
    wallMs,
    median: median(wallMs),
    unit: 'ms',
    samples: wallMs,
    target: '≤ 1,000 ms, < 500 MB',
    extra: {
      events,
      'rounds to converge (last run)': Number(last.roundsToConverge),
      'messages per node': Number(last.messagesPerNode),
      'peak RSS MB': peakRss,
      'heap MB': memoryMb().heap,
    },
  };
}

/** SWIM: 1,000 nodes, memberlist LAN defaults, 60 s of virtual time, one crash at 10 s. */
export function benchSwim1k(): GossipBenchResult {
  const { wallMs, last, events, peakRss } = repeatRuns(
    (seed) => ({
      version: 1,
      protocol: 'gossip',
      seed,
      nodes: 1000,
      network: { latency: [5, 20] },
      params: { mode: 'swim' },
      events: [{ at: 10_000, do: 'crash', node: 500 }],
    }),
    60_000,
  );
  const failure = last.failures?.[0] ?? {};
  return {
    name: 'gossip SWIM 1,000 nodes, 60 s virtual',
    wallMs,
    median: median(wallMs),
    unit: 'ms',
    samples: wallMs,
    target: '≤ 2,000 ms, < 500 MB',
    extra: {
      events,
      'crash → all know dead ms (last run)': Number(failure.allLiveMembersKnowAt ?? NaN) - 10_000,
      'messages/node/s': Number(last.messagesPerNodePerSecond),
      'bytes/node/s': Number(last.bytesPerNodePerSecond),
      'peak RSS MB': peakRss,
      'heap MB': memoryMb().heap,
    },
  };
}
