import { useUi, SPEEDS } from './store';
import type { Controller } from './controller';
import { formatMs } from './labels';

/** Play, Pause, Step, Reset, Share, the Time slider and the Speed control (Contract 3). */
export function Controls({ controller }: { controller: Controller }) {
  const playing = useUi((s) => s.playing);
  const speed = useUi((s) => s.speed);
  const time = useUi((s) => s.frame?.time ?? 0);
  const horizon = useUi((s) => s.frame?.horizon ?? 0);
  const events = useUi((s) => s.frame?.events ?? 0);
  return (
    <div className="controls" role="toolbar" aria-label="Playback">
      <button type="button" onClick={() => controller.togglePlay()} aria-keyshortcuts="Space">
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => void controller.step()} aria-keyshortcuts="ArrowRight">
        Step
      </button>
      <button type="button" onClick={() => void controller.reset()}>
        Reset
      </button>
      <button type="button" onClick={() => void controller.share()}>
        Share
      </button>
      <label className="speed">
        Speed
        <select aria-label="Speed" value={speed} onChange={(e) => useUi.getState().setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <label className="time">
        <span>Time</span>
        <input
          type="range"
          aria-label="Time"
          aria-valuetext={`${Math.round(time)} ms`}
          min={0}
          max={Math.ceil(horizon)}
          step={1}
          value={Math.round(time)}
          onChange={(e) => {
            controller.pause();
            void controller.seek(Number(e.target.value));
          }}
        />
      </label>
      <span className="clock" role="timer" aria-label="Virtual time">
        {formatMs(time)}
      </span>
      <span className="events" role="note" aria-label="Events">
        {events} events
      </span>
    </div>
  );
}
