import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSceneLoop } from '../cluster/useSceneLoop';
import { useUi } from '../store';
import { InformedChartView } from './informedChartView';

/** Gossip: the informed fraction over time beside Serf's analytic curve. */
export function InformedChart() {
  const { t } = useTranslation();
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
        {t('informed.chart')}: <span className="swatch simulated" aria-hidden="true" /> {t('informed.simulated')} ·{' '}
        <span className="swatch model" aria-hidden="true" /> {t('informed.model')}
      </figcaption>
      <svg ref={svgRef} aria-hidden="true" />
      <p className="small">{started ? summary : t('informed.none')}</p>
    </figure>
  );
}
