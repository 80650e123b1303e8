import { drag } from 'd3-drag';
import { select, type Selection } from 'd3-selection';
import type { NodeView } from '../../sim/kernel/protocol';
import type { Frame, FrameMessage, FrameTimer } from '../../worker/frame';
import { clusterLayout, layoutGroups, type ClusterLayout, type Point } from '../geometry/layout';
import { groupsAfterDrop, splitByLine } from '../geometry/partition';
import { shapePath } from '../geometry/shapes';
import { arcPath, timerFraction } from '../geometry/timerArc';
import { roleStyle } from '../roleStyle';
import { i18n } from '../i18n';
import { LineDrawing } from './lineDrawing';
import { MessageLayer } from './messageLayer';
import { roundTenth, setAttr, setText } from './svgText';
import { presentNode, type NodePresentation } from './nodePresentation';

/** Margin for region captions above and node labels below; largest node radius (px). */
const MARGIN = 14;
const MAX_NODE_RADIUS = 26;
/** The two text lines under each node need this much room between neighbours, else they are left out. */
const MIN_SPACING_FOR_LINES = 66;

export interface ClusterCallbacks {
  /** A node was activated; `anchor` is where to open its menu, in client (page) px. */
  openMenu(node: number, anchor: Point): void;
  dropMessage(message: FrameMessage): void;
  /** New partition groups, or null to heal every link. */
  partition(groups: number[][] | null): void;
}

export interface ClusterScene {
  frame: Frame;
  /** The virtual time to draw messages and timers at. */
  time: number;
  /** Playback speed (virtual ms per real ms) and whether it plays: messages glide on by themselves then. */
  speed: number;
  playing: boolean;
  selectedNode: number | null;
  selectedMessage: number | null;
  menuNode: number | null;
  drawing: boolean;
}

type SvgSel<E extends Element> = Selection<E, unknown, null, undefined>;

/** What a drawn layer was drawn from: it is redrawn only when one of these is a new value. */
interface Drawn {
  nodes: unknown;
  network: unknown;
  rooms: unknown;
  timers: unknown;
  messages: unknown;
  selectedNode: number | null;
  selectedMessage: number | null;
  menuNode: number | null;
  bulk: unknown;
  lang: string;
  layoutKey: string;
}

/**
 * The cluster as SVG, owned by D3: regions (partitions or rooms), cut links, nodes (shape and
 * color by role, term and vote, the election timer arc) and messages in flight. Nodes are the
 * Contract 3 buttons (role=button, named "S3, leader, term 4", keyboard activation).
 */
export class SvgCluster {
  private readonly svg: SvgSel<SVGSVGElement>;
  private readonly regions: SvgSel<SVGGElement>;
  private readonly cuts: SvgSel<SVGGElement>;
  private readonly nodes: SvgSel<SVGGElement>;
  private readonly messageLayer: MessageLayer;
  private readonly surface: SvgSel<SVGRectElement>;
  private readonly lineDrawing: LineDrawing;
  private layout: ClusterLayout | null = null;
  private layoutKey = '';
  private scene: ClusterScene | null = null;
  private dragging: number | null = null;
  private width = 0;
  private height = 0;
  /** The element's size, told by the stage's ResizeObserver (reading it every frame would force a layout). */
  private size: { width: number; height: number } | null = null;
  private drawn: Drawn | null = null;
  private presented = new WeakMap<NodeView, NodePresentation>();
  private presentedLang = '';
  private readonly presentedByKey = new Map<string, NodePresentation>();
  private glide = 0;

  constructor(
    element: SVGSVGElement,
    private readonly callbacks: ClusterCallbacks,
  ) {
    this.svg = select(element);
    this.svg.selectAll('*').remove();
    this.regions = this.svg.append('g').attr('class', 'regions').attr('aria-hidden', 'true');
    this.cuts = this.svg.append('g').attr('class', 'cuts').attr('aria-hidden', 'true');
    this.nodes = this.svg.append('g').attr('class', 'nodes');
    const messages = this.svg.append('g').attr('class', 'messages').attr('aria-hidden', 'true');
    this.messageLayer = new MessageLayer(messages.node()!, (message) => this.callbacks.dropMessage(message));
    this.surface = this.svg.append('rect').attr('class', 'draw-surface').attr('aria-hidden', 'true');
    const line = this.svg.append('line').attr('class', 'partition-line').attr('aria-hidden', 'true');
    this.lineDrawing = new LineDrawing(element, this.surface, line, (a, b) => {
      const groups = this.layout ? splitByLine(this.layout.positions, a, b) : null;
      if (groups) this.callbacks.partition(groups);
    });
  }

