/*
 * Text from a scenario (a title, a request's value) may carry right-to-left characters or bidi
 * controls. Shown inside a sentence of ours, it is isolated (FSI … PDI), so it can reorder only
 * itself: an override inside is closed at the isolate's end, and isolate marks of its own, which
 * could end the isolate early, are dropped.
 */
const ISOLATE_MARKS = /[\u2066-\u2069]/g;
// Explicit bidi controls, and the strong right-to-left scripts (Hebrew, Arabic and their kin).
const NEEDS_ISOLATION = /[\u202a-\u202e\u2066-\u2069\u200f\u061c\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

export function isolateBidi(text: string): string {
  if (!NEEDS_ISOLATION.test(text)) return text;
  return `\u2068${text.replace(ISOLATE_MARKS, '')}\u2069`;
}

/** The same for every string among a narration's parameters. */
export function isolateParams(params: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    const isolated = isolateBidi(value);
    if (isolated === value) continue;
    out ??= { ...params };
    out[key] = isolated;
  }
  return out ?? params;
}
