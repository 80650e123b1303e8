import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryItem } from '../../worker/library';
import type { Controller } from '../controller';
import { followRun } from '../followRun';
import { formatMs } from '../labels';
import { useUi } from '../store';
import { DetailView } from './detailView';
import {
  clampWindow,
  coversAll,
  cullBands,
  fitWindow,
  followPresent,
  layoutMarks,
  MARK_LAYOUT,
  MIN_SPAN_MS,
  windowAroundSpan,
  windowFromBrush,
  zoomAround,
  ZOOM_STEP,
  type MarkSlot,
  type TimeScale,
  type TimeWindow,
} from './geometry';
import { MarkerBar, type MarkItem } from './MarkerBar';
import { bandLabel, bandTitle, clusterName, markerName, momentName } from './markerText';
import { OverviewView, THUMB_INSET } from './overviewView';
import { TIMELINE_INTERVAL_MS, TimeSlider } from './TimeSlider';
import { useDetailGestures, type GestureTarget } from './useDetailGestures';
import './timeline.css';

const NO_MOMENTS: LibraryItem['moments'] = [];

/**
 * The painted timeline (focus + context). The overview is the Time slider itself, spanning the
 * whole run with a mini-map of who led behind it; above it the detail strip shows a zoomable
 * window with bands, marks and an axis. Marks are buttons (one roving tab stop) that jump to
 * exactly their event; wheel, brush, the zoom buttons and `+` / `-` choose the window.
 */
