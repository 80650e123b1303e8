import type { Controller } from './controller';
import { formatMs } from './labels';
import { isRunning, SPEEDS, useUi } from './store';
import { strings } from './strings';

/** Play, Pause, Step (and its variants), Reset, Share, Speed and the Time slider (Contract 3). */
export function Controls({ controller }: { controller: Controller }) {
  const playback = useUi((s) => s.playback);
  const speed = useUi((s) => s.speed);
  const time = useUi((s) => s.frame?.time ?? 0);
  const horizon = useUi((s) => s.frame?.horizon ?? 0);
  const events = useUi((s) => s.frame?.events ?? null);
  const hasLeaders = useUi((s) => s.frame?.protocol !== 'gossip');
  const running = isRunning(playback);
  return (
    <div className="controls" role="toolbar" aria-label={strings.playbackToolbar}>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => controller.togglePlay()} aria-keyshortcuts="Space">
          {running ? strings.pause : strings.play}
        </button>
        <button type="button" onClick={() => controller.step()} aria-keyshortcuts="ArrowRight">
          {strings.step}
        </button>
        <button type="button" title={strings.stepDeliveryHint} onClick={() => controller.send({ type: 'STEP_DELIVERY' })}>
          {strings.stepDelivery}
        </button>
        <button type="button" title={strings.stepStateChangeHint} onClick={() => controller.send({ type: 'STEP_STATE_CHANGE' })}>
          {strings.stepStateChange}
        </button>
        {hasLeaders && (
          <button type="button" title={strings.runUntilLeaderHint} disabled={playback === 'runningUntil'} onClick={() => controller.send({ type: 'RUN_UNTIL_LEADER' })}>
            {strings.runUntilLeader}
          </button>
        )}
        <button type="button" onClick={() => controller.reset()}>
          {strings.reset}
        </button>
        <button type="button" onClick={() => void controller.share()}>
          {strings.share}
        </button>
      </div>
      <label className="speed">
        {strings.speed}
        <select aria-label={strings.speed} value={speed} onChange={(e) => useUi.getState().setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <label className="time">
        <span>{strings.time}</span>
        <input
          type="range"
          aria-label={strings.time}
          aria-valuetext={`${Math.round(time)} ms`}
          min={0}
          max={Math.ceil(horizon)}
          step={1}
          value={Math.round(time)}
          onChange={(e) => controller.seek(Number(e.target.value))}
        />
      </label>
      <span className="clock" role="timer" aria-label={strings.virtualTime}>
        {formatMs(time)}
      </span>
      {/* Shown once the worker's first frame has come: until then there is no count to read. */}
      {events !== null && (
        <span className="events" role="note" aria-label={strings.eventsNote}>
          {strings.eventCount(events)}
        </span>
      )}
    </div>
  );
}
