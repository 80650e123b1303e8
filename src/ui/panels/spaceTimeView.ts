import type { TraceEvent } from '../../sim/kernel/trace';
import type { FrameMessage } from '../../worker/frame';
import { messageProgress } from '../geometry/messages';
import { linearScale, type LinearScale } from '../geometry/scale';
import { ArrowIndex, eventsFrom, laneMarks, timeWindow, type SpaceTimeEvent } from '../geometry/spaceTime';
import { messageFamily } from '../messageLabels';
import { MESSAGE_FILL, roleStyle } from '../roleStyle';
import { Slide } from './slide';
import { TextStamps } from './textStamps';

export interface SpaceTimeScene {
  events: readonly TraceEvent[];
  /** Bumped whenever `events` changed (the store's trace version). */
  eventsVersion: number;
  /** The window's count of appended events and its generation (see TraceWindow): the arrows take in only new events. */
  eventsAppended: number;
  eventsGeneration: number;
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
  /** Virtual ms per real ms, and whether the run plays: the diagram then scrolls on by itself between frames. */
  speed: number;
  playing: boolean;
}

const MARGIN = { left: 34, right: 10, top: 6, bottom: 22 };
/**
 * While playing, the picture is drawn wider than the box and slid left at the run's pace by a
 * compositor animation (slide.ts): by at least GLIDE_PX, or as far as it goes in GLIDE_REAL_MS at
 * fast speeds, but never more than the box is wide. A redraw needs HEADROOM_REAL_MS of slide
 * left (about two of the worker's frames), or the slide starts over.
 */
