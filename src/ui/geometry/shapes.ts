/** Node outlines: the role is shown by shape as well as by color (color-blind readers). */
export type Shape = 'circle' | 'square' | 'diamond' | 'triangle';

/** An SVG path of the shape centred on (0, 0), about as large as a circle of radius r. */
export function shapePath(shape: Shape, r: number): string {
  const f = (v: number) => String(Math.round(v * 100) / 100);
  switch (shape) {
    case 'square': {
      const h = r * 0.9;
      const c = r * 0.25;
      return `M ${f(-h + c)} ${f(-h)} H ${f(h - c)} Q ${f(h)} ${f(-h)} ${f(h)} ${f(-h + c)} V ${f(h - c)} Q ${f(h)} ${f(h)} ${f(h - c)} ${f(h)} H ${f(-h + c)} Q ${f(-h)} ${f(h)} ${f(-h)} ${f(h - c)} V ${f(-h + c)} Q ${f(-h)} ${f(-h)} ${f(-h + c)} ${f(-h)} Z`;
    }
    case 'diamond': {
      const d = r * 1.3;
      return `M 0 ${f(-d)} L ${f(d)} 0 L 0 ${f(d)} L ${f(-d)} 0 Z`;
    }
    case 'triangle':
      return `M 0 ${f(-r * 1.35)} L ${f(r * 1.3)} ${f(r * 0.9)} L ${f(-r * 1.3)} ${f(r * 0.9)} Z`;
    default:
      return `M ${f(-r)} 0 A ${f(r)} ${f(r)} 0 1 0 ${f(r)} 0 A ${f(r)} ${f(r)} 0 1 0 ${f(-r)} 0 Z`;
  }
}
