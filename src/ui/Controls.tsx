import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from './controller';
import { formatMs } from './labels';
import { OpenFullLink } from './share/OpenFullLink';
import { isRunning, SPEEDS, useUi } from './store';
import { Timeline } from './timeline/Timeline';
import { useLiveText, usePanelValue } from './usePanelValue';

/**
 * Play, Pause, Step back, Step (and its variants), Reset, Share, Undo, Speed, and the painted
 * timeline with the Time slider (Contract 3). Embedded (`?embed=1`), Share gives way to a link to
 * the full page that carries the run as it is now.
 */
export function Controls({ controller, embedded = false }: { controller: Controller; embedded?: boolean }) {
  const { t } = useTranslation();
  const playback = useUi((s) => s.playback);
  const speed = useUi((s) => s.speed);
  const canStepBack = useUi((s) => (s.frame?.position.events ?? 0) > 1);
  const canUndo = useUi((s) => s.frame?.canUndo ?? false);
  const hasLeaders = useUi((s) => s.frame?.protocol !== 'gossip');
  const running = isRunning(playback);
  return (
    <div className="controls" role="toolbar" aria-label={t('playback.toolbar')}>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => controller.togglePlay()} aria-keyshortcuts="Space">
          {running ? t('playback.pause') : t('playback.play')}
        </button>
        <button type="button" title={t('playback.stepBackHint')} disabled={!canStepBack} onClick={() => controller.stepBack()} aria-keyshortcuts="ArrowLeft">
          {t('playback.stepBack')}
        </button>
        <button type="button" onClick={() => controller.step()} aria-keyshortcuts="ArrowRight">
          {t('playback.step')}
        </button>
        <button type="button" title={t('playback.stepDeliveryHint')} onClick={() => controller.send({ type: 'STEP_DELIVERY' })}>
          {t('playback.stepDelivery')}
        </button>
        <button type="button" title={t('playback.stepStateChangeHint')} onClick={() => controller.send({ type: 'STEP_STATE_CHANGE' })}>
          {t('playback.stepStateChange')}
        </button>
        {hasLeaders && (
          <button type="button" title={t('playback.runUntilLeaderHint')} disabled={playback === 'runningUntil'} onClick={() => controller.send({ type: 'RUN_UNTIL_LEADER' })}>
            {t('playback.runUntilLeader')}
          </button>
        )}
        <button type="button" onClick={() => controller.reset()}>
          {t('playback.reset')}
        </button>
        {embedded ? (
          <OpenFullLink controller={controller} />
        ) : (
          <button type="button" onClick={() => void controller.share()}>
            {t('playback.share')}
          </button>
        )}
        <button type="button" title={t('playback.undoHint')} disabled={!canUndo} onClick={() => controller.undo()} aria-keyshortcuts="Control+Z Meta+Z">
          {t('playback.undo')}
        </button>
      </div>
      <label className="speed">
        {t('playback.speed')}
        <select aria-label={t('playback.speed')} value={speed} onChange={(e) => useUi.getState().setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <Clock />
      <EventCount />
      <Timeline controller={controller} />
    </div>
  );
}

/** The virtual clock: its text follows the store directly (no React render per change). */
function Clock() {
  const { t } = useTranslation();
  const ref = useRef<HTMLSpanElement>(null);
  useLiveText(ref, (s) => formatMs(s.frame?.time ?? 0));
  return <span ref={ref} className="clock" role="timer" aria-label={t('playback.virtualTime')} />;
}

/** The event count, shown once the worker's first frame has come (until then there is no count to read). */
function EventCount() {
  const { t } = useTranslation();
  const events = usePanelValue((s) => s.frame?.events ?? null);
  if (events === null) return null;
  return (
    <span className="events" role="note" aria-label={t('playback.eventsNote')}>
      {t('playback.eventCount', { count: events })}
    </span>
  );
}