export function Timeline({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const runId = useUi((s) => s.frame?.runId ?? -1);
  const horizon = useUi((s) => s.frame?.horizon ?? 0);
  const protocol = useUi((s) => s.frame?.protocol ?? 'raft');
  const nodeCount = useUi((s) => s.frame?.nodeCount ?? 0);
  const libraryId = useUi((s) => s.frame?.libraryId ?? null);
  const moments = useUi((s) => (libraryId ? s.library?.items.find((i) => i.id === libraryId)?.moments : undefined) ?? NO_MOMENTS);
  const lang = useUi((s) => s.lang);
  const timeline = useUi((s) => s.timeline);

  /** The detail window, or null for Show all (the whole run, growing with it). */
  const [zoom, setZoom] = useState<TimeWindow | null>(null);
  const [width, setWidth] = useState(800);
  const [seenRun, setSeenRun] = useState(runId);
  if (seenRun !== runId) {
    // A new run (a load, a reset): its length has nothing to do with the old one's.
    setSeenRun(runId);
    setZoom(null);
  }

  const view = zoom ? clampWindow(zoom, horizon) : fitWindow(horizon);
  const scale = useMemo<TimeScale>(() => ({ start: view.start, end: view.end, x0: THUMB_INSET, x1: Math.max(width - THUMB_INSET, THUMB_INSET + 1) }), [view.start, view.end, width]);
  const layout = useMemo(() => ({ ...MARK_LAYOUT, maxPxPerMs: Math.max(width - 2 * THUMB_INSET, 1) / MIN_SPAN_MS }), [width]);
  const sortedMoments = useMemo(() => [...moments].sort((a, b) => a.at - b.at), [moments]);
  const markerSlots = useMemo(() => layoutMarks(timeline.markers, scale, layout), [timeline.markers, scale, layout]);
  const momentSlots = useMemo(() => layoutMarks(sortedMoments, scale, layout), [sortedMoments, scale, layout]);

  const setWindow = (w: TimeWindow) => setZoom(coversAll(w, horizon) ? null : w);
  const zoomBy = (factor: number) => {
    const time = useUi.getState().frame?.time ?? 0;
    const anchor = time >= view.start && time <= view.end ? time : (view.start + view.end) / 2;
    setWindow(zoomAround(view, factor, anchor, horizon));
  };

  // --- Painting: D3 owns both SVGs. -----------------------------------------------------------
  const hatchId = `tl-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const stripsRef = useRef<HTMLDivElement>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const detailSvg = useRef<SVGSVGElement>(null);
  const overviewSvg = useRef<SVGSVGElement>(null);
  const detail = useRef<DetailView | null>(null);
  const overview = useRef<OverviewView | null>(null);
  const zoomRef = useRef<TimeWindow | null>(zoom);
  zoomRef.current = zoom ? view : null;

  useLayoutEffect(() => {
    if (detailSvg.current) detail.current = new DetailView(detailSvg.current, hatchId);
    if (overviewSvg.current) overview.current = new OverviewView(overviewSvg.current);
    return () => {
      detail.current = null;
      overview.current = null;
    };
  }, [hatchId]);

  useLayoutEffect(() => {
    const box = stripsRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(160, Math.floor(entry.contentRect.width))));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const presentNow = () => {
    const f = useUi.getState().frame;
    if (!f) return;
    detail.current?.present(f.time, f.reached.now);
    overview.current?.present(f.horizon, f.time, f.reached.now, zoomRef.current);
  };

  // Bands and marks: only when the data, the window, the size or the language change.
  useLayoutEffect(() => {
    const f = useUi.getState().frame;
    const openEnd = f ? Math.max(f.reached.now, f.time) : 0;
    detail.current?.paint({
      scale,
      width,
      hasLeaders: protocol !== 'gossip',
      bands: cullBands(timeline.bands, scale, openEnd),
      bandLabel: (leader, term) => bandLabel(t, leader, term, protocol),
      bandTitle: (leader, term) => bandTitle(t, leader, term, protocol),
      markers: timeline.markers,
      markerSlots,
      momentSlots,
      help: t('timeline.help'),
    });
    presentNow();
    // presentNow reads the store and refs only.
  }, [scale, width, protocol, timeline, markerSlots, momentSlots, t, lang]);

  useLayoutEffect(() => {
    const f = useUi.getState().frame;
    overview.current?.paint(timeline.bands, timeline.markers, f?.horizon ?? 0, f ? Math.max(f.reached.now, f.time) : 0, width);
    presentNow();
  }, [timeline, width, runId]);

  useEffect(() => presentNow(), [zoom, horizon]);

  // Each frame: only the now line and the shading move (at most every TIMELINE_INTERVAL_MS while
  // playing); the window turns a page when the present walks out of it.
  useEffect(() => {
    const follower = followRun(presentNow, TIMELINE_INTERVAL_MS);
    const unsubscribe = useUi.subscribe((s, prev) => {
      const f = s.frame;
      const p = prev.frame;
      if (!f || (p && f.time === p.time && f.reached.now === p.reached.now && f.horizon === p.horizon)) return;
      follower.changed(s.playback === 'playing');
      const w = zoomRef.current;
      if (!w || !p || p.runId !== f.runId) return;
      const wasInside = p.time >= w.start && p.time <= w.end;
      if (wasInside && (f.time < w.start || f.time > w.end)) {
        const next = followPresent(w, f.time, f.horizon);
        setZoom(coversAll(next, f.horizon) ? null : next);
      }
    });
    return () => {
      unsubscribe();
      follower.cancel();
    };
    // presentNow reads the store and refs only.
  }, []);

  // --- Gestures on the detail strip. -------------------------------------------------------------
  const gestures = useRef<GestureTarget | null>(null);
  gestures.current = {
    current: () => ({ window: view, scale, horizon }),
    setWindow,
    seek: (ms) => controller.seek(ms),
    brush: (range) => detail.current?.brush(range),
    brushed: (a, b) => setWindow(windowFromBrush(a, b, horizon)),
  };
  useDetailGestures(detailRef, detailSvg, gestures);

  // --- Marker buttons. -------------------------------------------------------------------------
  const items = useMemo(() => {
    const ctx = { protocol, nodeCount };
    const zoomInto = (slot: MarkSlot) => setWindow(windowAroundSpan(slot.fromMs, slot.toMs, horizon));
    const out: MarkItem[] = [];
    for (const slot of momentSlots) {
      const m = sortedMoments[slot.first];
      out.push({
        key: slot.cluster ? `m${slot.first}-${slot.last}` : `m${slot.first}`,
        lane: 'moments',
        x: slot.x,
        left: slot.left,
        right: slot.right,
        cluster: slot.cluster,
        name: slot.cluster ? clusterName(t, slot.count, slot.fromMs, slot.toMs) : momentName(t, m.at, m.label[lang]),
        activate: slot.cluster && slot.separable ? () => zoomInto(slot) : () => controller.seek(m.at),
      });
    }
    for (const slot of markerSlots) {
      const m = timeline.markers[slot.first];
      out.push({
        key: slot.cluster ? `e${slot.first}-${slot.last}` : `e${slot.first}`,
        lane: 'events',
        x: slot.x,
        left: slot.left,
        right: slot.right,
        cluster: slot.cluster,
        name: slot.cluster ? clusterName(t, slot.count, slot.fromMs, slot.toMs) : markerName(t, m, ctx),
        activate: slot.cluster && slot.separable ? () => zoomInto(slot) : () => controller.seekToPosition({ events: m.events, now: m.at }),
      });
    }
    // One toolbar in time order (a moment before the event it is about, at the same instant).
    return out.sort((a, b) => a.x - b.x || (a.lane === b.lane ? 0 : a.lane === 'moments' ? -1 : 1));
    // setWindow and zoomInto only close over horizon and the window, which change the slots too.
  }, [momentSlots, markerSlots, sortedMoments, timeline.markers, protocol, nodeCount, lang, t, controller, horizon]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const factor = e.key === '+' || e.key === '=' ? 1 / ZOOM_STEP : e.key === '-' || e.key === '_' ? ZOOM_STEP : 0;
    if (!factor) return;
    e.preventDefault();
    e.stopPropagation();
    zoomBy(factor);
  };

  return (
    <div className="timeline" role="group" aria-label={t('timeline.label')} onKeyDown={onKeyDown}>
      <div className="tl-strips" ref={stripsRef}>
        <div className="tl-detail" ref={detailRef}>
          <svg ref={detailSvg} className="tl-detail-svg" aria-hidden="true" />
          <MarkerBar items={items} label={t('timeline.markers')} width={width} />
        </div>
        <div className="tl-overview">
          <svg ref={overviewSvg} className="tl-overview-svg" aria-hidden="true" />
          <TimeSlider controller={controller} />
        </div>
      </div>
      <div className="tl-side">
        <span className="tl-window">{t('timeline.window', { from: formatMs(view.start), to: formatMs(view.end) })}</span>
        <span className="tl-zoom">
          <button type="button" aria-label={t('timeline.zoomIn')} title={`${t('timeline.zoomIn')} (+)`} aria-keyshortcuts="+" onClick={() => zoomBy(1 / ZOOM_STEP)}>
            +
          </button>
          <button type="button" aria-label={t('timeline.zoomOut')} title={`${t('timeline.zoomOut')} (−)`} aria-keyshortcuts="-" onClick={() => zoomBy(ZOOM_STEP)}>
            −
          </button>
          <button type="button" onClick={() => setZoom(null)}>
            {t('timeline.fit')}
          </button>
        </span>
        <span className="tl-help">{t('timeline.help')}</span>
      </div>
    </div>
  );
}
