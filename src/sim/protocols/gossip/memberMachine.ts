import { assign, setup } from 'xstate';

/**
 * How one node sees one member of the cluster (ARCHITECTURE principle 6: the one definition;
 * the UI draws it, the simulation derives its hot-path table from it in memberTable.ts).
 *
 * States follow hashicorp/memberlist (StateAlive, StateSuspect, StateDead, StateLeft) plus
 * `unknown`, "not in my member list" (a node that just restarted knows nobody yet).
 * Precedence is SWIM paper §4.2 as memberlist applies it (state.go aliveNode / suspectNode /
 * deadNode), comparing the message's incarnation i with the one held, c:
 * - alive  overrides alive and suspect when i > c, and dead or left when i > c
 *   (memberlist lets a dead member come back with a higher incarnation; the paper's confirm
 *   is final, which would forbid rejoining under the same name);
 * - suspect overrides alive when i ≥ c, and suspect when i > c (the paper; memberlist only
 *   counts it as a confirmation, which memberlist.ts does for any i ≥ c);
 * - dead (failure) and left (dead sent by the member itself) override alive and suspect when
 *   i ≥ c (memberlist requires i ≥ c where the paper takes any i);
 * - nothing overrides dead or left except a newer alive;
 * - a suspicion not refuted within the suspicion timeout becomes dead (paper §4.2; the delay
 *   is Lifeguard's shrinking timeout, computed in lifeguard.ts).
 * About itself a node never uses this machine: it refutes instead (membership.ts).
 */
export type MemberStatus = 'unknown' | 'alive' | 'suspect' | 'dead' | 'left';

export type MemberEvent =
  | { type: 'ALIVE'; incarnation: number }
  | { type: 'SUSPECT'; incarnation: number }
  | { type: 'DEAD'; incarnation: number }
  | { type: 'LEFT'; incarnation: number };

export interface MemberContext {
  incarnation: number;
  /** The suspicion timeout in force; the simulation schedules its own timer instead. */
  suspicionTimeoutMs: number;
}

function incarnationOf(event: unknown): number {
  return (event as { incarnation?: number }).incarnation ?? 0;
}

export const memberMachine = setup({
  types: {
    context: {} as MemberContext,
    events: {} as MemberEvent,
    input: {} as { incarnation?: number; suspicionTimeoutMs?: number } | undefined,
  },
  guards: {
    /** The message is strictly newer than what we hold (i > c). */
    newer: ({ context, event }) => incarnationOf(event) > context.incarnation,
    /** The message is at least as new (i ≥ c). */
    notOlder: ({ context, event }) => incarnationOf(event) >= context.incarnation,
  },
  actions: {
    takeIncarnation: assign({ incarnation: ({ event }) => incarnationOf(event) }),
  },
  delays: {
    suspicionTimeout: ({ context }) => context.suspicionTimeoutMs,
  },
}).createMachine({
  id: 'member',
  initial: 'unknown',
  context: ({ input }) => ({
    incarnation: input?.incarnation ?? 0,
    suspicionTimeoutMs: input?.suspicionTimeoutMs ?? 4000,
  }),
  states: {
    unknown: {
      description: 'Not in this node’s member list; only an alive message adds a member.',
      on: { ALIVE: { target: 'alive', actions: 'takeIncarnation' } },
    },
    alive: {
      on: {
        ALIVE: { guard: 'newer', target: 'alive', actions: 'takeIncarnation' },
        SUSPECT: { guard: 'notOlder', target: 'suspect', actions: 'takeIncarnation' },
        DEAD: { guard: 'notOlder', target: 'dead', actions: 'takeIncarnation' },
        LEFT: { guard: 'notOlder', target: 'left', actions: 'takeIncarnation' },
      },
    },
    suspect: {
      description: 'Missed a probe; dead unless it refutes with a higher incarnation in time.',
      after: { suspicionTimeout: { target: 'dead' } },
      on: {
        ALIVE: { guard: 'newer', target: 'alive', actions: 'takeIncarnation' },
        SUSPECT: { guard: 'newer', target: 'suspect', reenter: true, actions: 'takeIncarnation' },
        DEAD: { guard: 'notOlder', target: 'dead', actions: 'takeIncarnation' },
        LEFT: { guard: 'notOlder', target: 'left', actions: 'takeIncarnation' },
      },
    },
    dead: {
      description: 'Declared failed; only a newer alive (a refutation or a rejoin) brings it back.',
      on: { ALIVE: { guard: 'newer', target: 'alive', actions: 'takeIncarnation' } },
    },
    left: {
      description: 'Left on purpose (memberlist: dead announced by the member itself).',
      on: { ALIVE: { guard: 'newer', target: 'alive', actions: 'takeIncarnation' } },
    },
  },
});
