import type { Point } from '../geometry/layout';
import { roundTenth } from './svgText';

/**
 * Straight-line motion handed to the browser's compositor: a Web Animation of `transform` from
 * `from` to `to` over the virtual interval [startAt, endAt], its clock in virtual ms
 * (`playbackRate` = the playback speed). Between the worker's frames the element moves with no
 * script, style, layout or paint on the main thread; each frame only checks that the animation
 * still agrees with the simulation's clock and corrects it when it drifted.
 */

export interface Clock {
  /** The virtual time the frame shows. */
  time: number;
  /** Virtual ms per real ms. */
  speed: number;
  playing: boolean;
}

/** How far (in real ms) an animation may run ahead of or behind the frames before it is set right. */
const DRIFT_REAL_MS = 70;
/**
 * A motion with less than this left to run (real ms) when first seen is placed, not animated: it
 * ends within about a frame of the worker's (at 1× most messages fly 10–30 ms), and starting a
 * compositor animation costs the main thread a rendering frame more when the compositor reports
 * that it started.
 */
const MIN_GLIDE_REAL_MS = 50;

type Gliding = Element & { __glide?: { key: string; animation: Animation } };

/**
 * Makes `element` glide from `from` (at `startAt`) to `to` (at `endAt`), positioned for `clock`:
 * while playing it moves on by itself (or, when it is about to end, is just placed for this frame);
 * paused, it holds exactly where the frame's time puts it.
 */
export function glide(element: Element, from: Point, to: Point, startAt: number, endAt: number, clock: Clock): void {
  const target = element as Gliding;
  const key = `${from.x},${from.y},${to.x},${to.y},${startAt},${endAt}`;
  let state = target.__glide;
  if (!state || state.key !== key) {
    state?.animation.cancel();
    delete target.__glide;
    if (clock.playing && (endAt - clock.time) / clock.speed < MIN_GLIDE_REAL_MS) {
      place(element, from, to, startAt, endAt, clock.time);
      return;
    }
    element.removeAttribute('transform');
    const duration = Math.max(1, endAt - startAt);
    const animation = element.animate([{ transform: translate(from) }, { transform: translate(to) }], { duration, fill: 'both', easing: 'linear' });
    state = { key, animation };
    target.__glide = state;
    setClock(animation, startAt, endAt, clock, true);
    return;
  }
  setClock(state.animation, startAt, endAt, clock, false);
}

/** Stops an element's glide (it is about to be removed, or drawn by other means). */
export function stopGlide(element: Element): void {
  const target = element as Gliding;
  target.__glide?.animation.cancel();
  delete target.__glide;
  element.removeAttribute('transform');
}

/** Puts `element` where the motion has it at virtual time `time`, with no animation. */
function place(element: Element, from: Point, to: Point, startAt: number, endAt: number, time: number): void {
  const t = endAt > startAt ? Math.min(1, Math.max(0, (time - startAt) / (endAt - startAt))) : 1;
  const at = { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
  const value = `translate(${roundTenth(at.x)} ${roundTenth(at.y)})`;
  if (element.getAttribute('transform') !== value) element.setAttribute('transform', value);
}

function setClock(animation: Animation, startAt: number, endAt: number, clock: Clock, fresh: boolean): void {
  const duration = Math.max(1, endAt - startAt);
  const wanted = Math.max(0, clock.time - startAt);
  // Held still: paused, or already at its end (play() would start a finished animation over).
  if (!clock.playing || wanted >= duration) {
    if (animation.playState !== 'paused') animation.pause();
    const at = Math.min(wanted, duration);
    if (animation.currentTime !== at) animation.currentTime = at;
    return;
  }
  if (animation.playbackRate !== clock.speed) animation.playbackRate = clock.speed;
  const current = typeof animation.currentTime === 'number' ? animation.currentTime : null;
  if (fresh || current === null || animation.playState !== 'running' || Math.abs(current - wanted) > DRIFT_REAL_MS * clock.speed) {
    // Started at an explicit time, so the animation is not pending until the compositor reports
    // that it started (a pending animation costs the main thread rendering frames).
    const now = document.timeline.currentTime;
    if (typeof now === 'number') animation.startTime = now - wanted / clock.speed;
    else animation.currentTime = wanted;
  }
  if (animation.playState !== 'running') animation.play();
}

function translate(p: Point): string {
  return `translate(${roundTenth(p.x)}px, ${roundTenth(p.y)}px)`;
}
