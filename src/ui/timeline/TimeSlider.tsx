import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { useUi } from '../store';
import { usePanelValue } from '../usePanelValue';

/** What each key does on the slider; the browser's own 1 ms steps never happen. */
const KEYS: Record<string, (c: Controller, shift: boolean) => void> = {
  ArrowLeft: (c, shift) => (shift ? c.moveBy(-100) : c.stepBack()),
  ArrowDown: (c, shift) => (shift ? c.moveBy(-100) : c.stepBack()),
  ArrowRight: (c, shift) => (shift ? c.moveBy(100) : c.step()),
  ArrowUp: (c, shift) => (shift ? c.moveBy(100) : c.step()),
  // ARIA sliders: Page Up increases.
  PageUp: (c) => c.moveBy(1000),
  PageDown: (c) => c.moveBy(-1000),
  Home: (c) => c.seek(0),
  End: (c) => c.seekToReached(),
};

/**
 * While playing, the slider's thumb, the now line and the shading follow the run at most this
 * often (20 Hz: a few px a step at 1×); what moves smoothly is the cluster and the diagram.
 */
export const TIMELINE_INTERVAL_MS = 50;

const SHORTCUTS = 'ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight PageUp PageDown Home End';

/**
 * The Time slider (Contract 3: role `slider`, name `Time`, value in virtual ms): a native range
 * input, the timeline's overview strip. Its track is transparent so the painted run shows behind it.
 */
export function TimeSlider({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const time = usePanelValue((s) => Math.round(s.frame?.time ?? 0), TIMELINE_INTERVAL_MS);
  const max = useUi((s) => Math.ceil(s.frame?.horizon ?? 0));
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const action = KEYS[e.key];
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    action(controller, e.shiftKey);
  };
  return (
    <input
      type="range"
      className="tl-slider"
      aria-label={t('playback.time')}
      aria-valuetext={t('playback.timeValue', { ms: time })}
      aria-keyshortcuts={SHORTCUTS}
      title={t('timeline.sliderHelp')}
      min={0}
      max={max}
      step={1}
      value={time}
      onChange={(e) => controller.seek(Number(e.target.value))}
      onKeyDown={onKeyDown}
    />
  );
}
