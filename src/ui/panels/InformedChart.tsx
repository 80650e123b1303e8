import { useCallback, useEffect, useRef, useState } from 'react';
import { useSceneLoop } from '../cluster/useSceneLoop';
import { useUi } from '../store';
import { strings } from '../strings';
import { InformedChartView } from './informedChartView';

/** Gossip: the informed fraction over time beside Serf's analytic curve. */
export function InformedChart() {
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const view = useRef<InformedChartView | null>(null);
  const [width, setWidth] = useState(400);
  const [summary, setSummary] = useState('');
  const started = useUi((s) => s.frame?.bulk?.rumorStartedAt != null);

  useEffect(() => {
    if (svgRef.current) view.current = new InformedChartView(svgRef.current);
    return () => {
      view.current = null;
    };
  }, []);
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const draw = useCallback(
    (s: ReturnType<typeof useUi.getState>, time: number) => {
      const bulk = s.frame?.bulk;
      if (!bulk || !view.current) return;
      const text = view.current.render(bulk, time, width, 220);
      setSummary((old) => (old === text ? old : text));
    },
    [width],
  );
  useSceneLoop(draw, true);

  return (
    <figure className="informed-chart" ref={boxRef}>
      <figcaption className="small">
        {strings.informedChart}: <span className="swatch simulated" aria-hidden="true" /> {strings.informedSimulated} ·{' '}
        <span className="swatch model" aria-hidden="true" /> {strings.informedModel}
      </figcaption>
      <svg ref={svgRef} aria-hidden="true" />
      <p className="small">{started ? summary : strings.informedNone}</p>
    </figure>
  );
}
