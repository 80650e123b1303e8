import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { curveStepAfter, line } from 'd3-shape';
import { serfConvergenceCurve, serfRoundsTo } from '../../sim/protocols/gossip/analytic';
import { Health, type GossipBulk } from '../../worker/frame';
import { informedSteps, roundsToTime } from '../geometry/informedCurve';
import { i18n } from '../i18n';

const MARGIN = { left: 40, right: 12, top: 10, bottom: 30 };

/** The informed fraction over time, simulated (steps) beside Serf's convergence model (dashed). */
export class InformedChartView {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly model: Selection<SVGPathElement, unknown, null, undefined>;
  private readonly simulated: Selection<SVGPathElement, unknown, null, undefined>;
  private readonly now: Selection<SVGLineElement, unknown, null, undefined>;

  constructor(element: SVGSVGElement) {
    this.svg = select(element);
    this.svg.selectAll('*').remove();
    this.xAxis = this.svg.append('g').attr('class', 'chart-axis');
    this.yAxis = this.svg.append('g').attr('class', 'chart-axis');
    this.model = this.svg.append('path').attr('class', 'chart-model');
    this.simulated = this.svg.append('path').attr('class', 'chart-simulated');
    this.now = this.svg.append('line').attr('class', 'chart-now');
  }

  /** Returns a one-line summary for screen readers. */
  render(bulk: GossipBulk, time: number, width: number, height: number): string {
    this.svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const start = bulk.rumorStartedAt;
    if (start === null) {
      this.simulated.attr('d', null);
      this.model.attr('d', null);
      return '';
    }
    const interval = Math.max(1, bulk.gossipIntervalMs);
    const n = Math.max(1, bulk.health.length - 1);
    let down = 0;
    for (let id = 1; id <= n; id++) if (bulk.health[id] === Health.down) down++;
    const model = { nodes: Math.max(2, bulk.live), fanout: bulk.fanout, loss: bulk.loss, failed: down / n };
    const roundsTo99 = serfRoundsTo(model, 0.99);
    const steps = informedSteps(bulk.informedAt, bulk.live);
    const lastInformed = steps.length > 0 ? steps[steps.length - 1][0] : start;
    const allInformed = steps.length > 0 && steps[steps.length - 1][1] >= 1;
    // The axis covers the spread and the model's, not the whole run: after convergence the curve would flatten into a corner.
    const spread = Math.max(lastInformed, start + Math.min(roundsTo99, 200) * interval) + 2 * interval;
    const end = allInformed ? spread : Math.max(time, spread);
    const x = scaleLinear().domain([start - interval, end]).range([MARGIN.left, width - MARGIN.right]);
    const y = scaleLinear().domain([0, 1]).range([height - MARGIN.bottom, MARGIN.top]);
    const modelPoints = roundsToTime(serfConvergenceCurve(model, (end - start) / interval), start, interval);
    const path = line<[number, number]>()
      .x((d) => x(d[0]))
      .y((d) => y(d[1]));
    this.model.attr('d', path(modelPoints));
    const shownUntil = Math.min(time, end);
    const simulated: [number, number][] = [[start - interval, 0], [start, 0], ...steps.filter((p) => p[0] <= shownUntil), [shownUntil, fractionAt(steps, shownUntil)]];
    this.simulated.attr('d', path.curve(curveStepAfter)(simulated));
    this.now
      .attr('visibility', time <= end ? 'visible' : 'hidden')
      .attr('x1', x(time))
      .attr('x2', x(time))
      .attr('y1', MARGIN.top)
      .attr('y2', height - MARGIN.bottom);
    this.xAxis
      .attr('transform', `translate(0,${height - MARGIN.bottom})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 80))).tickFormat((v) => `${(Number(v) / 1000).toFixed(1)} s`));
    this.yAxis.attr('transform', `translate(${MARGIN.left},0)`).call(axisLeft(y).ticks(4).tickFormat((v) => `${Math.round(Number(v) * 100)}%`));
    const model99 = roundsTo99.toFixed(1);
    if (allInformed) {
      return i18n.t('informed.all', { live: bulk.live, rounds: ((lastInformed - start) / interval).toFixed(1), at: `${(lastInformed / 1000).toFixed(2)} s`, model: model99 });
    }
    return i18n.t('informed.soFar', { percent: Math.round(fractionAt(steps, time) * 100), live: bulk.live, rounds: ((time - start) / interval).toFixed(1), model: model99 });
  }
}

function fractionAt(steps: [number, number][], t: number): number {
  let f = 0;
  for (const [time, fraction] of steps) {
    if (time > t) break;
    f = fraction;
  }
  return f;
}
