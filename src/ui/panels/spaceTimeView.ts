import type { TraceEvent } from '../../sim/kernel/trace';
import type { FrameMessage } from '../../worker/frame';
import { messageProgress } from '../geometry/messages';
import { linearScale, type LinearScale } from '../geometry/scale';
import { eventsFrom, laneMarks, messageArrows, timeWindow, type Arrow, type SpaceTimeEvent } from '../geometry/spaceTime';
import { messageFamily } from '../messageLabels';
import { MESSAGE_FILL, roleStyle } from '../roleStyle';

export interface SpaceTimeScene {
  events: readonly TraceEvent[];
  /** Bumped whenever `events` changed (the store's trace version). */
  eventsVersion: number;
  messages: readonly FrameMessage[];
  nodeCount: number;
  time: number;
  horizon: number;
  spanMs: number;
  width: number;
  height: number;
  selectedNode: number | null;
  roleField: string;
  /** Messages can be in flight this long (the network's largest latency): arrows sent this early may still show. */
  latencyMaxMs: number;
  /** Changes with the theme, so colors are read again. */
  theme: string;
}

const MARGIN = { left: 34, right: 10, top: 6, bottom: 22 };

/** Canvas colors are the theme's CSS custom properties, read once per theme. */
function palette(element: Element) {
  const css = getComputedStyle(element);
  const v = (value: string) => {
    const name = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
    return (name ? css.getPropertyValue(name) : value).trim() || '#888';
  };
  return {
    v,
    border: v('var(--border)'),
    muted: v('var(--muted)'),
    fg: v('var(--fg)'),
    focus: v('var(--focus)'),
    accent: v('var(--accent)'),
    danger: v('var(--danger)'),
    dead: v('var(--st-dead)'),
    down: v('var(--role-down)'),
    families: Object.fromEntries(Object.entries(MESSAGE_FILL).map(([k, c]) => [k, v(c)])) as Record<string, string>,
  };
}

/**
 * The space-time diagram on a canvas: one lane per node, time to the right, an arrow per message
 * from its send to its delivery (× where it was dropped, dashed while in flight), role changes
 * as marks. It draws only when what it shows changed (time, trace, size, selection, theme), and
 * a canvas costs the page no style, layout or DOM work. Clicking moves the Time slider there.
 */
export class SpaceTimeView {
  private readonly canvas: HTMLCanvasElement;
  private colors: ReturnType<typeof palette> | null = null;
  private theme = '';
  private key = '';
  private x: LinearScale = linearScale([0, 1], [0, 1]);
  private horizon = 0;
  private arrowsVersion = -1;
  private arrowsFrom = -1;
  private arrows: Arrow[] = [];
  private events: readonly SpaceTimeEvent[] = [];

  constructor(canvas: HTMLCanvasElement, onSeek: (t: number) => void) {
    this.canvas = canvas;
    canvas.addEventListener('click', (event) => {
      const rect = canvas.getBoundingClientRect();
      const px = event.clientX - rect.left;
      if (px < MARGIN.left) return;
      const t = Math.round(this.x.invert(px));
      onSeek(Math.max(0, Math.min(this.horizon, t)));
    });
  }

