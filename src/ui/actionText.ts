import { isolateBidi } from './bidi';
import { i18n } from './i18n';

type ActionLike = { do?: string; node?: number; from?: number; to?: number; groups?: number[][]; value?: string; message?: number; network?: Record<string, unknown>; params?: unknown };

const NODE_ACTIONS = new Set(['crash', 'restart', 'pause', 'resume', 'timeout', 'rumor', 'join', 'leave']);

/** A scenario event in words, for the narration feed ("Action: S3 crashes."), in the UI's language. */
export function describeAction(action: unknown): string {
  const a = (action ?? {}) as ActionLike;
  const node = a.node ?? '?';
  if (a.do && NODE_ACTIONS.has(a.do)) return i18n.t(`action.${a.do as 'crash'}`, { node });
  switch (a.do) {
    case 'request':
      return i18n.t('action.request', { node, value: isolateBidi(JSON.stringify(a.value ?? '')) });
    case 'partition': {
      const groups = (a.groups ?? []).map((g) => `{${g.map((id) => `S${id}`).join(', ')}}`).join(i18n.t('action.groupJoin'));
      return i18n.t('action.partition', { groups });
    }
    case 'cut':
      return i18n.t('action.cut', { from: a.from ?? '?', to: a.to ?? '?' });
    case 'heal':
      return i18n.t('action.heal');
    case 'drop':
      return i18n.t('action.drop', { message: a.message ?? '?' });
    case 'set':
      return i18n.t('action.set', { settings: JSON.stringify({ ...(a.network ? { network: a.network } : {}), ...(a.params ? { params: a.params } : {}) }) });
    default:
      return i18n.t('action.other', { json: JSON.stringify(action) });
  }
}
