import type { ClusterSnapshot } from '../../kernel/protocol';
import { Status } from './memberTable';
import type { GossipParams } from './params';
import type { GossipPersisted, GossipState, Instruments, SwimNodeState } from './state';

/**
 * Gossip metrics for `run --json` (Contract 2), computed from the nodes' own records: live
 * nodes from their state, down nodes from what they persisted. "Live" means up (a paused
 * node is live: it is slow, not failed). All times are virtual ms.
 */
export function gossipMetrics(cluster: ClusterSnapshot<GossipState>): Record<string, unknown> {
  const params = cluster.params as GossipParams;
  const rumor = rumorMetrics(cluster, params);
  const swim = params.mode === 'swim' || cluster.states.some((s) => s?.mode === 'swim') ? swimMetrics(cluster) : null;
  const membershipConvergedAt = swim ? swim.membership.convergedSince : null;
  return {
    mode: params.mode,
    // The mode's headline: all live nodes informed (rumor), or all live members' views right (SWIM).
    convergedAt: params.mode === 'rumor' ? rumor.rumorConvergedAt : membershipConvergedAt,
    ...traffic(cluster),
    ...rumor,
    ...(swim ? { membershipConvergedAt, ...swim } : {}),
  };
}

function instrumentsOf(cluster: ClusterSnapshot<GossipState>, id: number): Instruments | null {
  return cluster.states[id]?.stats ?? (cluster.persisted[id] as GossipPersisted | undefined) ?? null;
}

/** Messages and bytes (messages.ts size model) sent, per node and per node per second of virtual time. */
function traffic(cluster: ClusterSnapshot<GossipState>): Record<string, number> {
  let messages = 0;
  let bytes = 0;
  let maxMessages = 0;
  for (let id = 1; id <= cluster.nodeCount; id++) {
    const s = instrumentsOf(cluster, id);
    if (!s) continue;
    messages += s.sentMessages;
    bytes += s.sentBytes;
    maxMessages = Math.max(maxMessages, s.sentMessages);
  }
  const n = cluster.nodeCount;
  const seconds = cluster.now / 1000;
  const perSecond = (x: number) => (seconds > 0 ? round3(x / seconds) : 0);
  return {
    messages,
    bytes,
    messagesPerNode: round3(messages / n),
    bytesPerNode: round3(bytes / n),
    messagesPerNodePerSecond: perSecond(messages / n),
    bytesPerNodePerSecond: perSecond(bytes / n),
    maxMessagesPerNodePerSecond: perSecond(maxMessages),
  };
}

/** At most this many points in `informedFraction`. */
const MAX_CURVE_POINTS = 400;

/**
 * The rumor: when it started, the informed fraction of live nodes over time (sampled every
 * quarter round from the start to convergence, or to now), and `rumorConvergedAt`, the time
 * the last live node was informed once all live nodes are.
 */
function rumorMetrics(cluster: ClusterSnapshot<GossipState>, params: GossipParams) {
  const times: number[] = [];
  let live = 0;
  let startedAt = Infinity;
  for (let id = 1; id <= cluster.nodeCount; id++) {
    const s = cluster.states[id];
    if (!s) continue;
    if (s.mode === 'swim' && s.left) continue;
    live++;
    if (s.rumor) {
      startedAt = Math.min(startedAt, s.rumor.createdAtMs);
      times.push(s.informedAtMs ?? s.rumor.createdAtMs);
    }
  }
  if (times.length === 0) return { rumorStartedAt: null, informed: 0, live, rumorConvergedAt: null, roundsToConverge: null, informedFraction: [] };
  times.sort((a, b) => a - b);
  const convergedAt = times.length === live ? times[times.length - 1] : null;
  const end = convergedAt ?? cluster.now;
  let step = Math.max(1, params.gossipInterval / 4);
  while ((end - startedAt) / step > MAX_CURVE_POINTS) step *= 2;
  const curve: [number, number][] = [];
  let k = 0;
  for (let t = startedAt; ; t += step) {
    const at = Math.min(t, end);
    while (k < times.length && times[k] <= at) k++;
    curve.push([at, round3(k / live)]);
    if (at >= end) break;
  }
  const interval = Math.max(1, params.gossipInterval);
  return {
    rumorStartedAt: startedAt,
    informed: times.length,
    live,
    rumorConvergedAt: convergedAt,
    roundsToConverge: convergedAt === null ? null : round3((convergedAt - startedAt) / interval),
    gossipIntervalMs: params.gossipInterval,
    informedFraction: curve,
  };
}

interface DownHistory {
  /** Flattened [fromMs, toMs] intervals; toMs = Infinity while still down. */
  downs: number[];
  left: boolean;
}

function historyOf(cluster: ClusterSnapshot<GossipState>, id: number): DownHistory {
  const s = cluster.states[id];
  if (s) return { downs: s.stats.downs, left: s.mode === 'swim' && s.left };
  const p = cluster.persisted[id] as GossipPersisted | undefined;
  if (!p) return { downs: [], left: false };
  return { downs: p.crashedNearMs === null ? p.downs : [...p.downs, p.crashedNearMs, Infinity], left: false };
}

