import { describe, expect, it } from 'vitest';
import { informedSteps, roundsToTime } from './informedCurve';

describe('informedSteps', () => {
  it('counts informed live nodes over time, merging simultaneous ones', () => {
    const at = [NaN, 100, 300, 100, NaN];
    expect(informedSteps(at, 4)).toEqual([
      [100, 0.5],
      [300, 0.75],
    ]);
  });
  it('is empty before the rumor starts', () => {
    expect(informedSteps([NaN, NaN], 2)).toEqual([]);
  });
});

describe('roundsToTime', () => {
  it('turns rounds into virtual ms from the start', () => {
    expect(roundsToTime([[0, 0.01], [2, 0.5]], 1000, 200)).toEqual([[1000, 0.01], [1400, 0.5]]);
  });
});
