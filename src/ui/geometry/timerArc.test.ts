import { describe, expect, it } from 'vitest';
import { arcPath, timerFraction } from './timerArc';

describe('timerFraction', () => {
  it('shrinks from 1 to 0 as the timer runs down', () => {
    expect(timerFraction(0, 200, 200)).toBe(1);
    expect(timerFraction(150, 200, 200)).toBe(0.25);
    expect(timerFraction(250, 200, 200)).toBe(0);
  });
  it('is 0 for an unknown duration', () => {
    expect(timerFraction(0, 100, 0)).toBe(0);
  });
});

describe('arcPath', () => {
  it('is empty at 0 and a closed double arc at 1', () => {
    expect(arcPath(0, 0, 10, 0)).toBe('');
    expect(arcPath(0, 0, 10, 1).match(/A /g)).toHaveLength(2);
  });
  it('ends a quarter arc at 3 o’clock', () => {
    expect(arcPath(0, 0, 10, 0.25)).toBe('M 0 -10 A 10 10 0 0 1 10 0');
  });
  it('uses the large-arc flag past half', () => {
    expect(arcPath(0, 0, 10, 0.75)).toContain('0 1 1');
  });
});
