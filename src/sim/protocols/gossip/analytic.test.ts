import { describe, expect, it } from 'vitest';
import { pushRoundsEstimate, serfContact, serfConvergence, serfConvergenceCurve, serfRoundsTo } from './analytic';

const model = { nodes: 1000, fanout: 3, loss: 0, failed: 0 };

describe("Serf's convergence model", () => {
  it('is the logistic 1 / (1 + (N + 1) e^(−contact·N·r)) with contact (f/N)(1 − loss)(1 − failed)/2', () => {
    expect(serfContact(model)).toBeCloseTo(0.0015, 12);
    expect(serfConvergence(model, 0)).toBeCloseTo(1 / 1002, 12);
    expect(serfConvergence(model, 4)).toBeCloseTo(1 / (1 + 1001 * Math.exp(-6)), 12);
    expect(serfConvergence({ ...model, loss: 0.5 }, 4)).toBeLessThan(serfConvergence(model, 4));
  });

  it('rises monotonically to 1 and its inverse gives the rounds to a fraction', () => {
    const curve = serfConvergenceCurve(model, 12);
    for (let i = 1; i < curve.length; i++) expect(curve[i][1]).toBeGreaterThan(curve[i - 1][1]);
    expect(curve.at(-1)![1]).toBeGreaterThan(0.99);
    expect(serfConvergence(model, serfRoundsTo(model, 0.5))).toBeCloseTo(0.5, 9);
  });

  it('push rounds estimate log_(f+1) N + (1/f) ln N', () => {
    expect(pushRoundsEstimate(1000, 3)).toBeCloseTo(Math.log(1000) / Math.log(4) + Math.log(1000) / 3, 12);
    expect(pushRoundsEstimate(1024, 1)).toBeCloseTo(10 + Math.log(1024), 12);
  });
});