  /** The element was resized (the stage observes it); the next render lays the cluster out again. */
  resize(width: number, height: number): void {
    this.size = { width, height };
  }

  /**
   * Draws a scene, once per frame of the worker (and on any other change of the store): election
   * timers shrink to the frame's time and messages glide between frames as compositor animations
   * (glide.ts), so the page does no work in between; regions, cut links, nodes and the set of
   * messages are redrawn only when what they show changed (the store keeps unchanged parts of a
   * frame as the same objects).
   */
  render(scene: ClusterScene): void {
    this.scene = scene;
    const { frame } = scene;
    const relayout = this.updateLayout(frame);
    const layout = this.layout!;
    const now: Drawn = {
      nodes: frame.nodes,
      network: frame.network,
      rooms: frame.rooms,
      timers: frame.timers,
      messages: frame.messages,
      selectedNode: scene.selectedNode,
      selectedMessage: scene.selectedMessage,
      menuNode: scene.menuNode,
      bulk: frame.bulk,
      lang: i18n.language,
      layoutKey: `${this.layoutKey}:${this.width}x${this.height}`,
    };
    const was = this.drawn;
    const differs = (...keys: (keyof Drawn)[]) => was === null || keys.some((k) => was[k] !== now[k]);
    this.drawn = now;
    if (differs('network', 'rooms', 'lang', 'layoutKey')) {
      this.drawRegions(frame, layout);
      this.drawCuts(frame, layout);
    }
    if (differs('nodes', 'bulk', 'selectedNode', 'menuNode', 'lang', 'layoutKey')) this.drawNodes(scene, layout, relayout);
    if (differs('nodes', 'timers', 'layoutKey')) this.joinTimers(scene);
    this.moveTimers(scene, layout);
    if (differs('messages', 'selectedMessage', 'lang', 'layoutKey')) this.messageLayer.update(frame.messages, layout, scene.selectedMessage);
    this.messageLayer.move(layout, { time: scene.time, speed: scene.speed, playing: scene.playing });
    this.surface.classed('active', scene.drawing);
    if (!scene.drawing) this.lineDrawing.cancel();
  }

