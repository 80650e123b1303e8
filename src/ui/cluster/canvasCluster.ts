import { Health, Seen, type Frame } from '../../worker/frame';
import { clusterLayout, layoutGroups, type ClusterLayout, type Point } from '../geometry/layout';
import { splitByLine } from '../geometry/partition';
import { i18n } from '../i18n';

/** Canvas colors are read from the theme's CSS custom properties. */
function palette(element: Element) {
  const css = getComputedStyle(element);
  const v = (name: string) => css.getPropertyValue(name).trim() || '#888';
  return {
    uninformed: v('--st-uninformed'),
    informed: v('--st-informed'),
    suspect: v('--st-suspect'),
    dead: v('--st-dead'),
    left: v('--st-left'),
    down: v('--role-down'),
    fg: v('--fg'),
    muted: v('--muted'),
    region: v('--region-stroke'),
    focus: v('--focus'),
  };
}

export interface CanvasCallbacks {
  openMenu(node: number, anchor: Point): void;
  partition(groups: number[][]): void;
}

/**
 * A large gossip cluster on a canvas (up to 1,000s of nodes): one dot per node, colored by how
 * the cluster sees it (alive, informed, suspect, dead, left) and marked by shape too: a ring
 * for suspect, a cross for dead, a hollow dot for down. Clicking a dot opens its menu.
 */
export class CanvasCluster {
  private readonly ctx: CanvasRenderingContext2D;
  private layout: ClusterLayout | null = null;
  private layoutKey = '';
  private width = 0;
  private height = 0;
  private lineStart: Point | null = null;
  private lineEnd: Point | null = null;
  private drawing = false;
  private last: { frame: Frame; selected: number | null } | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly callbacks: CanvasCallbacks,
  ) {
    this.ctx = canvas.getContext('2d')!;
    canvas.addEventListener('pointerdown', this.onDown);
    canvas.addEventListener('pointermove', this.onMove);
    canvas.addEventListener('pointerup', this.onUp);
  }

  destroy(): void {
    this.canvas.removeEventListener('pointerdown', this.onDown);
    this.canvas.removeEventListener('pointermove', this.onMove);
    this.canvas.removeEventListener('pointerup', this.onUp);
  }

  render(frame: Frame, selected: number | null, drawing: boolean): void {
    this.last = { frame, selected };
    this.drawing = drawing;
    const bulk = frame.bulk;
    if (!bulk) return;
    this.resize();
    const groups = layoutGroups(frame.nodeCount, frame.network.groups, frame.rooms);
    const key = `${this.width}x${this.height}:${JSON.stringify(groups)}`;
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      this.layout = clusterLayout(groups, { width: this.width, height: this.height, margin: 22, maxNodeRadius: 10 }, 'disc');
    }
    const layout = this.layout!;
    const ctx = this.ctx;
    const colors = palette(this.canvas);
    ctx.clearRect(0, 0, this.width, this.height);
    const partitioned = frame.network.groups.length > 1;
    if (partitioned || frame.rooms.length > 0) {
      ctx.font = '12px system-ui, sans-serif';
      ctx.textAlign = 'center';
      for (const region of layout.regions) {
        ctx.strokeStyle = colors.region;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.arc(region.cx, region.cy, region.r, 0, 2 * Math.PI);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = colors.muted;
        const caption = partitioned
          ? i18n.t('cluster.regionPartition', { letter: String.fromCharCode(65 + region.index), count: region.members.length })
          : i18n.t('cluster.regionRoom', { n: region.index + 1 });
        ctx.fillText(caption, region.cx, Math.max(12, region.cy - region.r - 4));
      }
    }
    const r = Math.max(1.5, layout.nodeRadius * 0.8);
    for (const [id, p] of layout.positions) {
      const health = bulk.health[id];
      const seen = bulk.seen[id];
      const informed = Number.isFinite(bulk.informedAt[id]);
      let fill = informed ? colors.informed : colors.uninformed;
      if (health === Health.left) fill = colors.left;
      else if (seen === Seen.dead) fill = colors.dead;
      else if (seen === Seen.suspect) fill = colors.suspect;
      else if (health === Health.down) fill = colors.down;
      ctx.beginPath();
      ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
      if (health === Health.down) {
        ctx.strokeStyle = fill;
        ctx.lineWidth = Math.max(1, r * 0.45);
        ctx.stroke();
      } else {
        ctx.fillStyle = fill;
        ctx.fill();
      }
      if (seen === Seen.dead) cross(ctx, p, r * 1.5, colors.fg);
      else if (seen === Seen.suspect) ring(ctx, p, r * 1.7, colors.suspect);
    }
    if (selected !== null) {
      const p = layout.positions.get(selected);
      if (p) ring(ctx, p, r * 2.6, colors.focus, 2.5);
    }
    if (this.lineStart && this.lineEnd) {
      ctx.strokeStyle = colors.fg;
      ctx.setLineDash([8, 5]);
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(this.lineStart.x, this.lineStart.y);
      ctx.lineTo(this.lineEnd.x, this.lineEnd.y);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }

  /** Where node `id` is drawn, in client px. */
  clientPoint(id: number): Point | null {
    const p = this.layout?.positions.get(id);
    if (!p) return null;
    const rect = this.canvas.getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y + 6 };
  }

  private resize(): void {
    const rect = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(100, Math.round(rect.width));
    const h = Math.max(100, Math.round(rect.height));
    if (w !== this.width || h !== this.height || this.canvas.width !== Math.round(w * dpr)) {
      this.width = w;
      this.height = h;
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(h * dpr);
    }
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  private local(e: PointerEvent): Point {
    const rect = this.canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  private nearest(p: Point): number | null {
    if (!this.layout) return null;
    let best: number | null = null;
    let bestD = Math.max(8, this.layout.nodeRadius * 1.6);
    for (const [id, q] of this.layout.positions) {
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      if (d < bestD) {
        bestD = d;
        best = id;
      }
    }
    return best;
  }

  private readonly onDown = (e: PointerEvent): void => {
    const p = this.local(e);
    if (this.drawing) {
      this.lineStart = p;
      this.lineEnd = p;
      this.canvas.setPointerCapture?.(e.pointerId);
      return;
    }
    const id = this.nearest(p);
    if (id !== null) this.callbacks.openMenu(id, this.clientPoint(id) ?? { x: e.clientX, y: e.clientY });
  };

  private readonly onMove = (e: PointerEvent): void => {
    if (!this.lineStart) return;
    this.lineEnd = this.local(e);
    if (this.last) this.render(this.last.frame, this.last.selected, this.drawing);
  };

  private readonly onUp = (e: PointerEvent): void => {
    const start = this.lineStart;
    this.lineStart = null;
    this.lineEnd = null;
    if (!start || !this.layout) return;
    const groups = splitByLine(this.layout.positions, start, this.local(e));
    if (groups) this.callbacks.partition(groups);
    else if (this.last) this.render(this.last.frame, this.last.selected, this.drawing);
  };
}

function cross(ctx: CanvasRenderingContext2D, p: Point, size: number, color: string): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = Math.max(1, size * 0.3);
  ctx.beginPath();
  ctx.moveTo(p.x - size, p.y - size);
  ctx.lineTo(p.x + size, p.y + size);
  ctx.moveTo(p.x + size, p.y - size);
  ctx.lineTo(p.x - size, p.y + size);
  ctx.stroke();
}

function ring(ctx: CanvasRenderingContext2D, p: Point, r: number, color: string, width = 1.2): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
  ctx.stroke();
}