const GLIDE_PX = 120;
const GLIDE_REAL_MS = 1000;
const HEADROOM_REAL_MS = 70;

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
    panel: v('var(--panel)'),
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
 * as marks. Two canvases: the picture (lanes, arrows, marks, the axis), drawn when what it shows
 * changed, and over it the frame (lane names, the present's line), drawn when its own parts
 * change. While the run plays and the window scrolls, the picture is drawn wider than the box and
 * slid left by one compositor animation at the run's pace, so it scrolls smoothly between the
 * worker's frames with no work on the main thread; each redraw is offset by how far it has slid. Clicking moves the Time slider there.
 */
export class SpaceTimeView {
  private readonly canvas: HTMLCanvasElement;
  private readonly overlay: HTMLCanvasElement;
  private overlayKey = '';
  private readonly slide: Slide;
  /** How far the picture was slid when it was last drawn (px): a click's time accounts for it. */
  private drawnOffset = 0;
  private colors: ReturnType<typeof palette> | null = null;
  private theme = '';
  private key = '';
  private x: LinearScale = linearScale([0, 1], [0, 1]);
  private horizon = 0;
  private readonly arrows = new ArrowIndex();
  private readonly tickLabels = new TextStamps('10.5px system-ui, sans-serif');

  constructor(canvas: HTMLCanvasElement, overlay: HTMLCanvasElement, onSeek: (t: number) => void) {
    this.canvas = canvas;
    this.overlay = overlay;
    this.slide = new Slide(canvas);
    canvas.addEventListener('click', (event) => {
      // The picture's own box: it includes the slide, so the time under the pointer is exact.
      const rect = canvas.getBoundingClientRect();
      const px = event.clientX - rect.left;
      if (event.clientX - overlay.getBoundingClientRect().left < MARGIN.left) return;
      const t = Math.round(this.x.invert(px - this.drawnOffset));
      onSeek(Math.max(0, Math.min(this.horizon, t)));
    });
  }

  render(scene: SpaceTimeScene): void {
    const { width, height, nodeCount } = scene;
    this.horizon = scene.horizon;
    const key = `${scene.time}|${scene.eventsVersion}|${width}x${height}|${nodeCount}|${scene.selectedNode}|${scene.spanMs}|${scene.theme}|${scene.messages.length}|${scene.playing}|${scene.speed}`;
    if (key === this.key) return;
    this.key = key;
    if (this.theme !== scene.theme || !this.colors) {
      this.theme = scene.theme;
      this.colors = palette(this.canvas);
    }
    const colors = this.colors;
    const [t0, t1] = timeWindow(scene.time, scene.spanMs);
    this.x = linearScale([t0, t1], [MARGIN.left, width - MARGIN.right]);
    const x = this.x;
    // Scrolling (the present pinned at 85 % of the window, see timeWindow) while playing: the picture runs on past the box's right edge.
    const pxPerMs = (width - MARGIN.left - MARGIN.right) / scene.spanMs;
    const pace = scene.playing && t0 > 0 && scene.speed > 0 ? pxPerMs * scene.speed : 0;
    const glidePx = pace > 0 ? Math.min(Math.max(GLIDE_PX, pace * GLIDE_REAL_MS), Math.max(GLIDE_PX, width)) : 0;
    const offset = this.slide.offset(pace, glidePx, pace * HEADROOM_REAL_MS);
    this.drawnOffset = offset;
    const pictureWidth = width + glidePx;
    // The picture's right end, in the box's px as it stands at this frame.
    const right = pictureWidth - MARGIN.right - offset;
    const tEnd = x.invert(right);
    const ctx = prepare(this.canvas, pictureWidth, height);
    ctx.translate(offset, 0);
    const laneH = (height - MARGIN.top - MARGIN.bottom) / Math.max(1, nodeCount);
    const y = (id: number) => MARGIN.top + laneH * (id - 0.5);
    this.drawFrame(scene, x(scene.time), laneH, y);

    // Lanes.
    for (let id = 1; id <= nodeCount; id++) {
      const selected = id === scene.selectedNode;
      ctx.strokeStyle = selected ? colors.focus : colors.border;
      ctx.lineWidth = selected ? 2 : 1;
      line(ctx, MARGIN.left, y(id), right, y(id));
    }

    // Arrows: the events are scanned again only when the trace changed.
    const from = t0 - scene.latencyMaxMs - 50;
    if (from < this.arrows.prunedBefore) this.arrows.clear();
    const events = scene.events as readonly SpaceTimeEvent[];
    this.arrows.update(events, scene.eventsAppended, scene.eventsGeneration);
    this.arrows.prune(from);
    const arrivals = new Map(scene.messages.map((m) => [m.id, m]));
    // Batched by color and dash: one stroke per kind of line, one fill per color of arrowheads
    // (a stroke per arrow was most of the cost with 15 nodes' heartbeats in the window).
    const strokes = new Map<string, { color: string; dash: number[]; path: Path2D }>();
    const heads = new Map<string, Path2D>();
    const crosses: [number, number][] = [];
    for (const a of this.arrows.arrows()) {
      if ((a.endAt ?? scene.time) < t0 || a.sentAt > tEnd) continue;
      const color = a.outcome === 'dropped' ? colors.dead : colors.families[messageFamily(a.type)];
      let ex: number;
      let ey: number;
      if (a.endAt !== null) {
        ex = x(a.endAt);
        ey = y(a.to);
      } else {
        const m = arrivals.get(a.id);
        const p = m ? messageProgress(m.sentAt, m.arrivesAt, scene.time) : 0;
        ex = x(Math.max(a.sentAt, Math.min(scene.time, tEnd)));
        ey = y(a.from) + (y(a.to) - y(a.from)) * p;
      }
      const sx = x(a.sentAt);
      const sy = y(a.from);
      const key = `${color}|${a.outcome}`;
      let batch = strokes.get(key);
      if (!batch) {
        batch = { color, dash: a.outcome === 'inflight' ? [4, 3] : a.outcome === 'dropped' ? [2, 2] : [], path: new Path2D() };
        strokes.set(key, batch);
      }
      batch.path.moveTo(sx, sy);
      batch.path.lineTo(ex, ey);
      if (a.outcome === 'delivered') {
        let head = heads.get(color);
        if (!head) heads.set(color, (head = new Path2D()));
        arrowhead(head, sx, sy, ex, ey);
      }
      if (a.outcome === 'dropped') crosses.push([ex, ey]);
    }
    ctx.lineWidth = 1.3;
    for (const { color, dash, path } of strokes.values()) {
      ctx.strokeStyle = color;
      ctx.setLineDash(dash);
      ctx.stroke(path);
    }
    ctx.setLineDash([]);
    for (const [color, path] of heads) {
      ctx.fillStyle = color;
      ctx.fill(path);
    }
    if (crosses.length > 0) {
      ctx.fillStyle = colors.danger;
      setFont(ctx, 'bold 14px system-ui, sans-serif');
      ctx.textAlign = 'center';
      for (const [cx, cy] of crosses) ctx.fillText('×', cx, cy + 4);
    }

    // Role changes on the lanes.
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = colors.fg;
    for (const m of laneMarks(eventsFrom(events, t0), scene.roleField)) {
      if (m.t > tEnd) break;
      ctx.fillStyle = m.value === 'crash' ? colors.down : colors.v(roleStyle(m.value).fill);
      ctx.fillRect(x(m.t) - 3.5, y(m.node) - 3.5, 7, 7);
      ctx.strokeRect(x(m.t) - 3.5, y(m.node) - 3.5, 7, 7);
    }

    // The axis and the present.
    const axisY = height - MARGIN.bottom;
    ctx.strokeStyle = colors.border;
    ctx.lineWidth = 1;
    line(ctx, MARGIN.left, axisY, right, axisY);
    const scaleOut = linearScale([t0, tEnd], [MARGIN.left, right]);
    for (const tick of scaleOut.ticks(Math.max(2, Math.floor(pictureWidth / 90)))) {
      line(ctx, x(tick), axisY, x(tick), axisY + 5);
      this.tickLabels.draw(ctx, `${(tick / 1000).toFixed(scene.spanMs < 2000 ? 2 : 1)} s`, colors.muted, x(tick), axisY + 16);
    }
  }

  /** Lane names on an opaque margin, the right margin, and the present's line: redrawn only when one of them moves or changes. */
  private drawFrame(scene: SpaceTimeScene, nowX: number, laneH: number, y: (id: number) => number): void {
    const { width, height, nodeCount } = scene;
    const key = `${width}x${height}|${nodeCount}|${scene.selectedNode}|${scene.theme}|${Math.round(nowX * 2)}`;
    if (key === this.overlayKey) return;
    this.overlayKey = key;
    const colors = this.colors!;
    const ctx = prepare(this.overlay, width, height);
    ctx.fillStyle = colors.panel;
    ctx.fillRect(0, 0, MARGIN.left, height);
    ctx.fillRect(width - MARGIN.right, 0, MARGIN.right, height);
    ctx.textAlign = 'end';
    for (let id = 1; id <= nodeCount; id++) {
      if (laneH < 9 && id % 5 !== 0 && id !== 1) continue;
      const selected = id === scene.selectedNode;
      ctx.fillStyle = selected ? colors.fg : colors.muted;
      setFont(ctx, selected ? 'bold 11px system-ui, sans-serif' : '11px system-ui, sans-serif');
      ctx.fillText(`S${id}`, MARGIN.left - 6, y(id) + 4);
    }
    ctx.strokeStyle = colors.accent;
    ctx.lineWidth = 1.5;
    line(ctx, nowX, MARGIN.top, nowX, height - MARGIN.bottom);
  }
}

/** The font each context was last given: setting one parses it and resolves its families, every time. */
const fonts = new WeakMap<CanvasRenderingContext2D, string>();

function setFont(ctx: CanvasRenderingContext2D, font: string): void {
  if (fonts.get(ctx) === font) return;
  ctx.font = font;
  fonts.set(ctx, font);
}

/** A canvas at the device's pixel density and `width`×`height` CSS px, cleared; drawing is in CSS px. */
function prepare(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    // A resized canvas starts over with the default state.
    fonts.delete(canvas.getContext('2d')!);
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

function line(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number): void {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}

/** Adds an arrowhead at (ex, ey), pointing away from (sx, sy), to `path`. */
function arrowhead(path: Path2D, sx: number, sy: number, ex: number, ey: number): void {
  const angle = Math.atan2(ey - sy, ex - sx);
  const size = 6;
  path.moveTo(ex, ey);
  path.lineTo(ex - size * Math.cos(angle - 0.45), ey - size * Math.sin(angle - 0.45));
  path.lineTo(ex - size * Math.cos(angle + 0.45), ey - size * Math.sin(angle + 0.45));
  path.closePath();
}
