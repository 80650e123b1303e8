import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { useSceneLoop } from '../cluster/useSceneLoop';
import { traceWindow, useUi } from '../store';
import { SpaceTimeView } from './spaceTimeView';

const SPANS_MS = [500, 1000, 2000, 5000] as const;
const ROLE_FIELD: Record<string, string> = { raft: 'role', zab: 'state', gossip: 'informed' };

/** The space-time diagram beside the cluster, following the Time slider (click to jump). */
export function SpaceTime({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const view = useRef<SpaceTimeView | null>(null);
  const [width, setWidth] = useState(600);
  const [span, setSpan] = useState<number>(1000);
  const nodeCount = useUi((s) => s.frame?.nodeCount ?? 0);
  const bulk = useUi((s) => s.frame?.view === 'bulk');
  const height = Math.max(110, Math.min(210, nodeCount * 18 + 30));

  useEffect(() => {
    if (!canvasRef.current || !overlayRef.current) return;
    view.current = new SpaceTimeView(canvasRef.current, overlayRef.current, (t) => controller.seek(t));
    return () => {
      view.current = null;
    };
  }, [controller, bulk]);

  // A seek brings back what this diagram shows (and a little more for the narration), not more.
  useEffect(() => {
    void controller.setTraceWindow(bulk ? 1000 : span * 1.5);
  }, [controller, span, bulk]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    observer.observe(box);
    return () => observer.disconnect();
  }, [bulk]);

  const draw = useCallback(
    (s: ReturnType<typeof useUi.getState>, time: number) => {
      if (!s.frame || !view.current || s.frame.view === 'bulk') return;
      view.current.render({
        events: traceWindow.events,
        eventsVersion: s.traceVersion,
        eventsAppended: traceWindow.appended,
        eventsGeneration: traceWindow.generation,
        latencyMaxMs: s.frame.network.latency[1],
        theme: document.documentElement.dataset.theme ?? '',
        messages: s.frame.messages,
        nodeCount: s.frame.nodeCount,
        time,
        horizon: s.frame.horizon,
        spanMs: span,
        width,
        height,
        selectedNode: s.selectedNode,
        roleField: ROLE_FIELD[s.frame.protocol] ?? 'role',
        speed: s.speed,
        playing: s.playback === 'playing',
      });
    },
    [span, width, height],
  );
  // Drawn once per frame of the worker: between frames the picture slides on by itself.
  useSceneLoop(draw, !bulk, false);

  // The theme is applied to <html> after the store changes: draw again in its colors then.
  useEffect(() => {
    const observer = new MutationObserver(() => draw(useUi.getState(), useUi.getState().frame?.time ?? 0));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, [draw]);

  return (
    <section className="space-time panel" aria-labelledby="space-time-heading">
      <div className="panel-head">
        <h2 id="space-time-heading">{t('spaceTime.title')}</h2>
        <label className="small">
          {t('spaceTime.window')}
          <select aria-label={t('spaceTime.window')} value={span} onChange={(e) => setSpan(Number(e.target.value))}>
            {SPANS_MS.map((ms) => (
              <option key={ms} value={ms}>
                {t('spaceTime.seconds', { s: ms / 1000 })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {bulk ? (
        <p className="muted small">{t('spaceTime.bulk')}</p>
      ) : (
        <div ref={boxRef} className="space-time-box">
          <canvas ref={canvasRef} role="img" aria-label={`${t('spaceTime.title')}. ${t('spaceTime.help')}`} />
          <canvas ref={overlayRef} className="space-time-frame" aria-hidden="true" />
        </div>
      )}
    </section>
  );
}
