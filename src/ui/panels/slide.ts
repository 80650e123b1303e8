/**
 * A picture that scrolls left at a steady pace on the compositor: one Web Animation of its
 * `transform` runs for as long as the pace holds, and each redraw of the picture is offset by how
 * far the animation has slid it by then, so the picture lands where it would have been had it been
 * drawn unslid. A new run of the animation starts only when the pace changes or the slide nears
 * its end, not on every redraw: starting a compositor animation costs the main thread extra
 * rendering frames (the animation is pending until the compositor reports it started).
 */
export class Slide {
  private animation: Animation | null = null;
  private pace = 0;
  private length = 0;

  constructor(private readonly element: HTMLElement) {}

  /**
   * How far (px) the element is slid left now, at `pxPerRealMs` over at most `lengthPx`;
   * `headroomPx` is how far it may slide before the next redraw (a run with less left than that
   * is started over). A pace of 0 stops the slide and returns 0.
   */
  offset(pxPerRealMs: number, lengthPx: number, headroomPx: number): number {
    if (!(pxPerRealMs > 0) || !Number.isFinite(pxPerRealMs) || !(lengthPx > 0)) {
      this.stop();
      return 0;
    }
    const slid = this.slid();
    if (slid !== null && pxPerRealMs === this.pace && lengthPx === this.length && slid + headroomPx <= lengthPx) return slid;
    this.start(pxPerRealMs, lengthPx);
    return 0;
  }

  /** Puts the element back and holds it there. */
  stop(): void {
    this.animation?.cancel();
    this.animation = null;
    this.pace = 0;
  }

  /** The px slid so far by the running animation, or null when there is none. */
  private slid(): number | null {
    const time = this.animation?.currentTime;
    if (typeof time !== 'number') return null;
    return Math.min(this.length, time * this.pace);
  }

  private start(pxPerRealMs: number, lengthPx: number): void {
    this.animation?.cancel();
    this.pace = pxPerRealMs;
    this.length = lengthPx;
    const animation = this.element.animate([{ transform: 'translateX(0)' }, { transform: `translateX(-${lengthPx}px)` }], {
      duration: lengthPx / pxPerRealMs,
      fill: 'forwards',
      easing: 'linear',
    });
    // Started now, explicitly: its current time is known at once (not pending until the compositor answers).
    const now = document.timeline.currentTime;
    if (typeof now === 'number') animation.startTime = now;
    this.animation = animation;
  }
}
