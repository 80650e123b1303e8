import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMs } from '../labels';
import type { Lang } from '../i18n/language';
import { useUi } from '../store';
import { usePanelValue } from '../usePanelValue';
import type { NarrationLine } from '../traceWindow';
import { isNarrationLoaded, loadNarration, narrationText } from '../narrationText';

/** What happens, in sentences a student can follow (the protocols' narration, in the UI's language). */
export function Narration() {
  const { t } = useTranslation();
  const lines = usePanelValue((s) => s.narration);
  const playing = useUi((s) => s.playback !== 'paused');
  const lang = useUi((s) => s.lang);
  const [loaded, setLoaded] = useState(isNarrationLoaded);
  const started = useUi((s) => s.frame !== null);
  // The templates load once the first frame has been drawn and the page is idle (the first paint
  // does not need them; until then a line reads "…").
  useEffect(() => {
    if (!started) return;
    let live = true;
    const load = () => void loadNarration().then(() => live && setLoaded(true));
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(load, { timeout: 500 }) : window.setTimeout(load, 50);
    return () => {
      live = false;
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [started]);
  return (
    <section className="narration panel" aria-labelledby="narration-heading">
      <div className="panel-head">
        <h2 id="narration-heading">{t('narration.title')}</h2>
      </div>
      {/* The box keeps its end in view by itself (flex, column-reverse): no script scrolls it, so
          no layout is forced each time lines arrive. */}
      <div className="narration-scroll">
        {/* Announced while stepping; silent while playing, when it would be a torrent. */}
        <ol role="log" aria-labelledby="narration-heading" aria-live={playing ? 'off' : 'polite'} className="narration-lines">
          {lines.length === 0 && <li className="muted">{t('narration.empty')}</li>}
          {lines.map((line) => (
            <Line key={line.key} line={line} lang={lang} loaded={loaded} />
          ))}
        </ol>
      </div>
    </section>
  );
}

/** One line, rendered once: a new line arriving does not render the others again. */
const Line = memo(function Line({ line, lang }: { line: NarrationLine; lang: Lang; loaded: boolean }) {
  return (
    <li className={`line ${line.kind}`}>
      <span className="t">{formatMs(line.t)}</span> {narrationText(line.event, lang)}
    </li>
  );
});
