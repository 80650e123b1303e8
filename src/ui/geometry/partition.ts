import type { ClusterLayout, Point, Region } from './layout';

/**
 * Partition editing by hand: dragging a node to another region (or out of every region) and
 * drawing a line across the cluster. The results are the `groups` of a `partition` event.
 */

/** The region containing point p, or null (regions do not overlap). */
export function regionAt(p: Point, regions: readonly Region[]): Region | null {
  for (const r of regions) if (Math.hypot(p.x - r.cx, p.y - r.cy) <= r.r) return r;
  return null;
}

/**
 * The groups after moving `node` into group `target` (an index into `groups`), or into a group
 * of its own when target is 'alone'. Empty groups disappear; the result lists every node once.
 */
export function groupsAfterMove(groups: readonly (readonly number[])[], node: number, target: number | 'alone'): number[][] {
  const out = groups.map((g) => g.filter((id) => id !== node));
  if (target === 'alone') out.push([node]);
  else out[target]?.push(node);
  return out.filter((g) => g.length > 0).map((g) => [...g].sort((a, b) => a - b));
}

/** Which side of the directed line a→b the point lies on (true: left in screen coordinates). */
function leftOf(a: Point, b: Point, p: Point): boolean {
  return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) < 0;
}

/**
 * Splits the nodes by a line drawn from a to b (extended across the view): the nodes on each
 * side form one group. Null when the line is too short or leaves every node on one side.
 */
export function splitByLine(positions: ReadonlyMap<number, Point>, a: Point, b: Point, minLength = 10): number[][] | null {
  if (Math.hypot(b.x - a.x, b.y - a.y) < minLength) return null;
  const left: number[] = [];
  const right: number[] = [];
  for (const [id, p] of positions) (leftOf(a, b, p) ? left : right).push(id);
  if (left.length === 0 || right.length === 0) return null;
  return [left.sort((x, y) => x - y), right.sort((x, y) => x - y)];
}

/** A partition event's groups, or null when everything ends up connected (a heal). */
export function partitionOrHeal(groups: readonly (readonly number[])[]): number[][] | null {
  const nonEmpty = groups.filter((g) => g.length > 0);
  return nonEmpty.length <= 1 ? null : nonEmpty.map((g) => [...g]);
}

/**
 * The partition after dropping node `id` at p (drawing units), given the network's current
 * groups and the drawn regions (which are those groups while the network is split): out of
 * every region, the node is cut off alone; into another partition's region, it moves there.
 * Undefined when nothing changes (a short drag, a drop back home); null means heal.
 */
export function groupsAfterDrop(network: readonly (readonly number[])[], layout: Pick<ClusterLayout, 'positions' | 'regions' | 'nodeRadius'>, id: number, p: Point): number[][] | null | undefined {
  const start = layout.positions.get(id);
  if (start && Math.hypot(p.x - start.x, p.y - start.y) < layout.nodeRadius) return undefined;
  const own = network.findIndex((g) => g.includes(id));
  const region = regionAt(p, layout.regions);
  let target: number | 'alone';
  if (region === null) {
    if (network[own]?.length === 1) return undefined;
    target = 'alone';
  } else if (network.length > 1 && region.index !== own) {
    target = region.index;
  } else {
    return undefined;
  }
  return partitionOrHeal(groupsAfterMove(network, id, target));
}
