/** A scenario event in words, for the narration feed ("You crash S3."). */
export function describeAction(action: unknown): string {
  const a = (action ?? {}) as { do?: string; node?: number; from?: number; to?: number; groups?: number[][]; value?: string; message?: number; network?: Record<string, unknown>; params?: unknown };
  const s = (id: number | undefined) => `S${id ?? '?'}`;
  switch (a.do) {
    case 'crash':
      return `Action: ${s(a.node)} crashes.`;
    case 'restart':
      return `Action: ${s(a.node)} restarts from what it kept on disk.`;
    case 'pause':
      return `Action: ${s(a.node)} is paused (its timers and inbox wait).`;
    case 'resume':
      return `Action: ${s(a.node)} resumes.`;
    case 'timeout':
      return `Action: ${s(a.node)}'s election timer is made to fire now.`;
    case 'request':
      return `Action: a client sends ${JSON.stringify(a.value ?? '')} to ${s(a.node)}.`;
    case 'partition':
      return `Action: the network is partitioned into ${(a.groups ?? []).map((g) => `{${g.map((id) => s(id)).join(', ')}}`).join(' and ')} (unlisted nodes form one more group).`;
    case 'cut':
      return `Action: the link ${s(a.from)} → ${s(a.to)} is cut.`;
    case 'heal':
      return 'Action: every link is back.';
    case 'drop':
      return `Action: message #${a.message ?? '?'} is dropped in flight.`;
    case 'set':
      return `Action: settings change: ${JSON.stringify({ ...(a.network ? { network: a.network } : {}), ...(a.params ? { params: a.params } : {}) })}.`;
    case 'rumor':
      return `Action: ${s(a.node)} starts a rumor.`;
    case 'join':
      return `Action: ${s(a.node)} joins.`;
    case 'leave':
      return `Action: ${s(a.node)} leaves.`;
    default:
      return `Action: ${JSON.stringify(action)}`;
  }
}
