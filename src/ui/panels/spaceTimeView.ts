import { axisBottom } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { pointer, select, type Selection } from 'd3-selection';
import type { TraceEvent } from '../../sim/kernel/trace';
import type { FrameMessage } from '../../worker/frame';
import { messageProgress } from '../geometry/messages';
import { laneMarks, messageArrows, timeWindow, type Arrow, type LaneMark, type SpaceTimeEvent } from '../geometry/spaceTime';
import { messageFamily } from '../messageLabels';
import { MESSAGE_FILL, roleStyle } from '../roleStyle';

export interface SpaceTimeScene {
  events: readonly TraceEvent[];
  messages: readonly FrameMessage[];
  nodeCount: number;
  time: number;
  horizon: number;
  spanMs: number;
  width: number;
  height: number;
  selectedNode: number | null;
  roleField: string;
}

const MARGIN = { left: 34, right: 10, top: 6, bottom: 22 };

/**
 * The space-time diagram, owned by D3: one lane per node, time to the right, an arrow per
 * message from its send to its delivery (× where it was dropped, dashed while in flight), role
 * changes as marks. Clicking moves the Time slider there.
 */
export class SpaceTimeView {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly lanes: Selection<SVGGElement, unknown, null, undefined>;
  private readonly arrows: Selection<SVGGElement, unknown, null, undefined>;
  private readonly marks: Selection<SVGGElement, unknown, null, undefined>;
  private readonly axis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly now: Selection<SVGLineElement, unknown, null, undefined>;
  private x = scaleLinear();
  private horizon = 0;

  constructor(element: SVGSVGElement, onSeek: (t: number) => void) {
    this.svg = select(element);
    this.svg.selectAll('*').remove();
    const defs = this.svg.append('defs');
    for (const family of Object.keys(MESSAGE_FILL)) {
      defs
        .append('marker')
        .attr('id', `st-arrow-${family}`)
        .attr('viewBox', '0 0 10 10')
        .attr('refX', 9)
        .attr('refY', 5)
        .attr('markerWidth', 6)
        .attr('markerHeight', 6)
        .attr('orient', 'auto')
        .append('path')
        .attr('d', 'M 0 0 L 10 5 L 0 10 z')
        .style('fill', MESSAGE_FILL[family]);
    }
    this.lanes = this.svg.append('g').attr('class', 'st-lanes');
    this.arrows = this.svg.append('g').attr('class', 'st-arrows');
    this.marks = this.svg.append('g').attr('class', 'st-marks');
    this.axis = this.svg.append('g').attr('class', 'st-axis');
    this.now = this.svg.append('line').attr('class', 'st-now');
    this.svg.on('click', (event: MouseEvent) => {
      const [px] = pointer(event, element);
      if (px < MARGIN.left) return;
      const t = Math.round(this.x.invert(px));
      onSeek(Math.max(0, Math.min(this.horizon, t)));
    });
  }

  render(scene: SpaceTimeScene): void {
    const { width, height, nodeCount } = scene;
    this.horizon = scene.horizon;
    this.svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const [t0, t1] = timeWindow(scene.time, scene.spanMs);
    this.x = scaleLinear().domain([t0, t1]).range([MARGIN.left, width - MARGIN.right]);
    const laneH = (height - MARGIN.top - MARGIN.bottom) / Math.max(1, nodeCount);
    const y = (id: number) => MARGIN.top + laneH * (id - 0.5);
    const x = this.x;

    const ids = Array.from({ length: nodeCount }, (_, i) => i + 1);
    const lane = this.lanes
      .selectAll<SVGGElement, number>('g.st-lane')
      .data(ids, (d) => String(d))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'st-lane');
        g.append('line');
        g.append('text').attr('text-anchor', 'end');
        return g;
      })
      .classed('selected', (d) => d === scene.selectedNode);
    lane
      .select('line')
      .attr('x1', MARGIN.left)
      .attr('x2', width - MARGIN.right)
      .attr('y1', (d) => y(d))
      .attr('y2', (d) => y(d));
    lane
      .select('text')
      .attr('x', MARGIN.left - 6)
      .attr('y', (d) => y(d) + 4)
      .text((d) => (laneH >= 9 || d % 5 === 0 || d === 1 ? `S${d}` : ''));

    const events = scene.events as readonly SpaceTimeEvent[];
    const arrivals = new Map(scene.messages.map((m) => [m.id, m]));
    const arrows = messageArrows(events).filter((a) => (a.endAt ?? scene.time) >= t0 && a.sentAt <= t1);
    const end = (a: Arrow): [number, number] => {
      if (a.endAt !== null) return [x(a.endAt), y(a.to)];
      const m = arrivals.get(a.id);
      const p = m ? messageProgress(m.sentAt, m.arrivesAt, scene.time) : 0;
      return [x(Math.max(a.sentAt, Math.min(scene.time, t1))), y(a.from) + (y(a.to) - y(a.from)) * p];
    };
    const arrow = this.arrows
      .selectAll<SVGGElement, Arrow>('g.st-arrow')
      .data(arrows, (d) => String(d.id))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'st-arrow');
        g.append('line');
        g.append('text').attr('class', 'st-drop').attr('text-anchor', 'middle').text('×');
        return g;
      })
      .attr('class', (d) => `st-arrow ${d.outcome}`);
    arrow.each(function (d) {
      const [ex, ey] = end(d);
      const family = messageFamily(d.type);
      const g = select(this);
      g.select('line')
        .attr('x1', x(d.sentAt))
        .attr('y1', y(d.from))
        .attr('x2', ex)
        .attr('y2', ey)
        .style('stroke', d.outcome === 'dropped' ? 'var(--st-dead)' : MESSAGE_FILL[family])
        .attr('marker-end', d.outcome === 'delivered' ? `url(#st-arrow-${family})` : null);
      g.select('.st-drop')
        .attr('x', ex)
        .attr('y', ey + 4)
        .attr('visibility', d.outcome === 'dropped' ? 'visible' : 'hidden');
    });

    const marks = laneMarks(events, scene.roleField).filter((m) => m.t >= t0 && m.t <= t1);
    const mark = this.marks
      .selectAll<SVGGElement, LaneMark>('g.st-mark')
      .data(marks, (d) => `${d.node}:${d.t}:${d.value}`)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'st-mark');
        g.append('rect').attr('width', 7).attr('height', 7).attr('x', -3.5).attr('y', -3.5);
        g.append('title');
        return g;
      })
      .attr('transform', (d) => `translate(${x(d.t)},${y(d.node)})`);
    mark.select('rect').style('fill', (d) => (d.value === 'crash' ? 'var(--role-down)' : roleStyle(d.value).fill));
    mark.select('title').text((d) => `S${d.node}: ${d.value}`);

    this.axis
      .attr('transform', `translate(0,${height - MARGIN.bottom})`)
      .call(
        axisBottom(x)
          .ticks(Math.max(2, Math.floor(width / 90)))
          .tickFormat((v) => `${(Number(v) / 1000).toFixed(scene.spanMs < 2000 ? 2 : 1)} s`),
      );
    this.now
      .attr('x1', x(scene.time))
      .attr('x2', x(scene.time))
      .attr('y1', MARGIN.top)
      .attr('y2', height - MARGIN.bottom);
  }
}
