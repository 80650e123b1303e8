import { describe, expect, it } from 'vitest';
import { expectedConfirmations, nextTickMs, pushPullScaledMs, retransmitLimit, suspicionMinMs, suspicionTimeoutMs } from './lifeguard';

describe('memberlist util.go timing rules', () => {
  it('suspicion timeout = suspicionMult · max(1, log10 n) · probeInterval (memberlist TestSuspicionTimeout)', () => {
    // memberlist's table for suspicionMult 3 and a 1 s interval, divided by 3.
    const perMult: [number, number][] = [[5, 1000], [10, 1000], [50, 1698], [100, 2000], [500, 2698], [1000, 3000]];
    for (const [n, ms] of perMult) expect(suspicionMinMs(3, n, 1000)).toBe(3 * ms);
    expect(suspicionMinMs(4, 50, 1000)).toBe(6792);
  });

  it('retransmit limit = retransmitMult · ceil(log10(n + 1)) (memberlist TestRetransmitLimit)', () => {
    expect(retransmitLimit(3, 0)).toBe(0);
    expect(retransmitLimit(3, 1)).toBe(3);
    expect(retransmitLimit(3, 99)).toBe(6);
    expect(retransmitLimit(4, 1000)).toBe(16);
    expect(retransmitLimit(4, 10000)).toBe(20);
  });

  it('push-pull interval scales with log2 n above 32 nodes (memberlist TestPushPullScale)', () => {
    expect(pushPullScaledMs(1000, 32)).toBe(1000);
    expect(pushPullScaledMs(1000, 33)).toBe(2000);
    expect(pushPullScaledMs(1000, 64)).toBe(2000);
    expect(pushPullScaledMs(1000, 65)).toBe(3000);
    expect(pushPullScaledMs(1000, 1000)).toBe(6000);
  });

  it('tickers fire on their phase grid, strictly after now', () => {
    expect(nextTickMs(0, 50, 200)).toBe(50);
    expect(nextTickMs(50, 50, 200)).toBe(250);
    expect(nextTickMs(251, 50, 200)).toBe(450);
  });
});

describe('Lifeguard §IV-B: the suspicion timeout shrinks with independent confirmations', () => {
  it('starts at max, reaches min after k = suspicionMult − 2 confirmations, falls logarithmically between', () => {
    const min = 6792;
    const max = 6 * min;
    const k = expectedConfirmations(4, 50);
    expect(k).toBe(2);
    expect(suspicionTimeoutMs(min, max, 0, k)).toBe(max);
    expect(suspicionTimeoutMs(min, max, 1, k)).toBe(Math.floor(max - (max - min) * (Math.log(2) / Math.log(3))));
    expect(suspicionTimeoutMs(min, max, 2, k)).toBe(min);
    expect(suspicionTimeoutMs(min, max, 5, k)).toBe(min);
  });

  it('expects no confirmations in clusters too small to supply them', () => {
    expect(expectedConfirmations(4, 3)).toBe(0);
    expect(suspicionTimeoutMs(4000, 24000, 0, 0)).toBe(4000);
  });
});
