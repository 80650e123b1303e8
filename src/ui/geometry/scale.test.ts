import { describe, expect, it } from 'vitest';
import { linearScale } from './scale';

describe('linearScale', () => {
  it('maps a domain onto a range and back, with round ticks', () => {
    const x = linearScale([1000, 2000], [34, 534]);
    expect(x(1000)).toBe(34);
    expect(x(1500)).toBe(284);
    expect(x.invert(284)).toBe(1500);
    expect(x.ticks(5)).toEqual([1000, 1200, 1400, 1600, 1800, 2000]);
  });

  it('does not divide by zero on an empty domain', () => {
    const x = linearScale([5, 5], [0, 100]);
    expect(x(5)).toBe(0);
    expect(x.invert(50)).toBe(5);
  });
});
