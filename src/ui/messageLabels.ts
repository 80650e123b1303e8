import { i18n } from './i18n';

/**
 * Short labels for messages drawn in flight ("RV", "AE+2", "RV✓"), and their family for color.
 * Presentation only: they read fields a message carries, they decide nothing.
 */
export type MessageFamily = 'vote' | 'append' | 'client' | 'probe' | 'gossip' | 'other';

const ABBREVIATIONS: Record<string, string> = {
  RequestVote: 'RV',
  RequestVoteResponse: 'RV',
  PreVote: 'PV',
  PreVoteResponse: 'PV',
  AppendEntries: 'AE',
  AppendEntriesResponse: 'AE',
  ClientRequest: 'CR',
  ping: 'ping',
  ack: 'ack',
  pingReq: 'p-req',
  gossip: 'gsp',
  pushPull: 'sync',
  rumor: 'rmr',
  pull: 'pull',
  // ZooKeeper (ZAB): election notifications, the learner handshake, broadcast.
  NOTIFICATION: 'vote',
  FOLLOWERINFO: 'FI',
  OBSERVERINFO: 'OI',
  LEADERINFO: 'LI',
  ACKEPOCH: 'AEP',
  DIFF: 'DIFF',
  TRUNC: 'TRUNC',
  SNAP: 'SNAP',
  NEWLEADER: 'NL',
  ACK: 'ACK',
  UPTODATE: 'UTD',
  PROPOSAL: 'PROP',
  COMMIT: 'CMT',
  INFORM: 'INF',
  PING: 'PING',
  REQUEST: 'REQ',
  CLOSE: 'CLOSE',
};

function initials(type: string): string {
  const parts = type.match(/[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g) ?? [type];
  return parts
    .map((p) => p[0])
    .join('')
    .toUpperCase()
    .slice(0, 4);
}

export function messageLabel(type: string, msg: unknown): string {
  const m = (msg ?? {}) as Record<string, unknown>;
  const base = ABBREVIATIONS[type] ?? initials(type);
  if (type === 'AppendEntries') {
    const n = Array.isArray(m.entries) ? m.entries.length : 0;
    return n > 0 ? `AE+${n}` : 'HB';
  }
  if (typeof m.voteGranted === 'boolean') return `${base}${m.voteGranted ? '✓' : '✗'}`;
  if (typeof m.success === 'boolean') return `${base}${m.success ? '✓' : '✗'}`;
  return base;
}

export function messageFamily(type: string): MessageFamily {
  if (/vote|^NOTIFICATION$/i.test(type)) return 'vote';
  if (/append|^(PROPOSAL|ACK|COMMIT|INFORM|DIFF|TRUNC|SNAP)$/i.test(type)) return 'append';
  if (/^PING$/.test(type)) return 'probe';
  if (/client|request$/i.test(type)) return 'client';
  if (/^(FOLLOWERINFO|OBSERVERINFO|LEADERINFO|ACKEPOCH|NEWLEADER|UPTODATE|CLOSE)$/.test(type)) return 'other';
  if (/^(ping|ack|pingReq)$/.test(type)) return 'probe';
  if (/^(gossip|pushPull|rumor|pull)$/.test(type)) return 'gossip';
  return 'other';
}

/** A message's full name for people: "AppendEntries (heartbeat)". */
export function messageTitle(type: string, msg: unknown): string {
  const m = (msg ?? {}) as Record<string, unknown>;
  if (type === 'AppendEntries' && Array.isArray(m.entries) && m.entries.length === 0) return i18n.t('cluster.heartbeat');
  return type;
}
