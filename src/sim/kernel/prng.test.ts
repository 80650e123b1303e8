import { describe, expect, it } from 'vitest';
import { RandomStream, deriveSeed } from './prng';

const draws = (s: RandomStream, n = 20) => Array.from({ length: n }, () => s.int(0, 1_000_000));

describe('seeded random streams', () => {
  it('replays the same draws from the same seed', () => {
    expect(draws(RandomStream.derive(42, 'node', 3))).toEqual(draws(RandomStream.derive(42, 'node', 3)));
  });

  it('gives each node, the network and the workload independent streams', () => {
    const seeds = new Set([
      deriveSeed(42, 'network'),
      deriveSeed(42, 'workload'),
      ...Array.from({ length: 100 }, (_, i) => deriveSeed(42, 'node', i)),
    ]);
    expect(seeds.size).toBe(102);
    expect(draws(RandomStream.derive(42, 'node', 1))).not.toEqual(draws(RandomStream.derive(42, 'node', 2)));
    expect(draws(RandomStream.derive(42, 'node', 1))).not.toEqual(draws(RandomStream.derive(43, 'node', 1)));
  });

  it('resumes exactly from a saved state', () => {
    const a = RandomStream.derive(7, 'network');
    draws(a, 5);
    const b = new RandomStream(a.state());
    expect(draws(a)).toEqual(draws(b));
  });

  it('draws integers inside the closed range and probabilities at the right rate', () => {
    const s = RandomStream.derive(1, 'workload');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = s.int(10, 14);
      expect(v).toBeGreaterThanOrEqual(10);
      expect(v).toBeLessThanOrEqual(14);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([10, 11, 12, 13, 14]);
    let hits = 0;
    for (let i = 0; i < 20_000; i++) if (s.chance(0.25)) hits++;
    expect(hits / 20_000).toBeCloseTo(0.25, 1);
    expect(s.chance(0)).toBe(false);
    expect(s.chance(1)).toBe(true);
  });
});