  /** Where node `id` is drawn, in client px (for anchoring its menu). */
  clientPoint(id: number): Point | null {
    const p = this.layout?.positions.get(id);
    const m = this.svg.node()?.getScreenCTM();
    if (!p || !m) return null;
    return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f + (this.layout?.nodeRadius ?? 0) * m.d };
  }

  /** The drawing uses the element's own size (1 unit = 1 px), so it fills whatever space it gets. */
  private updateLayout(frame: Frame): boolean {
    const element = this.svg.node()!;
    // Measured once; afterwards the stage's ResizeObserver says when it changes.
    this.size ??= { width: element.clientWidth, height: element.clientHeight };
    const width = Math.max(200, this.size.width || 640);
    const height = Math.max(160, this.size.height || 440);
    const resized = width !== this.width || height !== this.height;
    if (resized) {
      this.width = width;
      this.height = height;
      this.svg.attr('viewBox', `0 0 ${width} ${height}`);
      this.surface.attr('width', width).attr('height', height);
    }
    const groups = layoutGroups(frame.nodeCount, frame.network.groups, frame.rooms);
    const key = JSON.stringify(groups);
    if (key === this.layoutKey && this.layout && !resized) return false;
    const relayout = this.layout !== null && key !== this.layoutKey;
    this.layoutKey = key;
    this.layout = clusterLayout(groups, { width, height, margin: MARGIN, maxNodeRadius: MAX_NODE_RADIUS }, 'ring');
    return relayout;
  }

  private drawRegions(frame: Frame, layout: ClusterLayout): void {
    const partitioned = frame.network.groups.length > 1;
    const shown = partitioned || frame.rooms.length > 0 ? layout.regions : [];
    const sel = this.regions
      .selectAll<SVGGElement, (typeof shown)[number]>('g.region')
      .data(shown, (d) => String(d.index))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'region');
        g.append('circle');
        g.append('text').attr('class', 'region-caption').attr('text-anchor', 'middle');
        return g;
      })
      .classed('partition', partitioned);
    sel
      .select('circle')
      .attr('cx', (d) => d.cx)
      .attr('cy', (d) => d.cy)
      .attr('r', (d) => d.r);
    sel
      .select('text')
      .attr('x', (d) => d.cx)
      .attr('y', (d) => Math.max(12, d.cy - d.r + 14))
      .text((d) => (partitioned ? i18n.t('cluster.regionPartition', { letter: String.fromCharCode(65 + d.index), count: d.members.length }) : i18n.t('cluster.regionRoom', { n: d.index + 1 })));
  }

  private drawCuts(frame: Frame, layout: ClusterLayout): void {
    const data = frame.network.cuts.filter(([a, b]) => layout.positions.has(a) && layout.positions.has(b));
    const sel = this.cuts
      .selectAll<SVGGElement, [number, number]>('g.cut')
      .data(data, (d) => `${d[0]}-${d[1]}`)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'cut');
        g.append('line');
        g.append('text').attr('text-anchor', 'middle').text('✕');
        return g;
      });
    sel.each(function ([a, b]) {
      const p = layout.positions.get(a)!;
      const q = layout.positions.get(b)!;
      const g = select(this);
      g.select('line').attr('x1', p.x).attr('y1', p.y).attr('x2', q.x).attr('y2', q.y);
      // The ✕ sits near the sending end: that direction is the one cut.
      g.select('text')
        .attr('x', p.x + (q.x - p.x) * 0.3)
        .attr('y', p.y + (q.y - p.y) * 0.3 + 5);
    });
  }

  private drawNodes(scene: ClusterScene, layout: ClusterLayout, relayout: boolean): void {
    const { frame } = scene;
    const r = layout.nodeRadius;
    const showLines = layout.nodeSpacing >= MIN_SPACING_FOR_LINES || frame.nodeCount <= 2;
    const data = frame.nodes.map((view) => this.present(frame, view));
    const sel = this.nodes
      .selectAll<SVGGElement, NodePresentation>('g.node')
      .data(data, (d) => String(d.id))
      .join((enter) => {
        const g = enter
          .append('g')
          .attr('class', 'node')
          .attr('role', 'button')
          .attr('tabindex', 0)
          .attr('aria-haspopup', 'menu')
          .attr('data-node', (d) => d.id)
          .attr('transform', (d) => translate(layout.positions.get(d.id)));
        g.append('path').attr('class', 'timer-arc').attr('aria-hidden', 'true');
        g.append('path').attr('class', 'selection-ring').attr('aria-hidden', 'true');
        g.append('path').attr('class', 'shape').attr('aria-hidden', 'true');
        g.append('text').attr('class', 'node-id').attr('text-anchor', 'middle').attr('aria-hidden', 'true');
        g.append('text').attr('class', 'node-line1').attr('text-anchor', 'middle').attr('aria-hidden', 'true');
        g.append('text').attr('class', 'node-line2').attr('text-anchor', 'middle').attr('aria-hidden', 'true');
        g.on('click', (event: MouseEvent, d) => {
          event.stopPropagation();
          this.activate(d.id);
        });
        g.on('keydown', (event: KeyboardEvent, d) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          event.stopPropagation();
          this.activate(d.id);
        });
        g.call(this.nodeDrag());
        return g;
      })
      .each(function (d) {
        setAttr(this, 'aria-label', d.label);
        setAttr(this, 'aria-expanded', String(scene.menuNode === d.id));
        setAttr(this, 'data-role', d.styleKey);
        this.classList.toggle('down', d.down);
        this.classList.toggle('paused', d.paused);
        this.classList.toggle('selected', scene.selectedNode === d.id);
      });
    this.placeNodes(sel.filter((d) => d.id !== this.dragging), layout, relayout);
    sel.each(function (d) {
      // Redrawn only when what it shows changed (a heartbeat makes a new view, most often an equal one).
      const key = `${d.styleKey}|${d.lines[0]}|${d.lines[1]}|${r}|${showLines}`;
      const element = this as SVGGElement & { __drawn?: string };
      if (element.__drawn === key) return;
      element.__drawn = key;
      const g = select(this);
      const style = roleStyle(d.styleKey);
      g.select('.shape')
        .attr('d', shapePath(style.shape, r))
        .style('fill', style.fill)
        .classed('dashed', style.dashed);
      g.select('.selection-ring').attr('d', shapePath(style.shape, r + 4));
      setText(
        g
          .select<SVGTextElement>('.node-id')
          .attr('y', r * 0.32)
          .style('font-size', `${Math.max(9, Math.min(16, r * 0.75))}px`)
          .style('fill', style.ink)
          .node()!,
        `S${d.id}`,
      );
      setText(g.select<SVGTextElement>('.node-line1').attr('y', r + 14).node()!, showLines ? d.lines[0] : '');
      setText(g.select<SVGTextElement>('.node-line2').attr('y', r + 27).node()!, showLines ? d.lines[1] : '');
    });
  }

  /**
   * A node's presentation, made once per view object (views of untouched nodes are the same
   * objects) and, for a new view, once per distinct content: a heartbeat gives a follower a new
   * view that most often reads exactly as before, and translating it again would be wasted.
   */
  private present(frame: Frame, view: NodeView): NodePresentation {
    if (frame.protocol === 'gossip') return presentNode(frame, view);
    if (this.presentedLang !== i18n.language) {
      this.presented = new WeakMap();
      this.presentedByKey.clear();
      this.presentedLang = i18n.language;
    }
    let p = this.presented.get(view);
    if (p) return p;
    const vote = view.vote as { leader?: unknown } | undefined;
    const key = `${String(view.id)}|${String(view.up)}|${String(view.paused)}|${String(view.role ?? view.state)}|${String(view.term)}|${String(view.currentEpoch)}|${String(view.votedFor)}|${String(vote?.leader)}`;
    p = this.presentedByKey.get(key);
    if (!p) {
      p = presentNode(frame, view);
      if (this.presentedByKey.size > 2000) this.presentedByKey.clear();
      this.presentedByKey.set(key, p);
    }
    this.presented.set(view, p);
    return p;
  }

  /**
   * Puts the nodes where the layout says; after a relayout (a partition, a heal) they glide
   * there over RELAYOUT_MS, so the eye can follow which node went where.
   */
  private placeNodes(sel: Selection<SVGGElement, NodePresentation, SVGGElement, unknown>, layout: ClusterLayout, animate: boolean): void {
    cancelAnimationFrame(this.glide);
    const moves: { element: PlacedNode; from: Point; to: Point }[] = [];
    sel.each(function (d) {
      const to = layout.positions.get(d.id) ?? { x: 0, y: 0 };
      const element = this as PlacedNode;
      moves.push({ element, from: element.__at ?? to, to });
    });
    const place = (k: number) => {
      for (const { element, from, to } of moves) {
        const at = { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k };
        if (k >= 1) element.__at = to;
        setAttr(element, 'transform', translate(at));
      }
    };
    if (!animate) {
      place(1);
      return;
    }
    const start = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / RELAYOUT_MS);
      place(t < 1 ? easeInOut(t) : 1);
      if (t < 1) this.glide = requestAnimationFrame(step);
    };
    this.glide = requestAnimationFrame(step);
  }

  /** Which node shows which timer arc (redrawn with the timers); `moveTimers` shrinks them every frame. */
  private joinTimers(scene: ClusterScene): void {
    const timers = new Map(scene.frame.timers.map((t) => [t.node, t]));
    this.nodes.selectAll<SVGGElement, NodePresentation>('g.node').each(function (d) {
      (this as SVGGElement & { __timer?: FrameTimer }).__timer = timers.get(d.id);
    });
  }

  private moveTimers(scene: ClusterScene, layout: ClusterLayout): void {
    const r = layout.nodeRadius;
    this.nodes.selectAll<SVGPathElement, unknown>('g.node > .timer-arc').each(function () {
      const timer = (this.parentNode as SVGGElement & { __timer?: FrameTimer }).__timer;
      setAttr(this, 'd', timer ? arcPath(0, 0, r + 7, timerFraction(scene.time, timer.due, timer.totalMs)) : '');
    });
  }

  private activate(id: number): void {
    const p = this.clientPoint(id);
    if (p) this.callbacks.openMenu(id, p);
  }

  /** Drag a node out of its region to cut it off, or into another partition to move it there. */
  private nodeDrag() {
    return drag<SVGGElement, NodePresentation>()
      .clickDistance(5)
      .filter(() => !this.scene?.drawing)
      .subject((_event, d) => this.layout?.positions.get(d.id) ?? { x: 0, y: 0 })
      .on('start', (_event, d) => {
        this.dragging = d.id;
      })
      .on('drag', function (event: { x: number; y: number }) {
        select(this).attr('transform', `translate(${roundTenth(event.x)},${roundTenth(event.y)})`).classed('dragging', true);
      })
      .on('end', (event: { x: number; y: number }, d) => {
        this.dragging = null;
        this.nodes.selectAll('g.node').classed('dragging', false);
        const layout = this.layout;
        const frame = this.scene?.frame;
        const groups = layout && frame ? groupsAfterDrop(frame.network.groups, layout, d.id, { x: event.x, y: event.y }) : undefined;
        if (groups !== undefined) this.callbacks.partition(groups);
        else if (this.scene) {
          // Dropped where nothing changes: put it back (everything is drawn afresh).
          this.drawn = null;
          this.render(this.scene);
        }
      });
  }
}

/** A node's group, with where it was last put (a relayout glides from there). */
type PlacedNode = SVGGElement & { __at?: Point };

/** How long nodes glide to their new places after a relayout. */
const RELAYOUT_MS = 450;

function easeInOut(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}

function translate(p: Point | undefined): string {
  return p ? `translate(${roundTenth(p.x)},${roundTenth(p.y)})` : 'translate(0,0)';
}

