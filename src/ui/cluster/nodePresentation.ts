import type { NodeView } from '../../sim/kernel/protocol';
import type { Frame } from '../../worker/frame';
import { i18n } from '../i18n';
import { gossipLabel, gossipStatus, nodeLabel, roleOf, roleWord, seenStatus } from '../labels';

/** What the cluster view draws for one node: its style key, its accessible name and two short lines. */
export interface NodePresentation {
  id: number;
  /** Key into roleStyle: a role, a gossip status, or 'down'. */
  styleKey: string;
  label: string;
  /** Under the node: role (or status), then term / epoch and vote. */
  lines: [string, string];
  down: boolean;
  paused: boolean;
}

function voteText(view: NodeView): string {
  const voted = view.votedFor;
  if (typeof voted === 'number') return voted === view.id ? i18n.t('node.votedSelf') : i18n.t('node.voted', { id: voted });
  const vote = view.vote as { leader?: unknown } | undefined;
  if (vote && typeof vote.leader === 'number') return i18n.t('node.vote', { id: vote.leader });
  return '';
}

export function presentNode(frame: Frame, view: NodeView): NodePresentation {
  const id = view.id as number;
  const down = view.up === false;
  const paused = view.paused === true;
  if (frame.protocol === 'gossip' && frame.bulk) {
    const status = gossipStatus(frame.bulk, id);
    const seen = seenStatus(frame.bulk, id);
    const informed = Number.isFinite(frame.bulk.informedAt[id]);
    // Colored by what the cluster believes (a crashed node turns suspect, then dead), so failure detection shows.
    const styleKey = seen === 'suspect' || seen === 'dead' ? seen : status === 'alive' && informed ? 'informed' : status;
    const line1 = down
      ? seen === 'suspect' || seen === 'dead'
        ? i18n.t('node.downSeen', { status: roleWord(seen) })
        : i18n.t('node.down')
      : paused
        ? i18n.t('node.withPaused', { role: roleWord(status) })
        : roleWord(status);
    return { id, styleKey, label: gossipLabel(frame.bulk, id), lines: [line1, informed ? i18n.t('node.informed') : ''], down, paused };
  }
  const role = roleOf(view) ?? '';
  const number =
    typeof view.term === 'number'
      ? i18n.t('node.shortTerm', { n: view.term })
      : typeof view.currentEpoch === 'number'
        ? i18n.t('node.shortEpoch', { n: view.currentEpoch })
        : '';
  const vote = down ? '' : voteText(view);
  return {
    id,
    styleKey: down ? 'down' : role,
    label: nodeLabel(view),
    lines: [down ? i18n.t('node.down') : paused ? i18n.t('node.withPaused', { role: roleWord(role) }) : roleWord(role), [number, vote].filter(Boolean).join(' · ')],
    down,
    paused,
  };
}
