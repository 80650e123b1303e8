/**
 * Timing rules of SWIM as memberlist implements them (memberlist util.go), and Lifeguard's
 * shrinking suspicion timeout (Dadgar et al., "Lifeguard: Local Health Awareness for More
 * Accurate Failure Detection", 2018, §IV-B; memberlist suspicion.go).
 */

/**
 * memberlist suspicionTimeout: suspicionMult · max(1, log10 n) · probeInterval, with the scale
 * truncated to thousandths as memberlist does (n = 50: 4 · 1.698 · 1 s = 6792 ms).
 */
export function suspicionMinMs(suspicionMult: number, n: number, probeIntervalMs: number): number {
  const scaleMilli = Math.floor(Math.max(1, Math.log10(Math.max(1, n))) * 1000);
  return Math.round((suspicionMult * scaleMilli * probeIntervalMs) / 1000);
}

/** memberlist retransmitLimit: each update is piggybacked retransmitMult · ceil(log10(n + 1)) times. */
export function retransmitLimit(retransmitMult: number, n: number): number {
  return Math.ceil(retransmitMult * Math.ceil(Math.log10(n + 1)));
}

/**
 * How many independent confirmations a suspicion waits for before it reaches its minimum
 * timeout: suspicionMult − 2, none in clusters too small to supply them (memberlist
 * suspectNode: `if n-2 < k { k = 0 }`).
 */
export function expectedConfirmations(suspicionMult: number, n: number): number {
  const k = Math.floor(suspicionMult) - 2;
  return n - 2 < k || k < 0 ? 0 : k;
}

/**
 * Lifeguard: the timeout starts at max and falls logarithmically towards min with each
 * independent confirmation c of k expected, so that a member many nodes suspect is declared
 * dead fast while a lone (possibly slow) accuser waits long:
 * timeout = max(min, max − (max − min) · log(c + 1) / log(k + 1)).
 */
export function suspicionTimeoutMs(minMs: number, maxMs: number, confirmations: number, k: number): number {
  if (k < 1 || maxMs <= minMs) return minMs;
  const frac = Math.log(confirmations + 1) / Math.log(k + 1);
  return Math.max(minMs, Math.floor(maxMs - (maxMs - minMs) * frac));
}

/**
 * memberlist pushPullScale: above 32 nodes the push-pull interval grows with log2(n) so the
 * cluster-wide rate of full state syncs stays bounded.
 */
export function pushPullScaledMs(intervalMs: number, n: number): number {
  const threshold = 32;
  if (n <= threshold) return intervalMs;
  const multiplier = Math.ceil(Math.log2(n) - Math.log2(threshold)) + 1;
  return intervalMs * multiplier;
}

/** The next firing of a ticker that runs every `intervalMs` from `phaseMs`, strictly after `nowMs`. */
export function nextTickMs(nowMs: number, phaseMs: number, intervalMs: number): number {
  if (intervalMs <= 0) return nowMs;
  const k = Math.floor((nowMs - phaseMs) / intervalMs) + 1;
  return phaseMs + Math.max(0, k) * intervalMs;
}
