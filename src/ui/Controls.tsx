import { useTranslation } from 'react-i18next';
import type { Controller } from './controller';
import { formatMs } from './labels';
import { fullPageUrl } from './share/links';
import { isRunning, SPEEDS, useUi } from './store';

/**
 * Play, Pause, Step (and its variants), Reset, Share, Speed and the Time slider (Contract 3).
 * Embedded (`?embed=1`), Share gives way to a link to the full page.
 */
export function Controls({ controller, embedded = false }: { controller: Controller; embedded?: boolean }) {
  const { t } = useTranslation();
  const playback = useUi((s) => s.playback);
  const speed = useUi((s) => s.speed);
  const time = useUi((s) => s.frame?.time ?? 0);
  const horizon = useUi((s) => s.frame?.horizon ?? 0);
  const events = useUi((s) => s.frame?.events ?? null);
  const hasLeaders = useUi((s) => s.frame?.protocol !== 'gossip');
  const running = isRunning(playback);
  return (
    <div className="controls" role="toolbar" aria-label={t('playback.toolbar')}>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => controller.togglePlay()} aria-keyshortcuts="Space">
          {running ? t('playback.pause') : t('playback.play')}
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
          <a className="button-link" href={fullPageUrl(location)} target="_blank" rel="noopener">
            {t('playback.openFull')}
          </a>
        ) : (
          <button type="button" onClick={() => void controller.share()}>
            {t('playback.share')}
          </button>
        )}
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
      <label className="time">
        <span>{t('playback.time')}</span>
        <input
          type="range"
          aria-label={t('playback.time')}
          aria-valuetext={t('playback.timeValue', { ms: Math.round(time) })}
          min={0}
          max={Math.ceil(horizon)}
          step={1}
          value={Math.round(time)}
          onChange={(e) => controller.seek(Number(e.target.value))}
        />
      </label>
      <span className="clock" role="timer" aria-label={t('playback.virtualTime')}>
        {formatMs(time)}
      </span>
      {/* Shown once the worker's first frame has come: until then there is no count to read. */}
      {events !== null && (
        <span className="events" role="note" aria-label={t('playback.eventsNote')}>
          {t('playback.eventCount', { count: events })}
        </span>
      )}
    </div>
  );
}
