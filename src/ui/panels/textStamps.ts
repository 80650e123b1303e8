/**
 * Short canvas texts drawn once and stamped after: the scrolling diagram shows the same few
 * axis labels frame after frame, and `fillText` (shaping, font fallback) cost far more than
 * copying a small bitmap. A text is stamped from its second use on (at high speed the labels
 * change every frame, and making a stamp costs more than one `fillText`). Centered on x,
 * standing on the baseline y.
 */
export class TextStamps {
  private readonly stamps = new Map<string, { image: HTMLCanvasElement; width: number; height: number; ascent: number }>();
  private readonly seenOnce = new Set<string>();

  constructor(
    private readonly font: string,
    private readonly limit = 300,
  ) {}

  draw(ctx: CanvasRenderingContext2D, text: string, color: string, x: number, y: number): void {
    const key = `${color}|${text}`;
    let stamp = this.stamps.get(key);
    if (!stamp && !this.seenOnce.has(key)) {
      if (this.seenOnce.size >= this.limit) this.seenOnce.clear();
      this.seenOnce.add(key);
      // The caller's font and colors are left as they were.
      ctx.save();
      ctx.font = this.font;
      ctx.fillStyle = color;
      ctx.textAlign = 'center';
      ctx.fillText(text, x, y);
      ctx.restore();
      return;
    }
    if (!stamp) {
      stamp = this.make(text, color);
      if (this.stamps.size >= this.limit) this.stamps.clear();
      this.stamps.set(key, stamp);
    }
    ctx.drawImage(stamp.image, x - stamp.width / 2, y - stamp.ascent, stamp.width, stamp.height);
  }

  private make(text: string, color: string) {
    const dpr = window.devicePixelRatio || 1;
    const image = document.createElement('canvas');
    const measure = image.getContext('2d')!;
    measure.font = this.font;
    const metrics = measure.measureText(text);
    const ascent = Math.ceil(metrics.actualBoundingBoxAscent) + 1;
    const descent = Math.ceil(metrics.actualBoundingBoxDescent) + 1;
    const width = Math.ceil(metrics.width) + 2;
    const height = ascent + descent;
    image.width = Math.ceil(width * dpr);
    image.height = Math.ceil(height * dpr);
    const ctx = image.getContext('2d')!;
    ctx.scale(dpr, dpr);
    ctx.font = this.font;
    ctx.fillStyle = color;
    ctx.textAlign = 'center';
    ctx.fillText(text, width / 2, ascent);
    return { image, width, height, ascent };
  }
}
