import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { memberMachine, type MemberStatus } from './memberMachine';
import { Effect, MemberEventCode, NEXT_MASK, STATUS_NAMES, memberStep, suspicionTimeoutEvent } from './memberTable';

type Kind = keyof typeof MemberEventCode;
const statusOf = (bits: number) => STATUS_NAMES[bits & NEXT_MASK];
/** Held incarnation is 5; the message carries `incarnation`. */
const step = (from: MemberStatus, kind: Kind, incarnation: number) =>
  memberStep(STATUS_NAMES.indexOf(from), MemberEventCode[kind], incarnation, 5);

describe('SWIM §4.2 precedence of membership updates (memberlist state.go)', () => {
  // [held status, event, message incarnation vs held 5, expected status, changed?]
  const rules: [MemberStatus, Kind, number, MemberStatus, boolean][] = [
    // {Alive Ml, inc=i} overrides {Suspect Ml, inc=j} and {Alive Ml, inc=j} when i > j
    ['alive', 'ALIVE', 6, 'alive', true],
    ['alive', 'ALIVE', 5, 'alive', false],
    ['suspect', 'ALIVE', 6, 'alive', true],
    ['suspect', 'ALIVE', 5, 'suspect', false],
    ['suspect', 'ALIVE', 4, 'suspect', false],
    // {Suspect Ml, inc=i} overrides {Alive Ml, inc=j} when i ≥ j, and {Suspect, j} when i > j
    ['alive', 'SUSPECT', 5, 'suspect', true],
    ['alive', 'SUSPECT', 6, 'suspect', true],
    ['alive', 'SUSPECT', 4, 'alive', false],
    ['suspect', 'SUSPECT', 6, 'suspect', true],
    ['suspect', 'SUSPECT', 5, 'suspect', false],
    // dead (confirm) overrides alive and suspect with i ≥ j (memberlist; the paper takes any i)
    ['alive', 'DEAD', 5, 'dead', true],
    ['suspect', 'DEAD', 5, 'dead', true],
    ['suspect', 'DEAD', 4, 'suspect', false],
    ['alive', 'LEFT', 5, 'left', true],
    // nothing but a newer alive overrides dead or left
    ['dead', 'SUSPECT', 9, 'dead', false],
    ['dead', 'DEAD', 9, 'dead', false],
    ['dead', 'ALIVE', 5, 'dead', false],
    ['dead', 'ALIVE', 6, 'alive', true],
    ['left', 'ALIVE', 6, 'alive', true],
    ['left', 'SUSPECT', 9, 'left', false],
    // a member not in the list is added only by alive
    ['unknown', 'ALIVE', 0, 'alive', true],
    ['unknown', 'SUSPECT', 9, 'unknown', false],
    ['unknown', 'DEAD', 9, 'unknown', false],
  ];
  it.each(rules)('%s + %s(inc %i) → %s', (from, kind, incarnation, to, changed) => {
    const bits = step(from, kind, incarnation);
    expect(statusOf(bits)).toBe(to);
    expect((bits & Effect.changed) !== 0).toBe(changed);
    if (changed) expect((bits & Effect.take) !== 0).toBe(true);
  });

  it('a suspicion not refuted in time becomes dead, and only a suspicion times out', () => {
    expect(suspicionTimeoutEvent()).toBe('xstate.after.suspicionTimeout.member.suspect');
    expect(statusOf(step('suspect', 'TIMEOUT', 0))).toBe('dead');
    for (const s of ['alive', 'dead', 'left', 'unknown'] as const) expect(step(s, 'TIMEOUT', 0) & Effect.changed).toBe(0);
  });

  it('entering suspect starts the suspicion timer, a newer suspicion restarts it, leaving cancels it', () => {
    expect(step('alive', 'SUSPECT', 5) & Effect.startTimer).toBeTruthy();
    const again = step('suspect', 'SUSPECT', 6);
    expect(again & Effect.cancelTimer).toBeTruthy();
    expect(again & Effect.startTimer).toBeTruthy();
    expect(step('suspect', 'ALIVE', 6) & Effect.cancelTimer).toBeTruthy();
    expect(step('suspect', 'DEAD', 5) & Effect.cancelTimer).toBeTruthy();
  });

  it('the table agrees with the machine run through xstate on a refutation story', () => {
    let [s] = initialTransition(memberMachine, { incarnation: 0, suspicionTimeoutMs: 5000 });
    expect(s.value).toBe('unknown');
    [s] = transition(memberMachine, s, { type: 'ALIVE', incarnation: 0 });
    [s] = transition(memberMachine, s, { type: 'SUSPECT', incarnation: 0 });
    expect(s.value).toBe('suspect');
    [s] = transition(memberMachine, s, { type: 'ALIVE', incarnation: 0 });
    expect(s.value).toBe('suspect'); // the same incarnation cannot refute
    [s] = transition(memberMachine, s, { type: 'ALIVE', incarnation: 1 });
    expect(s.value).toBe('alive');
    expect(s.context.incarnation).toBe(1);
  });
});
