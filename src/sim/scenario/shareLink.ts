import { decodeScenario, encodeScenario, LINK_PARAM, type DecodeResult } from './codec';
import type { Scenario } from './schema';

/**
 * The fields of a share link's hash, after the scenario itself (`s`, see codec.ts):
 *
 * - `lib=<id>`: the built-in scenario it was made from. Alone, it opens that scenario (a short
 *   link); beside `s`, it keeps the library's "what to watch" note for the edited run.
 * - `at=<ms>`: the moment to open at, paused: the state after every event at or before `at`…
 * - `after=<k>`: …or, with `after`, after only the first k events of millisecond `at` (the link
 *   was made in the middle of a millisecond, as Step can leave it).
 * - `node=<id>`, `tab=<name>`: the selected node and the side panel's open tab.
 *
 * The fields are plain query parameters in the hash; the scenario keeps its own checksum.
 */
export const LIBRARY_PARAM = 'lib';

/** A moment of a run: a virtual time, and how many of that millisecond's events have run (absent: all). */
export interface LinkMoment {
  at: number;
  after?: number;
}

export interface ShareLinkFields {
  scenario?: Scenario;
  lib?: string | null;
  moment?: LinkMoment | null;
  node?: number | null;
  tab?: string | null;
}

/** What a link's hash says; each part is null when absent. `bad` lists fields that were present but unreadable. */
export interface ReadShareLink {
  scenario: DecodeResult | null;
  lib: string | null;
  moment: LinkMoment | null;
  node: number | null;
  tab: string | null;
  bad: { field: string; value: string }[];
}

/** The hash of a share link (`#s=2.…&at=225&lib=…`). Time 0 with nothing else selected adds nothing. */
export function buildShareHash(fields: ShareLinkFields): string {
  const parts: string[] = [];
  if (fields.scenario) parts.push(`${LINK_PARAM}=${encodeScenario(fields.scenario)}`);
  const moment = fields.moment;
  if (moment && (moment.at > 0 || (moment.after ?? 0) > 0)) {
    // String() is the shortest text that reads back as the same number: a fractional virtual time stays exact.
    parts.push(`at=${String(moment.at)}`);
    if (moment.after !== undefined) parts.push(`after=${moment.after}`);
  }
  // After the moment, so `npm run sim -- url --at <ms>` prints a prefix of the app's link.
  if (fields.lib) parts.push(`${LIBRARY_PARAM}=${encodeURIComponent(fields.lib)}`);
  if (fields.node !== undefined && fields.node !== null) parts.push(`node=${fields.node}`);
  if (fields.tab) parts.push(`tab=${encodeURIComponent(fields.tab)}`);
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}

/** Reads a link's hash (with or without the leading `#`). */
export function readShareHash(hash: string): ReadShareLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const bad: ReadShareLink['bad'] = [];
  const payload = params.get(LINK_PARAM);
  const number = (field: string, ok: (n: number) => boolean): number | null => {
    const text = params.get(field);
    if (text === null) return null;
    const n = /^\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text) ? Number(text) : NaN;
    if (Number.isFinite(n) && ok(n)) return n;
    bad.push({ field, value: text });
    return null;
  };
  const at = number('at', () => true);
  const after = number('after', Number.isInteger);
  const node = number('node', (n) => Number.isInteger(n) && n >= 1);
  return {
    scenario: payload === null ? null : decodeScenario(payload),
    lib: params.get(LIBRARY_PARAM),
    moment: at === null ? null : after === null ? { at } : { at, after },
    node,
    tab: params.get('tab'),
    bad,
  };
}
