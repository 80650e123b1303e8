import { useEffect, useRef } from 'react';
import { formatMs } from '../labels';
import { useUi } from '../store';
import { strings } from '../strings';

/** What happens, in sentences a student can follow (the protocols' narration, rendered in English). */
export function Narration() {
  const lines = useUi((s) => s.narration);
  const playing = useUi((s) => s.playback !== 'paused');
  const ref = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = ref.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lines]);
  return (
    <section className="narration panel" aria-labelledby="narration-heading">
      <div className="panel-head">
        <h2 id="narration-heading">{strings.narration}</h2>
      </div>
      {/* Announced while stepping; silent while playing, when it would be a torrent. */}
      <ol ref={ref} role="log" aria-labelledby="narration-heading" aria-live={playing ? 'off' : 'polite'} className="narration-lines">
        {lines.length === 0 && <li className="muted">{strings.narrationEmpty}</li>}
        {lines.map((line) => (
          <li key={line.key} className={`line ${line.kind}`}>
            <span className="t">{formatMs(line.t)}</span> {line.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
