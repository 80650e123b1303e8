import type { TFunction } from 'i18next';
import type { ProtocolId } from '../../sim/scenario/schema';
import type { TimelineMarker } from '../../worker/timeline';
import type { UiResources } from '../i18n/en';
import { formatMs } from '../labels';

type KindKey = keyof UiResources['timeline']['kinds'];

/** The action kinds (`do`) that have words of their own; any other action is just "Action". */
const ACTION_WORDS = new Set<KindKey>(['timeout', 'request', 'drop', 'set', 'rumor', 'join', 'leave']);

export interface MarkerTextContext {
  protocol: ProtocolId;
  /** Nodes not listed in a partition form one more group, which the text names too. */
  nodeCount: number;
}

/**
 * A partition's groups as "S1 S2 | S3 S4 S5", the unlisted nodes as the last group. Runs of four
 * or more consecutive ids shorten to "S1–S10", so a gossip cluster's halves stay one line.
 */
export function partitionGroups(groups: readonly (readonly number[])[], nodeCount: number): string {
  const listed = new Set(groups.flat());
  const rest: number[] = [];
  for (let id = 1; id <= nodeCount; id++) if (!listed.has(id)) rest.push(id);
  return [...groups, ...(rest.length > 0 ? [rest] : [])]
    .filter((g) => g.length > 0)
    .map(nodeList)
    .join(' | ');
}

function nodeList(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 3) parts.push(`S${sorted[i]}–S${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(`S${sorted[k]}`);
    i = j + 1;
  }
  return parts.join(' ');
}

/** What a marker says happened, without its time: "S3 wins term 1"; a user's own action starts with "You: ". */
export function markerWhat(t: TFunction, m: TimelineMarker, ctx: MarkerTextContext): string {
  const what = kindText(t, m, ctx);
  return m.user ? t('timeline.byYou', { you: t('timeline.you'), what }) : what;
}

function kindText(t: TFunction, m: TimelineMarker, ctx: MarkerTextContext): string {
  const a = m.action;
  const node = m.node || (a?.node ?? '?');
  switch (m.kind) {
    case 'won':
      return t(ctx.protocol === 'zab' ? 'timeline.kinds.wonEpoch' : 'timeline.kinds.wonTerm', { node, term: m.term ?? '?' });
    case 'lost':
      return t(ctx.protocol === 'zab' ? 'timeline.kinds.lostEpoch' : 'timeline.kinds.lostTerm', { node, term: m.term ?? '?' });
    case 'crash':
    case 'restart':
    case 'pause':
    case 'resume':
      return t(`timeline.kinds.${m.kind}`, { node });
    case 'partition':
      return t('timeline.kinds.partition', { groups: partitionGroups(a?.groups ?? [], ctx.nodeCount) });
    case 'cut':
      return t('timeline.kinds.cut', { from: a?.from ?? '?', to: a?.to ?? '?' });
    case 'heal':
      return t('timeline.kinds.heal');
    case 'violation':
      return t('timeline.kinds.violation', { invariant: m.invariant ?? '?' });
    case 'action': {
      const key = a?.do as KindKey | undefined;
      if (!key || !ACTION_WORDS.has(key)) return t('timeline.kinds.action');
      return t(`timeline.kinds.${key as 'timeout'}`, { node, value: a?.value ?? '', message: a?.message ?? '?' });
    }
  }
}

/** A marker button's accessible name and tooltip: "0.225 s: S3 wins term 1". */
export function markerName(t: TFunction, m: TimelineMarker, ctx: MarkerTextContext): string {
  return t('timeline.at', { at: formatMs(m.at), what: markerWhat(t, m, ctx) });
}

/** A "what to watch" moment of a library scenario: "0.175 s: Watch: S3 times out first…". */
export function momentName(t: TFunction, at: number, label: string): string {
  return t('timeline.at', { at: formatMs(at), what: t('timeline.kinds.moment', { label }) });
}

/** A cluster button: "3 marks from 0.175 s to 0.246 s: look closer" (activating it zooms into them). */
export function clusterName(t: TFunction, count: number, fromMs: number, toMs: number): string {
  return t('timeline.cluster', { count, from: formatMs(fromMs), to: formatMs(toMs) });
}

/** A band's label ("S3 · t1", ZooKeeper "S2 · e1"). */
export function bandLabel(t: TFunction, leader: number, term: number, protocol: ProtocolId): string {
  return `S${leader} · ${t(protocol === 'zab' ? 'node.shortEpoch' : 'node.shortTerm', { n: term })}`;
}

/** A band's full description ("S3 leads, term 1"), for its tooltip. */
export function bandTitle(t: TFunction, leader: number, term: number, protocol: ProtocolId): string {
  return t(protocol === 'zab' ? 'timeline.bandEpoch' : 'timeline.bandTerm', { id: leader, term });
}
