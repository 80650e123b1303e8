/**
 * Where nodes sit in the cluster view: one ring, or one ring (or disc) per group when the
 * cluster is split into partition groups or rooms. Pure view math: data in, data out.
 */

export interface Point {
  x: number;
  y: number;
}

/** A drawn group: a circle holding its members (a partition side, a room). */
export interface Region {
  index: number;
  cx: number;
  cy: number;
  r: number;
  members: number[];
}

export interface ClusterLayout {
  positions: Map<number, Point>;
  regions: Region[];
  /** Radius to draw a node with, in the same units as positions. */
  nodeRadius: number;
  /** Distance between neighbouring nodes of a group (the room their labels have). */
  nodeSpacing: number;
}

/** How members are arranged inside a group: a ring (SVG, up to ~32) or a filled disc (canvas, up to 1,000s). */
export type Arrangement = 'ring' | 'disc';

export interface LayoutBox {
  width: number;
  height: number;
  /** Space kept free around the drawing (labels below nodes, region captions above). */
  margin: number;
  /** Largest node radius, so that three nodes do not become dinner plates. */
  maxNodeRadius: number;
}

/** Distance between neighbouring node centres, in node radii. */
const SPACING = 3.4;
/** Extra room inside a region around its outermost nodes, in node radii (labels under nodes). */
const REGION_PAD = 2.2;
/** Gap between regions, in node radii. */
const REGION_GAP = 2.2;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Ids on a circle, the first at the top, going clockwise. */
export function ringPositions(ids: readonly number[], cx: number, cy: number, radius: number): Map<number, Point> {
  const out = new Map<number, Point>();
  const n = ids.length;
  ids.forEach((id, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
    out.set(id, n === 1 ? { x: cx, y: cy } : { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
  });
  return out;
}

/** Ids filling a disc evenly (Vogel's sunflower spiral), the first at the centre. */
export function discPositions(ids: readonly number[], cx: number, cy: number, radius: number): Map<number, Point> {
  const out = new Map<number, Point>();
  const n = ids.length;
  ids.forEach((id, i) => {
    const r = n <= 1 ? 0 : radius * Math.sqrt((i + 0.5) / n);
    const angle = i * GOLDEN_ANGLE;
    out.set(id, { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) });
  });
  return out;
}

/** Radius (in node radii) of the circle the centres of `count` members lie on, `spacing` node radii apart. */
export function groupRadius(count: number, arrangement: Arrangement, spacing = SPACING): number {
  if (count <= 1) return 0;
  if (arrangement === 'disc') return (spacing / 2) * Math.sqrt(count) * 1.05;
  return spacing / (2 * Math.sin(Math.PI / count));
}

interface Arranged {
  centres: Point[];
  radii: number[];
  width: number;
  height: number;
}

/** Groups in rows (in node-radius units): each region as wide as itself, rows centred. */
function arrange(sizes: readonly number[], columns: number, arrangement: Arrangement, spacing: number): Arranged {
  const k = sizes.length;
  const radii = sizes.map((n) => groupRadius(n, arrangement, spacing) + REGION_PAD);
  const rows = Math.ceil(k / Math.max(1, columns));
  const centres: Point[] = [];
  const rowWidths: number[] = [];
  let y = 0;
  for (let row = 0; row < rows; row++) {
    const slice = radii.slice(row * columns, (row + 1) * columns);
    const rowR = Math.max(...slice);
    let x = 0;
    slice.forEach((r, i) => {
      if (i > 0) x += REGION_GAP;
      centres.push({ x: x + r, y: y + rowR });
      x += 2 * r;
    });
    rowWidths.push(x);
    y += 2 * rowR + REGION_GAP;
  }
  const width = Math.max(...rowWidths);
  rowWidths.forEach((w, row) => {
    for (let i = row * columns; i < Math.min(k, (row + 1) * columns); i++) centres[i].x += (width - w) / 2;
  });
  return { centres, radii, width, height: y - REGION_GAP };
}

/**
 * Lays out groups (each a list of node ids; together they hold every node) in rows that suit
 * the box's aspect ratio, scaled to fit the box. Nodes never grow past `maxNodeRadius`: when
 * there is room to spare, the nodes spread further apart instead.
 */
export function clusterLayout(groups: readonly (readonly number[])[], box: LayoutBox, arrangement: Arrangement = 'ring'): ClusterLayout {
  const nonEmpty = groups.filter((g) => g.length > 0);
  const k = nonEmpty.length;
  const sizes = nonEmpty.map((g) => g.length);
  const availW = Math.max(1, box.width - 2 * box.margin);
  const availH = Math.max(1, box.height - 2 * box.margin);
  const columns = k <= 3 ? k : Math.ceil(Math.sqrt((k * availW) / availH));
  const fit = (a: Arranged) => Math.min(availW / Math.max(a.width, 1e-9), availH / Math.max(a.height, 1e-9));
  let spacing = SPACING;
  let arranged = arrange(sizes, columns, arrangement, spacing);
  if (fit(arranged) > box.maxNodeRadius && sizes.some((n) => n > 1)) {
    // Room to spare: spread the nodes (up to twice as far apart) rather than leave the box empty.
    let lo = SPACING;
    let hi = SPACING * 2;
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      if (fit(arrange(sizes, columns, arrangement, mid)) >= box.maxNodeRadius) lo = mid;
      else hi = mid;
    }
    spacing = fit(arrange(sizes, columns, arrangement, hi)) >= box.maxNodeRadius ? hi : lo;
    arranged = arrange(sizes, columns, arrangement, spacing);
  }
  const { centres, radii, width, height } = arranged;
  const fitted = fit(arranged);
  const scale = Math.min(fitted, box.maxNodeRadius);
  const offsetX = box.margin + (availW - width * scale) / 2;
  const offsetY = box.margin + (availH - height * scale) / 2;
  const positions = new Map<number, Point>();
  const regions: Region[] = nonEmpty.map((members, i) => {
    const cx = offsetX + centres[i].x * scale;
    const cy = offsetY + centres[i].y * scale;
    const inner = groupRadius(members.length, arrangement, spacing) * scale;
    const placed = arrangement === 'disc' ? discPositions(members, cx, cy, inner) : ringPositions(members, cx, cy, inner);
    for (const [id, p] of placed) positions.set(id, p);
    return { index: i, cx, cy, r: radii[i] * scale, members: [...members] };
  });
  return { positions, regions, nodeRadius: scale, nodeSpacing: spacing * scale };
}

/** The groups to lay out: partition groups when the network is split, else rooms, else one ring. */
export function layoutGroups(nodeCount: number, partition: readonly (readonly number[])[], rooms: readonly (readonly number[])[]): number[][] {
  if (partition.length > 1) return partition.map((g) => [...g]);
  const all = Array.from({ length: nodeCount }, (_, i) => i + 1);
  if (rooms.length === 0) return [all];
  const listed = new Set(rooms.flat());
  const rest = all.filter((id) => !listed.has(id));
  const out = rooms.map((g) => g.filter((id) => id >= 1 && id <= nodeCount));
  if (rest.length > 0) out.push(rest);
  return out.filter((g) => g.length > 0);
}
