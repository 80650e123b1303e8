import { Simulation } from '../src/sim/kernel/simulation';
import { floodProtocol } from '../src/sim/protocols/flood/flood';
import { median, timeMs, type BenchResult } from './stats';

const REPEATS = 5;

/** Kernel throughput: flooding over 10,000 nodes, trace hashing on, trace storage off. */
export function benchKernelThroughput(): BenchResult {
  const samples: number[] = [];
  let events = 0;
  for (let i = 0; i < REPEATS; i++) {
    const sim = new Simulation(floodProtocol, { nodes: 10_000, seed: 1 + i, network: { latency: [5, 50] }, params: { interval: 1000, fanout: 2, ttl: 3 } });
    const ms = timeMs(() => sim.runUntil(10_000));
    events = sim.events;
    samples.push(sim.events / (ms / 1000));
  }
  return { name: 'kernel flood 10,000 nodes, 10 s virtual', median: median(samples), unit: 'events/s', samples, target: '≥ 1,000,000 events/s', extra: { events } };
}

/** Seek in a long run: 50 nodes flooding for 60 s of virtual time, checkpoints every 2,000 events. */
export function benchSeek(): BenchResult {
  const sim = new Simulation(floodProtocol, { nodes: 50, seed: 7, network: { latency: [5, 50] }, params: { interval: 100 } }, { checkpointEvery: 2000 });
  const runMs = timeMs(() => sim.runUntil(60_000));
  const targets = [1_000, 59_000, 30_000, 45_000, 12_345];
  const samples = targets.map((t) => timeMs(() => sim.seek(t)));
  return {
    name: 'seek in a 60 s run of 50 nodes',
    median: median(samples),
    unit: 'ms per seek',
    samples,
    extra: { events: sim.events, checkpoints: sim.checkpointCount, 'full run ms': runMs },
  };
}