  render(scene: SpaceTimeScene): void {
    const { width, height, nodeCount } = scene;
    this.horizon = scene.horizon;
    const key = `${scene.time}|${scene.eventsVersion}|${width}x${height}|${nodeCount}|${scene.selectedNode}|${scene.spanMs}|${scene.theme}|${scene.messages.length}`;
    if (key === this.key) return;
    this.key = key;
    if (this.theme !== scene.theme || !this.colors) {
      this.theme = scene.theme;
      this.colors = palette(this.canvas);
    }
    const colors = this.colors;
    const ctx = this.prepare(width, height);
    const [t0, t1] = timeWindow(scene.time, scene.spanMs);
    this.x = linearScale([t0, t1], [MARGIN.left, width - MARGIN.right]);
    const x = this.x;
    const laneH = (height - MARGIN.top - MARGIN.bottom) / Math.max(1, nodeCount);
    const y = (id: number) => MARGIN.top + laneH * (id - 0.5);

    // Lanes and their names.
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'end';
    for (let id = 1; id <= nodeCount; id++) {
      const selected = id === scene.selectedNode;
      ctx.strokeStyle = selected ? colors.focus : colors.border;
      ctx.lineWidth = selected ? 2 : 1;
      line(ctx, MARGIN.left, y(id), width - MARGIN.right, y(id));
      if (laneH >= 9 || id % 5 === 0 || id === 1) {
        ctx.fillStyle = selected ? colors.fg : colors.muted;
        ctx.font = selected ? 'bold 11px system-ui, sans-serif' : '11px system-ui, sans-serif';
        ctx.fillText(`S${id}`, MARGIN.left - 6, y(id) + 4);
      }
    }

    // Arrows: the events are scanned again only when the trace changed.
    const from = t0 - scene.latencyMaxMs - 50;
    if (scene.eventsVersion !== this.arrowsVersion || from < this.arrowsFrom || scene.events !== this.events) {
      this.arrowsVersion = scene.eventsVersion;
      this.arrowsFrom = from;
      this.events = scene.events as readonly SpaceTimeEvent[];
      this.arrows = messageArrows(eventsFrom(this.events, from));
    }
    const arrivals = new Map(scene.messages.map((m) => [m.id, m]));
    ctx.lineWidth = 1.3;
    for (const a of this.arrows) {
      if ((a.endAt ?? scene.time) < t0 || a.sentAt > t1) continue;
      const color = a.outcome === 'dropped' ? colors.dead : colors.families[messageFamily(a.type)];
      let ex: number;
      let ey: number;
      if (a.endAt !== null) {
        ex = x(a.endAt);
        ey = y(a.to);
      } else {
        const m = arrivals.get(a.id);
        const p = m ? messageProgress(m.sentAt, m.arrivesAt, scene.time) : 0;
        ex = x(Math.max(a.sentAt, Math.min(scene.time, t1)));
        ey = y(a.from) + (y(a.to) - y(a.from)) * p;
      }
      const sx = x(a.sentAt);
      const sy = y(a.from);
      ctx.strokeStyle = color;
      ctx.setLineDash(a.outcome === 'inflight' ? [4, 3] : a.outcome === 'dropped' ? [2, 2] : []);
      line(ctx, sx, sy, ex, ey);
      ctx.setLineDash([]);
      if (a.outcome === 'delivered') arrowhead(ctx, sx, sy, ex, ey, color);
      if (a.outcome === 'dropped') {
        ctx.fillStyle = colors.danger;
        ctx.font = 'bold 14px system-ui, sans-serif';
        ctx.textAlign = 'center';
        ctx.fillText('×', ex, ey + 4);
      }
    }

    // Role changes on the lanes.
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = colors.fg;
    for (const m of laneMarks(eventsFrom(this.events, t0), scene.roleField)) {
      if (m.t > t1) break;
      ctx.fillStyle = m.value === 'crash' ? colors.down : colors.v(roleStyle(m.value).fill);
      ctx.fillRect(x(m.t) - 3.5, y(m.node) - 3.5, 7, 7);
      ctx.strokeRect(x(m.t) - 3.5, y(m.node) - 3.5, 7, 7);
    }

    // The axis and the present.
    const axisY = height - MARGIN.bottom;
    ctx.strokeStyle = colors.border;
    ctx.lineWidth = 1;
    line(ctx, MARGIN.left, axisY, width - MARGIN.right, axisY);
    ctx.fillStyle = colors.muted;
    ctx.font = '10.5px system-ui, sans-serif';
    ctx.textAlign = 'center';
    for (const tick of x.ticks(Math.max(2, Math.floor(width / 90)))) {
      line(ctx, x(tick), axisY, x(tick), axisY + 5);
      ctx.fillText(`${(tick / 1000).toFixed(scene.spanMs < 2000 ? 2 : 1)} s`, x(tick), axisY + 16);
    }
    ctx.strokeStyle = colors.accent;
    ctx.lineWidth = 1.5;
    line(ctx, x(scene.time), MARGIN.top, x(scene.time), axisY);
  }

  /** The canvas at the device's pixel density, cleared; drawing is in CSS px. */
  private prepare(width: number, height: number): CanvasRenderingContext2D {
    const dpr = window.devicePixelRatio || 1;
    const canvas = this.canvas;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    return ctx;
  }
}

function line(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number): void {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}

function arrowhead(ctx: CanvasRenderingContext2D, sx: number, sy: number, ex: number, ey: number, color: string): void {
  const angle = Math.atan2(ey - sy, ex - sx);
  const size = 6;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(ex, ey);
  ctx.lineTo(ex - size * Math.cos(angle - 0.45), ey - size * Math.sin(angle - 0.45));
  ctx.lineTo(ex - size * Math.cos(angle + 0.45), ey - size * Math.sin(angle + 0.45));
  ctx.closePath();
  ctx.fill();
}
