import { RandomStream } from '../kernel/prng';
import type { Scenario, ScenarioEvent } from '../scenario/schema';
import type { FuzzTarget } from './target';

export type PartitionMode = 'none' | 'symmetric' | 'asymmetric' | 'isolate';

export interface SwarmRun {
  scenario: Scenario;
  /** When the faults stop: heal, restart and resume everything, network made clean. */
  healAt: number;
  mode: PartitionMode;
}

/**
 * Swarm testing (as TigerBeetle's VOPR): each seed draws its own cluster size, latency, loss,
 * duplication, partition mode and fault mix, then a healed phase follows the faulty one.
 */
export function swarmRun(target: FuzzTarget, seed: number): SwarmRun {
  const rng = RandomStream.derive(seed, 'fuzz');
  const nodes = rng.int(target.sizes[0], target.sizes[1]);
  const latencyMin = rng.int(1, 20);
  const latency: [number, number] = [latencyMin, latencyMin + rng.int(0, 60)];
  const loss = rng.pick([0, 0, 0.01, 0.05, 0.1]);
  const duplicate = rng.pick([0, 0, 0.01, 0.05]);
  const mode = rng.pick<PartitionMode>(['none', 'symmetric', 'asymmetric', 'isolate']);
  const healAt = rng.int(2000, 6000);
  const faultCount = rng.int(1, 8);

  const faults: ScenarioEvent[] = [];
  const down = new Set<number>();
  const paused = new Set<number>();
  const times = Array.from({ length: faultCount }, () => rng.int(100, healAt - 100)).sort((a, b) => a - b);
  for (const at of times) {
    const node = rng.int(1, nodes);
    switch (rng.int(0, 5)) {
      case 0:
        if (down.has(node)) {
          faults.push({ at, do: 'restart', node });
          down.delete(node);
        } else {
          faults.push({ at, do: 'crash', node });
          down.add(node);
          paused.delete(node);
        }
        break;
      case 1:
        if (down.has(node)) break;
        if (paused.has(node)) {
          faults.push({ at, do: 'resume', node });
          paused.delete(node);
        } else {
          faults.push({ at, do: 'pause', node });
          paused.add(node);
        }
        break;
      case 2:
        faults.push({ at, do: 'timeout', node });
        break;
      default:
        faults.push(...networkFault(rng, mode, nodes, at));
    }
  }

  const workload = target.workload?.(rng, nodes, 0, healAt) ?? [];
  const nemesis = target.nemesis?.(RandomStream.derive(seed, 'fuzz', 1), nodes, 100, healAt - 100) ?? { events: [] };
  const quiet = nemesis.quiet;
  const loud = (e: ScenarioEvent) => !quiet || e.at < quiet[0] || e.at > quiet[1];
  const heal: ScenarioEvent[] = [
    { at: healAt, do: 'heal' },
    { at: healAt, do: 'set', network: { loss: 0, duplicate: 0 } },
    ...[...down].sort((a, b) => a - b).map((node): ScenarioEvent => ({ at: healAt, do: 'restart', node })),
    ...[...paused].sort((a, b) => a - b).map((node): ScenarioEvent => ({ at: healAt, do: 'resume', node })),
  ];
  // A fault left out of a quiet span may leave a node down or paused until the heal (which brings it back).
  const events = [...faults.filter(loud), ...workload.filter(loud), ...nemesis.events].sort((a, b) => a.at - b.at).concat(heal);
  const params = target.params?.(rng, nodes);
  const scenario = {
    version: 1,
    protocol: target.protocol,
    title: `fuzz ${target.protocol} seed ${seed}`,
    description: `swarm run: ${nodes} nodes, latency ${latency.join('–')} ms, loss ${loss}, duplicate ${duplicate}, partitions ${mode}, faults until ${healAt} ms`,
    seed,
    nodes,
    network: { latency, loss, duplicate },
    ...(params ? { params } : {}),
    events,
  } as Scenario;
  return { scenario, healAt, mode };
}

function networkFault(rng: RandomStream, mode: PartitionMode, nodes: number, at: number): ScenarioEvent[] {
  if (mode === 'none' || nodes < 2) return [];
  if (rng.int(0, 3) === 0) return [{ at, do: 'heal' }];
  if (mode === 'isolate') return [{ at, do: 'partition', groups: [[rng.int(1, nodes)]] }];
  if (mode === 'asymmetric') {
    const from = rng.int(1, nodes);
    let to = rng.int(1, nodes - 1);
    if (to >= from) to++;
    return [{ at, do: 'cut', from, to }];
  }
  const ids = rng.shuffle(Array.from({ length: nodes }, (_, i) => i + 1));
  const split = rng.int(1, nodes - 1);
  return [{ at, do: 'partition', groups: [ids.slice(0, split).sort((a, b) => a - b)] }];
}
