import { renderNarration } from '../sim/narration/render';
import type { TraceEvent } from '../sim/kernel/trace';
import { describeAction } from './actionText';
import type { Lang } from './i18n/language';

/**
 * A narration line's text in the UI's language. Protocol narration is a message key and its
 * parameters in the trace; the simulation's own templates (English and 简体中文, the ones the CLI
 * prints) turn it into a sentence here, at display time, so switching the language rewrites the
 * whole feed. Checker messages are the checkers' English (invariant names are proper names).
 */
export function narrationText(e: TraceEvent, lang: Lang): string {
  if (e.k === 'narrate') return renderNarration(e.key, e.params, lang);
  if (e.k === 'action') return describeAction(e.action);
  if (e.k === 'violation') return `${e.invariant}: ${e.message}`;
  return '';
}
