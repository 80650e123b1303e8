/**
 * Analytic models the app draws beside a simulated rumor, in gossip rounds (one round =
 * gossipInterval).
 */

export interface SerfModelInput {
  nodes: number;
  fanout: number;
  /** Message loss probability. */
  loss: number;
  /** Fraction of nodes that have failed. */
  failed: number;
}

/**
 * Serf's convergence model (serf.io "Gossip Convergence" simulator): an epidemic logistic
 * curve with contact rate (fanout / N)(1 − loss)(1 − failed)/2 per node pair per round;
 * the factor 1/2 is Serf's allowance for a peer being contacted by several senders at once.
 * fraction(r) = 1 / (1 + (N + 1) e^(−contact·N·r)).
 */
export function serfContact(m: SerfModelInput): number {
  return (m.fanout / m.nodes) * (1 - m.loss) * (1 - m.failed) * 0.5;
}

export function serfConvergence(m: SerfModelInput, rounds: number): number {
  const contact = serfContact(m);
  return 1 / (1 + (m.nodes + 1) * Math.exp(-contact * m.nodes * rounds));
}

/** The model curve as [round, fraction] points from 0 to maxRounds. */
export function serfConvergenceCurve(m: SerfModelInput, maxRounds: number, step = 0.25): [number, number][] {
  const out: [number, number][] = [];
  for (let r = 0; r <= maxRounds + 1e-9; r += step) out.push([r, serfConvergence(m, r)]);
  return out;
}

/** Rounds the model needs to reach `fraction` (the inverse of serfConvergence). */
export function serfRoundsTo(m: SerfModelInput, fraction: number): number {
  const contact = serfContact(m);
  return Math.log(((m.nodes + 1) * fraction) / (1 - fraction)) / (contact * m.nodes);
}

/**
 * Rounds for push gossip with fanout f to inform all N nodes: log_(f+1)(N) + (1/f)·ln N
 * (Pittel 1987 for f = 1: log2 N + ln N; Frieze & Grimmett 1985). The first term is the
 * exponential phase (each informed node adds f), the second the tail in which the last
 * uninformed nodes wait to be hit.
 */
export function pushRoundsEstimate(nodes: number, fanout: number): number {
  return Math.log(nodes) / Math.log(fanout + 1) + Math.log(nodes) / fanout;
}
