/**
 * The gossip chart's simulated curve: the fraction of live nodes informed over time, as steps
 * from the moment the rumor started.
 */
export function informedSteps(informedAt: ArrayLike<number>, liveCount: number): [number, number][] {
  const times: number[] = [];
  for (let i = 0; i < informedAt.length; i++) if (Number.isFinite(informedAt[i])) times.push(informedAt[i]);
  if (times.length === 0 || liveCount <= 0) return [];
  times.sort((a, b) => a - b);
  const out: [number, number][] = [];
  times.forEach((t, i) => {
    const fraction = Math.min(1, (i + 1) / liveCount);
    if (out.length > 0 && out[out.length - 1][0] === t) out[out.length - 1][1] = fraction;
    else out.push([t, fraction]);
  });
  return out;
}

/** Model points given in gossip rounds, moved to virtual ms from the rumor's start. */
export function roundsToTime(points: readonly [number, number][], startMs: number, intervalMs: number): [number, number][] {
  return points.map(([round, fraction]) => [startMs + round * intervalMs, fraction]);
}
