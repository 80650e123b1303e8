import type { TemplateTable } from '../../narration/templates';

/**
 * Above this many nodes a node narrates only what it does itself (starting a rumor, a failed
 * probe, refuting, joining, leaving), not every update it hears: one crash in a 1,000-node
 * cluster would otherwise add a thousand "S… now suspects S7" lines to the trace, and a rumor
 * across 10,000 nodes ten thousand "hears the rumor" lines. State changes (`io.changed`) are
 * recorded at every size.
 */
export const NARRATE_ALL_MAX_NODES = 100;

export function narratesEverything(nodeCount: number): boolean {
  return nodeCount <= NARRATE_ALL_MAX_NODES;
}

/**
 * English narration for gossip and SWIM (i18next placeholders; node ids as S{{node}}). Enums (how a
 * rumor spreads, a member's status, a command) are worded by `$t(…)` (render.ts). The Chinese twin
 * is narration.zh.ts.
 */
export const gossipTemplates: TemplateTable = {
  'gossip.rumorStart': 'S{{node}} starts a rumor; it spreads by $t(gossip.spread.{{spread}}) to {{fanout}} peers every {{intervalMs}} ms.',
  'gossip.rumorKnown': 'S{{node}} already knows the rumor.',
  'gossip.informed': 'S{{node}} hears the rumor from S{{from}}, {{afterMs}} ms after it started.',
  'gossip.noMembership': 'S{{node}} ignores $t(kernel.command.{{command}}): rumor mode has no membership.',
  'gossip.indirectProbe':
    'S{{node}} got no ack from S{{target}} within {{timeoutMs}} ms and asks {{helpers}} to ping it (ping-req).',
  'gossip.indirectProbe.alone':
    'S{{node}} got no ack from S{{target}} within {{timeoutMs}} ms and knows no other live member to ask to ping it (ping-req).',
  'gossip.probeFailed':
    'S{{node}} got no ack from S{{target}} this protocol period, directly or indirectly: it suspects S{{target}} (incarnation {{incarnation}}).',
  'gossip.suspect': 'S{{node}} now suspects {{members}} (news from S{{from}}).',
  'gossip.confirm':
    'S{{node}}: S{{from}} also suspects S{{member}} ({{confirmations}} of {{expected}} confirmations); the suspicion timeout shrinks to {{timeoutMs}} ms.',
  'gossip.confirmOwn':
    'S{{node}} got no ack from S{{member}} either: its own probe counts as a confirmation ({{confirmations}} of {{expected}}); the suspicion timeout shrinks to {{timeoutMs}} ms.',
  'gossip.dead': 'S{{node}} declares S{{member}} dead: suspected for {{afterMs}} ms without a refutation.',
  'gossip.deadHeard': 'S{{node}} now counts {{members}} as dead (news from S{{from}}).',
  'gossip.alive': 'S{{node}} counts {{members}} as alive again, at a higher incarnation (news from S{{from}}).',
  'gossip.leftHeard': 'S{{node}} learns that {{members}} left the cluster (news from S{{from}}).',
  'gossip.refute':
    'S{{node}} hears it is $t(gossip.status.{{status}}) at incarnation {{accused}} and refutes it: it announces alive with incarnation {{incarnation}}.',
  'gossip.overtake':
    'S{{node}} hears of itself alive at incarnation {{accused}}, from an earlier life: it moves on to incarnation {{incarnation}}.',
  'gossip.acceptOwnFate': 'S{{node}} accepts that it is $t(gossip.status.{{status}}) instead of refuting (unsafe.noRefute).',
  'gossip.join': 'S{{node}} asks S{{seed}} to join the cluster (a push-pull exchange of member lists).',
  'gossip.joined': 'S{{node}} joined through S{{seed}}: it now knows {{members}} live members.',
  'gossip.merged':
    'S{{node}} merges the member list of S{{from}} (entries changed: {{changed}}, of which to suspect: {{suspected}}; a remote "dead" counts only as a suspicion).',
  'gossip.alreadyMember': 'S{{node}} is already a member; it syncs its member list with S{{seed}}.',
  'gossip.leave': 'S{{node}} leaves the cluster: it announces "left" at incarnation {{incarnation}} and stops probing.',
  'gossip.alreadyLeft': 'S{{node}} has already left.',
  'gossip.reconnect': 'S{{node}} tries to reach S{{member}}, which it believes dead (Serf reconnect).',
};

/** Words the templates nest with `$t(…)`: how a rumor spreads, and a member's status. */
export const gossipWords: TemplateTable = {
  'gossip.spread.push': 'push',
  'gossip.spread.pull': 'pull',
  'gossip.spread.pushpull': 'pushpull',
  'gossip.spread.piggyback': 'piggybacking on probes and gossip',
  'gossip.status.unknown': 'unknown',
  'gossip.status.alive': 'alive',
  'gossip.status.suspect': 'suspect',
  'gossip.status.dead': 'dead',
  'gossip.status.left': 'left',
};
