import { transition, type AnyEventObject } from 'xstate';
import { memberMachine, type MemberStatus } from './memberMachine';

/**
 * The member machine as a lookup table, derived once, when first used, by running every
 * (state, event, incarnation comparison) through xstate's pure `transition`
 * (ARCHITECTURE principle 6: a 1,000-node SWIM run applies hundreds of thousands of updates;
 * the rules still live only in memberMachine.ts).
 */
export const Status = { unknown: 0, alive: 1, suspect: 2, dead: 3, left: 4 } as const;
export type StatusCode = (typeof Status)[keyof typeof Status];
export const STATUS_NAMES: readonly MemberStatus[] = ['unknown', 'alive', 'suspect', 'dead', 'left'];

/** Update kinds the table answers; TIMEOUT is the suspicion timer firing (incarnation ignored). */
export const MemberEventCode = { ALIVE: 0, SUSPECT: 1, DEAD: 2, LEFT: 3, TIMEOUT: 4 } as const;
export type MemberEventCode = (typeof MemberEventCode)[keyof typeof MemberEventCode];
const EVENT_TYPES = ['ALIVE', 'SUSPECT', 'DEAD', 'LEFT'] as const;

/** Incarnation of the message compared with the one held. */
export const Cmp = { older: 0, same: 1, newer: 2 } as const;

/** Bits of a table entry above the 3-bit next status. */
export const Effect = {
  /** Something happened: a new status, a new incarnation, or a suspicion restarted. */
  changed: 1 << 3,
  /** Take the message's incarnation. */
  take: 1 << 4,
  /** Entering suspect: start the suspicion timer (the machine's `after` raise). */
  startTimer: 1 << 5,
  /** Leaving suspect: cancel the suspicion timer (the machine's cancel action). */
  cancelTimer: 1 << 6,
} as const;
export const NEXT_MASK = 7;

const STATES = STATUS_NAMES.length;
const EVENTS = 5;

function derive(): { table: Uint8Array; timeoutEventType: string } {
  const table = new Uint8Array(STATES * EVENTS * 3);
  let timeoutEventType = '';
  const held = 1;
  const entry = (value: MemberStatus, event: AnyEventObject, eventIncarnation: number | null): number => {
    const before = memberMachine.resolveState({ value, context: { incarnation: held, suspicionTimeoutMs: 1000 } });
    const [after, actions] = transition(memberMachine, before, event as never);
    const next = STATUS_NAMES.indexOf(after.value as MemberStatus);
    let bits = next;
    let restarted = false;
    for (const a of actions) {
      const params = (a as { params?: { delay?: number; event?: { type: string } } }).params;
      if (a.type === 'xstate.raise' && params?.delay !== undefined) {
        bits |= Effect.startTimer;
        restarted = true;
        timeoutEventType = params.event?.type ?? timeoutEventType;
      } else if ((a.type as string) === 'xstate.cancel') bits |= Effect.cancelTimer;
    }
    const incarnation = after.context.incarnation;
    if (eventIncarnation !== null && incarnation === eventIncarnation) bits |= Effect.take;
    if (after.value !== value || incarnation !== held || restarted) bits |= Effect.changed;
    return bits;
  };
  for (let s = 0; s < STATES; s++) {
    for (let e = 0; e < EVENT_TYPES.length; e++) {
      for (let cmp = 0; cmp < 3; cmp++) {
        const incarnation = held - 1 + cmp;
        table[(s * EVENTS + e) * 3 + cmp] = entry(STATUS_NAMES[s], { type: EVENT_TYPES[e], incarnation }, incarnation);
      }
    }
  }
  if (!timeoutEventType) throw new Error('memberMachine: no state starts the suspicion timer');
  for (let s = 0; s < STATES; s++) {
    const bits = entry(STATUS_NAMES[s], { type: timeoutEventType }, null);
    for (let cmp = 0; cmp < 3; cmp++) table[(s * EVENTS + MemberEventCode.TIMEOUT) * 3 + cmp] = bits;
  }
  return { table, timeoutEventType };
}

/** Derived when a gossip run first needs it (not at module load: every page's worker loads this module, few run SWIM). */
let derived: { table: Uint8Array; timeoutEventType: string } | null = null;

/** The derived table; exported for tests that check it against the machine. */
export function memberTable(): Readonly<Uint8Array> {
  return (derived ??= derive()).table;
}

/** The xstate event that the suspicion timer raises (`xstate.after.suspicionTimeout.member.suspect`). */
export function suspicionTimeoutEvent(): string {
  return (derived ??= derive()).timeoutEventType;
}

/** Table entry for a member held in `status` at `held`, receiving `event` at `incarnation`. */
export function memberStep(status: number, event: MemberEventCode, incarnation: number, held: number): number {
  const cmp = incarnation > held ? Cmp.newer : incarnation === held ? Cmp.same : Cmp.older;
  return (derived ??= derive()).table[(status * EVENTS + event) * 3 + cmp];
}
