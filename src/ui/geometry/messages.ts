import type { Point } from './layout';

/**
 * Where a message in flight is drawn: its progress from sender to receiver is the share of its
 * latency that has passed at virtual time `now`, so the UI can move it smoothly between frames.
 */
export function messageProgress(sentAt: number, arrivesAt: number, now: number): number {
  if (arrivesAt <= sentAt) return now >= arrivesAt ? 1 : 0;
  return Math.min(1, Math.max(0, (now - sentAt) / (arrivesAt - sentAt)));
}

export interface MessagePlacement extends Point {
  /** Direction of travel in degrees (0 = to the right), for the arrowhead. */
  angle: number;
}

/**
 * A point on the link from `a` to `b`, starting and ending at the node's rim (`inset`), moved
 * `offset` to the right of the direction of travel so a request and its reply do not overlap.
 */
export function messagePlacement(a: Point, b: Point, progress: number, inset: number, offset: number): MessagePlacement {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length < 1e-9) return { x: a.x, y: a.y, angle: 0 };
  const ux = dx / length;
  const uy = dy / length;
  const usable = Math.max(0, length - 2 * inset);
  const along = Math.min(inset, length / 2) + usable * progress;
  // Right-hand normal of (ux, uy) in screen coordinates (y grows downward).
  const nx = -uy;
  const ny = ux;
  return {
    x: a.x + ux * along + nx * offset,
    y: a.y + uy * along + ny * offset,
    angle: (Math.atan2(dy, dx) * 180) / Math.PI,
  };
}

/** The virtual time to draw at: the frame's time advanced by the real time since it came, at the playback speed, but never further than `maxLeadMs`. */
export function displayTime(frameTime: number, realMsSinceFrame: number, speed: number, playing: boolean, maxLeadMs: number): number {
  if (!playing) return frameTime;
  return frameTime + Math.min(Math.max(0, realMsSinceFrame) * speed, maxLeadMs);
}
