import type { renderNarration as RenderNarration } from '../sim/narration/render';
import type { TraceEvent } from '../sim/kernel/trace';
import { describeAction } from './actionText';
import { isolateParams } from './bidi';
import type { Lang } from './i18n/language';

let render: typeof RenderNarration | null = null;
let loading: Promise<void> | null = null;

/**
 * The narration templates (both languages, the ones the CLI prints) load after the first paint,
 * not in front of it (the feed asks once the cluster is drawn): until they have, a protocol line
 * shows as an ellipsis. Resolves when they are there; asking again costs nothing.
 */
export function loadNarration(): Promise<void> {
  loading ??= import('../sim/narration/render').then((m) => {
    render = m.renderNarration;
  });
  return loading;
}

export function isNarrationLoaded(): boolean {
  return render !== null;
}

/**
 * A narration line's text in the UI's language. Protocol narration is a message key and its
 * parameters in the trace; the simulation's own templates (English and 简体中文) turn it into a
 * sentence here, at display time, so switching the language rewrites the whole feed. Checker
 * messages are the checkers' English (invariant names are proper names).
 */
export function narrationText(e: TraceEvent, lang: Lang): string {
  if (e.k === 'narrate') return render ? render(e.key, isolateParams(e.params), lang) : '…';
  if (e.k === 'action') return describeAction(e.action);
  if (e.k === 'violation') return `${e.invariant}: ${e.message}`;
  return '';
}
