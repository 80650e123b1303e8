/**
 * The election timer drawn as an arc that shrinks as the timer runs down: the fraction of the
 * timeout still to go (1 = just set, 0 = about to fire).
 */
export function timerFraction(now: number, due: number, totalMs: number): number {
  if (!(totalMs > 0)) return 0;
  return Math.min(1, Math.max(0, (due - now) / totalMs));
}

/** SVG arc path of a ring segment starting at 12 o'clock, clockwise, covering `fraction` of the circle. */
export function arcPath(cx: number, cy: number, r: number, fraction: number): string {
  const f = Math.min(1, Math.max(0, fraction));
  if (f <= 0) return '';
  if (f >= 0.9999) {
    // A full circle needs two arcs (an arc's start and end cannot coincide).
    return `M ${fmt(cx)} ${fmt(cy - r)} A ${fmt(r)} ${fmt(r)} 0 1 1 ${fmt(cx)} ${fmt(cy + r)} A ${fmt(r)} ${fmt(r)} 0 1 1 ${fmt(cx)} ${fmt(cy - r)}`;
  }
  const angle = -Math.PI / 2 + 2 * Math.PI * f;
  const x = cx + r * Math.cos(angle);
  const y = cy + r * Math.sin(angle);
  const large = f > 0.5 ? 1 : 0;
  return `M ${fmt(cx)} ${fmt(cy - r)} A ${fmt(r)} ${fmt(r)} 0 ${large} 1 ${fmt(x)} ${fmt(y)}`;
}

function fmt(v: number): string {
  return String(Math.round(v * 100) / 100);
}
