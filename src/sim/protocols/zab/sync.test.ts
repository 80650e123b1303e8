import { describe, expect, it } from 'vitest';
import { planSync } from './sync';
import type { Txn } from './types';
import { makeZxid, zxidHex } from './zxid';

function tx(epoch: number, counter: number): Txn {
  return { zxid: makeZxid(epoch, counter), value: `e${epoch}c${counter}` };
}

const leader = [tx(1, 1), tx(1, 2), tx(2, 1), tx(2, 2)];
const hex = (ts: readonly Txn[]) => ts.map((t) => zxidHex(t.zxid));

describe('LearnerHandler.syncFollower: DIFF, TRUNC or SNAP from the learner’s last zxid', () => {
  it('the same last zxid: an empty DIFF', () => {
    expect(planSync(leader, makeZxid(2, 2))).toEqual({ mode: 'DIFF', entries: [] });
    expect(planSync([], 0)).toEqual({ mode: 'DIFF', entries: [] });
  });

  it('behind, with its last zxid in the leader’s log: a DIFF of what follows it', () => {
    const plan = planSync(leader, makeZxid(1, 2));
    expect(plan.mode).toBe('DIFF');
    if (plan.mode === 'DIFF') expect(hex(plan.entries)).toEqual(['0x200000001', '0x200000002']);
  });

  it('ahead of the leader (proposals no quorum logged): TRUNC to the leader’s last zxid', () => {
    expect(planSync(leader, makeZxid(2, 5))).toEqual({ mode: 'TRUNC', zxid: makeZxid(2, 2), entries: [] });
  });

  it('a last zxid the leader never had (an old epoch’s uncommitted proposal): TRUNC to the entry before it, then the rest', () => {
    const plan = planSync(leader, makeZxid(1, 3));
    expect(plan.mode).toBe('TRUNC');
    if (plan.mode === 'TRUNC') {
      expect(zxidHex(plan.zxid)).toBe('0x100000002');
      expect(hex(plan.entries)).toEqual(['0x200000001', '0x200000002']);
    }
  });

  it('an empty learner, or one older than the in-memory window: SNAP', () => {
    expect(planSync(leader, 0).mode).toBe('SNAP');
    const plan = planSync(leader, makeZxid(1, 1), 2);
    expect(plan.mode).toBe('SNAP');
    if (plan.mode === 'SNAP') expect(plan.history).toEqual(leader);
  });
});
