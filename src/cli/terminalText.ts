/**
 * Text for a terminal: C0 and C1 control characters (but the tab), DEL and the Unicode bidi
 * controls are written as \u escapes, so a scenario's title or value cannot move the cursor,
 * clear the screen, retitle the window, hide a link or reorder the line. The escapes are JSON's,
 * so `--json` output stays the same JSON.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(line: string): string {
  return line.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
