import { uniformInt } from 'pure-rand/distribution/uniformInt';
import {
  xoroshiro128plus,
  xoroshiro128plusFromState,
} from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/** Stream families. Each node has its own stream so that adding a node never shifts another's draws. */
export const StreamTag = {
  network: 1,
  node: 2,
  workload: 3,
  fuzz: 4,
} as const;
export type StreamTagName = keyof typeof StreamTag;

/** 32-bit avalanche (murmur3 fmix32). */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Derives the seed of one stream from the scenario seed. The derivation depends only on
 * (seed, family, index), never on how many other streams exist (TigerBeetle's sub-seeds).
 */
export function deriveSeed(seed: number, tag: StreamTagName, index = 0): number {
  let h = fmix32((seed >>> 0) ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(StreamTag[tag], 0x27d4eb2f));
  h = fmix32(h ^ Math.imul(index + 1, 0x165667b1));
  return h;
}

/** A seeded random stream: the only source of randomness in the simulation. */
export class RandomStream {
  private rng: JumpableRandomGenerator;

  constructor(seedOrState: number | readonly number[]) {
    this.rng =
      typeof seedOrState === 'number'
        ? xoroshiro128plus(seedOrState)
        : xoroshiro128plusFromState(seedOrState);
  }

  static derive(seed: number, tag: StreamTagName, index = 0): RandomStream {
    return new RandomStream(deriveSeed(seed, tag, index));
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return uniformInt(this.rng, min, max);
  }

  /** Uniform float in [0, 1) with 32 bits of resolution. */
  float(): number {
    return (this.rng.next() >>> 0) / 0x100000000;
  }

  /** True with probability p (p ≤ 0 never draws, so a lossless network consumes no randomness). */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.float() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  state(): number[] {
    return [...this.rng.getState()];
  }
}
