import { z } from 'zod';

/*
 * Bounds on every number a scenario gives (README, Limits): each keeps a run finite, the clock
 * a finite number and memory within budget, and each error says the allowed range in words.
 */

/** The latest virtual time an event may have, and `run --until` may ask for: 24 hours. */
export const MAX_TIME_MS = 24 * 60 * 60 * 1000;

const plain = (n: number): string => n.toLocaleString('en-US');

/** A duration in ms within [min, max]. */
export function duration(min: number, max: number) {
  const range = `${plain(min)} to ${plain(max)} ms`;
  return z
    .number({ error: `expected a number of milliseconds, ${range}` })
    .min(min, { error: `must be at least ${plain(min)} ms (allowed: ${range})` })
    .max(max, { error: `must be at most ${plain(max)} ms (allowed: ${range})` });
}

/** 0 (turned off) or a duration in ms within [min, max]. */
export function durationOrOff(min: number, max: number) {
  const range = `0 (off) or ${plain(min)} to ${plain(max)} ms`;
  return z
    .number({ error: `expected a number of milliseconds: ${range}` })
    .min(0, { error: `cannot be negative (allowed: ${range})` })
    .max(max, { error: `must be at most ${plain(max)} ms (allowed: ${range})` })
    .refine((v) => v === 0 || v >= min, { error: `must be 0 (off) or at least ${plain(min)} ms (allowed: ${range})` });
}

/** A whole number within [min, max] (`what`: its unit, for the message). */
export function whole(min: number, max: number, what: string) {
  const range = `${plain(min)} to ${plain(max)} ${what}`;
  return z
    .number({ error: `expected a whole number of ${what}, ${range}` })
    .int({ error: `expected a whole number of ${what}, ${range}` })
    .min(min, { error: `must be at least ${plain(min)} (allowed: ${range})` })
    .max(max, { error: `must be at most ${plain(max)} (allowed: ${range})` });
}

/** A factor greater than 0 (or at least `min` when given) and at most `max`. */
export function factor(max: number, min?: number) {
  const range = min === undefined ? `more than 0, up to ${plain(max)}` : `${plain(min)} to ${plain(max)}`;
  const base = z.number({ error: `expected a number, ${range}` });
  const bounded = min === undefined ? base.positive({ error: `must be more than 0 (allowed: ${range})` }) : base.min(min, { error: `must be at least ${plain(min)} (allowed: ${range})` });
  return bounded.max(max, { error: `must be at most ${plain(max)} (allowed: ${range})` });
}
