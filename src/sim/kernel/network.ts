import type { RandomStream } from './prng';

/** The network settings of a scenario (Contract 1): latency in ms, probabilities in [0, 1]. */
export interface NetworkSettings {
  latency: [number, number];
  loss: number;
  duplicate: number;
}

export const defaultNetwork: NetworkSettings = { latency: [10, 30], loss: 0, duplicate: 0 };

export interface NetworkSnapshot {
  settings: NetworkSettings;
  groupOf: number[];
  cuts: number[];
}

export type DropReason = 'loss' | 'partition' | 'cut' | 'down' | 'crashed' | 'user';

/**
 * Links, partitions and one-way cuts. A link from→to is up when both ends are in the same
 * partition group and the direction is not cut. Messages already in flight are checked again on
 * delivery, so cutting a link loses what was on it.
 */
export class Network {
  settings: NetworkSettings;
  /** groupOf[id] = partition group of node id (index 0 unused); all zero when healed. */
  private groupOf: number[];
  /** Cut directions as from * 65536 + to. */
  private cuts = new Set<number>();

  constructor(
    private readonly nodeCount: number,
    settings: NetworkSettings,
  ) {
    this.settings = { ...settings, latency: [settings.latency[0], settings.latency[1]] };
    this.groupOf = new Array<number>(nodeCount + 1).fill(0);
  }

  /** Why from→to cannot carry a message now, or null when the link is up. */
  blocked(from: number, to: number): DropReason | null {
    if (this.groupOf[from] !== this.groupOf[to]) return 'partition';
    if (this.cuts.size > 0 && this.cuts.has(from * 65536 + to)) return 'cut';
    return null;
  }

  /**
   * Draws one message's fate: how many copies arrive (0 when lost, 2 when duplicated), with
   * their latencies written to out[0] and out[1].
   */
  transit(rng: RandomStream, out: Float64Array): number {
    const s = this.settings;
    if (rng.chance(s.loss)) return 0;
    out[0] = rng.int(s.latency[0], s.latency[1]);
    if (!rng.chance(s.duplicate)) return 1;
    out[1] = rng.int(s.latency[0], s.latency[1]);
    return 2;
  }

  /** Splits the cluster: links between different groups are cut both ways; unlisted nodes form one more group. */
  partition(groups: readonly (readonly number[])[]): void {
    const rest = groups.length + 1;
    this.groupOf.fill(rest);
    groups.forEach((members, g) => {
      for (const id of members) this.groupOf[id] = g + 1;
    });
    this.groupOf[0] = 0;
  }

  cut(from: number, to: number): void {
    this.cuts.add(from * 65536 + to);
  }

  heal(): void {
    this.groupOf.fill(0);
    this.cuts.clear();
  }

  update(patch: Partial<NetworkSettings>): void {
    this.settings = {
      latency: patch.latency ? [patch.latency[0], patch.latency[1]] : this.settings.latency,
      loss: patch.loss ?? this.settings.loss,
      duplicate: patch.duplicate ?? this.settings.duplicate,
    };
  }

  /** The current partition as groups of node ids (one group when healed), and the one-way cuts. */
  describe(): { groups: number[][]; cuts: [number, number][] } {
    const byGroup = new Map<number, number[]>();
    for (let id = 1; id <= this.nodeCount; id++) {
      const g = this.groupOf[id];
      let list = byGroup.get(g);
      if (!list) byGroup.set(g, (list = []));
      list.push(id);
    }
    const groups = [...byGroup.entries()].sort((x, y) => x[0] - y[0]).map(([, ids]) => ids);
    const cuts = [...this.cuts].sort((x, y) => x - y).map((k): [number, number] => [Math.floor(k / 65536), k % 65536]);
    return { groups, cuts };
  }

  snapshot(): NetworkSnapshot {
    return {
      settings: { ...this.settings, latency: [this.settings.latency[0], this.settings.latency[1]] },
      groupOf: [...this.groupOf],
      cuts: [...this.cuts],
    };
  }

  restore(s: NetworkSnapshot): void {
    this.settings = { ...s.settings, latency: [s.settings.latency[0], s.settings.latency[1]] };
    this.groupOf = [...s.groupOf];
    this.cuts = new Set(s.cuts);
  }
}
