import { describe, expect, it } from 'vitest';
import { TraceHasher } from './hash';

const hashOf = (...values: unknown[]) => {
  const h = new TraceHasher();
  for (const v of values) h.value(v);
  return h.digest();
};

describe('trace hash', () => {
  it('is a 64-bit hex digest, stable for the same token stream', () => {
    expect(hashOf({ type: 'x', n: 1 }, [1, 2.5, 'a', null, true])).toMatch(/^[0-9a-f]{16}$/);
    expect(hashOf({ type: 'x', n: 1 })).toBe(hashOf({ type: 'x', n: 1 }));
  });

  it('tells apart values that a sloppy encoding would confuse', () => {
    const variants = [
      hashOf(1),
      hashOf(1.5),
      hashOf('1'),
      hashOf(true),
      hashOf(null),
      hashOf(undefined),
      hashOf([1]),
      hashOf({ a: 1 }),
      hashOf({ b: 1 }),
      hashOf(['ab', 'c']),
      hashOf(['a', 'bc']),
      hashOf(1, 2),
      hashOf(2, 1),
      hashOf(-0.1),
      hashOf(4294967296),
    ];
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('continues identically after save and restore, and digest does not disturb it', () => {
    const a = new TraceHasher();
    a.value({ k: 'send', to: 2 });
    const b = new TraceHasher();
    b.restore(a.save());
    a.digest();
    a.value('more');
    b.value('more');
    expect(a.digest()).toBe(b.digest());
  });
});