function wasDown(h: DownHistory, t: number): boolean {
  for (let i = 0; i + 1 < h.downs.length; i += 2) if (t >= h.downs[i] && t <= h.downs[i + 1]) return true;
  return false;
}

function liveMembers(cluster: ClusterSnapshot<GossipState>): SwimNodeState[] {
  const out: SwimNodeState[] = [];
  for (let id = 1; id <= cluster.nodeCount; id++) {
    const s = cluster.states[id];
    if (s && s.mode === 'swim' && !s.left) out.push(s);
  }
  return out;
}

function swimMetrics(cluster: ClusterSnapshot<GossipState>) {
  const observers = liveMembers(cluster);
  const histories: DownHistory[] = [];
  for (let id = 0; id <= cluster.nodeCount; id++) histories.push(id === 0 ? { downs: [], left: false } : historyOf(cluster, id));
  return {
    failures: failures(cluster, observers, histories),
    falsePositives: falsePositives(observers, histories),
    suspicionsRaised: observers.reduce((sum, s) => sum + s.suspicionsRaised, 0),
    refutations: observers.reduce((sum, s) => sum + s.refutations, 0),
    membership: agreement(cluster, observers),
  };
}

/**
 * For each node that is down now: when it was last seen working (its last input), the first
 * time a live member suspected it, the first time one declared it dead, and the time by which
 * every live member had it dead (null while some live member still has it alive or suspect;
 * members that never knew it, such as nodes that joined later, do not count).
 */
function failures(cluster: ClusterSnapshot<GossipState>, observers: SwimNodeState[], histories: DownHistory[]) {
  const out: Record<string, number | null>[] = [];
  for (let id = 1; id <= cluster.nodeCount; id++) {
    if (cluster.states[id]) continue;
    const h = histories[id];
    const lastSeenAt = h.downs.length >= 2 ? h.downs[h.downs.length - 2] : null;
    let firstSuspectedAt = Infinity;
    let firstDeadAt = Infinity;
    let allKnowAt = -Infinity;
    let allKnow = true;
    for (const o of observers) {
      const st = o.status[id];
      const suspected = o.suspectSinceMs[id];
      const dead = o.deadSinceMs[id];
      if (suspected !== undefined) firstSuspectedAt = Math.min(firstSuspectedAt, suspected);
      if (dead !== undefined) {
        firstDeadAt = Math.min(firstDeadAt, dead);
        firstSuspectedAt = Math.min(firstSuspectedAt, dead);
      }
      if (st === Status.alive || st === Status.suspect) allKnow = false;
      else if (st === Status.dead && dead !== undefined) allKnowAt = Math.max(allKnowAt, dead);
    }
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    out.push({
      node: id,
      lastSeenAt,
      firstSuspectedAt: finite(firstSuspectedAt),
      firstDeadAt: finite(firstDeadAt),
      allLiveMembersKnowAt: allKnow ? finite(allKnowAt) : null,
    });
  }
  return out;
}

/**
 * Live nodes declared dead: every death a live member recorded (its deadLog) of a node that was
 * up at that moment and has not left. `declarations` counts (observer, member, time) entries,
 * `episodes` distinct (member, incarnation) pairs, `nodes` the distinct members concerned.
 * Deaths recorded by members that have since crashed are lost with their memory.
 */
function falsePositives(observers: SwimNodeState[], histories: DownHistory[]) {
  let declarations = 0;
  let total = 0;
  const episodes = new Set<string>();
  const nodes = new Set<number>();
  for (const o of observers) {
    const log = o.deadLog;
    for (let i = 0; i + 2 < log.length; i += 3) {
      total++;
      const m = log[i];
      const at = log[i + 1];
      const h = histories[m];
      if (h.left || wasDown(h, at)) continue;
      declarations++;
      episodes.add(`${m}:${log[i + 2]}`);
      nodes.add(m);
    }
  }
  return { declarations, episodes: episodes.size, nodes: [...nodes].sort((a, b) => a - b), deathsRecorded: total };
}

/**
 * Do the live members' views match reality? A view is right about a member when it has a live
 * member alive and a down or departed one dead, left or unknown. `convergedSince` is when the
 * last of the (now all right) views last changed, i.e. since when they have agreed.
 */
function agreement(cluster: ClusterSnapshot<GossipState>, observers: SwimNodeState[]) {
  const n = cluster.nodeCount;
  const expectAlive = new Uint8Array(n + 1);
  for (let id = 1; id <= n; id++) {
    const s = cluster.states[id];
    expectAlive[id] = s && !(s.mode === 'swim' && s.left) ? 1 : 0;
  }
  let wrong = 0;
  let suspects = 0;
  let since = 0;
  for (const o of observers) {
    since = Math.max(since, o.lastViewChangeMs);
    for (let id = 1; id <= n; id++) {
      const st = o.status[id];
      if (st === Status.suspect) suspects++;
      if (expectAlive[id] ? st !== Status.alive : st === Status.alive || st === Status.suspect) wrong++;
    }
  }
  return { wrongEntries: wrong, suspectEntries: suspects, agree: wrong === 0, convergedSince: wrong === 0 ? since : null };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
