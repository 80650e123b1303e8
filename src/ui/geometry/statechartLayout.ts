import type { ChartGraph } from '../statechart/graph';

export interface PlacedState {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  initial: boolean;
}

export interface PlacedEdge {
  from: string;
  to: string;
  labels: string[];
  /** SVG path from the source's border to the target's border. */
  path: string;
  labelX: number;
  labelY: number;
  selfLoop: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  states: PlacedState[];
  edges: PlacedEdge[];
}

export interface ChartSize {
  width: number;
  height: number;
  stateWidth: number;
  stateHeight: number;
}

/**
 * A circular layout: states evenly on an ellipse in definition order, the initial state first
 * (at the left); a pair of opposite transitions bends apart; a self-transition is a loop on the
 * outside of the ellipse.
 */
export function layoutStatechart(graph: ChartGraph, size: ChartSize): ChartLayout {
  const n = graph.states.length;
  const cx = size.width / 2;
  const cy = size.height / 2;
  // Room at the sides for edge labels, above and below for self-loops.
  const rx = Math.max(0, size.width / 2 - size.stateWidth / 2 - 14);
  const ry = Math.max(0, size.height / 2 - size.stateHeight / 2 - 50);
  const order = graph.initial ? [graph.initial, ...graph.states.filter((s) => s !== graph.initial)] : [...graph.states];
  const states: PlacedState[] = order.map((id, i) => {
    const angle = Math.PI + (2 * Math.PI * i) / Math.max(1, n);
    return {
      id,
      x: n === 1 ? cx : cx + rx * Math.cos(angle),
      y: n === 1 ? cy : cy + ry * Math.sin(angle),
      width: size.stateWidth,
      height: size.stateHeight,
      initial: id === graph.initial,
    };
  });
  const byId = new Map(states.map((s) => [s.id, s]));
  const pairs = new Set(graph.edges.map((e) => `${e.from}\u0000${e.to}`));
  const edges = graph.edges.flatMap((e): PlacedEdge[] => {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    if (!a || !b) return [];
    if (a === b) return [selfLoop(e.from, e.labels, a, cx, cy)];
    const bend = pairs.has(`${e.to}\u0000${e.from}`) ? 0.24 : 0;
    return [curvedEdge(e.from, e.to, e.labels, a, b, bend)];
  });
  return { width: size.width, height: size.height, states, edges };
}

/** Where the ray from a box's centre toward (tx, ty) leaves the box. */
export function boxExit(box: PlacedState, tx: number, ty: number): { x: number; y: number } {
  const dx = tx - box.x;
  const dy = ty - box.y;
  if (dx === 0 && dy === 0) return { x: box.x, y: box.y };
  const sx = Math.abs(dx) > 0 ? box.width / 2 / Math.abs(dx) : Infinity;
  const sy = Math.abs(dy) > 0 ? box.height / 2 / Math.abs(dy) : Infinity;
  const s = Math.min(sx, sy);
  return { x: box.x + dx * s, y: box.y + dy * s };
}

function curvedEdge(from: string, to: string, labels: string[], a: PlacedState, b: PlacedState, bend: number): PlacedEdge {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  // Control point pushed to the right of the direction a→b, so a→b and b→a separate.
  const qx = mx - dy * bend;
  const qy = my + dx * bend;
  const start = boxExit(a, qx, qy);
  const end = boxExit(b, qx, qy);
  const path = `M ${r(start.x)} ${r(start.y)} Q ${r(qx)} ${r(qy)} ${r(end.x)} ${r(end.y)}`;
  // Beyond the curve's midpoint, toward its control point, so opposite edges' labels part.
  const midX = 0.25 * start.x + 0.5 * qx + 0.25 * end.x;
  const midY = 0.25 * start.y + 0.5 * qy + 0.25 * end.y;
  const labelX = midX + (qx - midX) * 0.5;
  const labelY = midY + (qy - midY) * 0.5;
  return { from, to, labels, path, labelX, labelY, selfLoop: false };
}

function selfLoop(id: string, labels: string[], s: PlacedState, _cx: number, cy: number): PlacedEdge {
  // Loop above a state in the upper half, below one in the lower half: the sides hold edge labels.
  const ux = 0;
  const uy = s.y <= cy ? -1 : 1;
  const edge = boxExit(s, s.x + ux * 1000, s.y + uy * 1000);
  const px = -uy;
  const py = ux;
  const spread = 12;
  const reach = 34;
  const x1 = edge.x + px * spread;
  const y1 = edge.y + py * spread;
  const x2 = edge.x - px * spread;
  const y2 = edge.y - py * spread;
  const c1x = x1 + ux * reach + px * spread;
  const c1y = y1 + uy * reach + py * spread;
  const c2x = x2 + ux * reach - px * spread;
  const c2y = y2 + uy * reach - py * spread;
  const path = `M ${r(x1)} ${r(y1)} C ${r(c1x)} ${r(c1y)} ${r(c2x)} ${r(c2y)} ${r(x2)} ${r(y2)}`;
  const labelY = uy < 0 ? edge.y - reach * 0.75 - 6 : edge.y + reach * 0.75 + 14;
  return { from: id, to: id, labels, path, labelX: edge.x, labelY, selfLoop: true };
}

function r(v: number): number {
  return Math.round(v * 10) / 10;
}
