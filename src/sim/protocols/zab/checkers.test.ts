import { describe, expect, it } from 'vitest';
import type { Checker, ClusterSnapshot } from '../../kernel/protocol';
import { leadership, prefixConsistency } from './checkers';
import type { Phase, ServerState, Txn, ZabState } from './types';
import { makeZxid } from './zxid';

function server(state: ServerState, phase: Phase, epoch: number, history: Txn[] = [], commitIndex = 0, extra: Partial<ZabState> = {}): ZabState {
  return { state, phase, currentEpoch: epoch, acceptedEpoch: epoch, history, commitIndex, historyRewrites: 0, bootAt: 0, ...extra } as ZabState;
}

function tx(epoch: number, counter: number, value: string): Txn {
  return { zxid: makeZxid(epoch, counter), value };
}

/** Runs a checker over a sequence of cluster pictures (touched 0: every server may have changed). */
function run<M>(checker: Checker<ZabState, M>, pictures: (ZabState | null)[][]): string[] {
  const memory = checker.init();
  const reports: string[] = [];
  for (const states of pictures) {
    const cluster: ClusterSnapshot<ZabState> = { now: 0, states: [null, ...states], persisted: [], nodeCount: states.length, params: {}, touched: 0, replies: [] };
    checker.check(cluster, memory, (m) => reports.push(m));
  }
  return reports;
}

describe('Leadership: at most one established leader per epoch (TLA+ Leadership1/2)', () => {
  it('two servers established for the same epoch are reported once, even at different times', () => {
    const reports = run(leadership, [
      [server('leading', 'synchronization', 3), server('following', 'broadcast', 3), null],
      [server('looking', 'election', 3), server('following', 'broadcast', 3), null],
      [server('looking', 'election', 3), server('leading', 'broadcast', 3), null],
      [server('looking', 'election', 3), server('leading', 'broadcast', 3), null],
    ]);
    expect(reports).toEqual(['S1 and S2 both became the established leader of epoch 3 (each got a "quorum" of ACKEPOCH)']);
  });

  it('a leader still in discovery is not established; leaders of different epochs are fine', () => {
    expect(
      run(leadership, [
        [server('leading', 'discovery', 1), server('leading', 'broadcast', 1)],
        [server('leading', 'broadcast', 2), server('following', 'broadcast', 2)],
      ]),
    ).toEqual([]);
  });
});

describe('Prefix Consistency: committed transactions agree and are delivered in zxid order', () => {
  const a = tx(1, 1, 'x=1');
  const b = tx(1, 2, 'x=2');
  const c = tx(2, 1, 'y=3');

  it('committed prefixes of different lengths that agree are fine', () => {
    expect(run(prefixConsistency, [[server('leading', 'broadcast', 1, [a, b], 2), server('following', 'broadcast', 1, [a, b], 1)]])).toEqual([]);
  });

  it('two different transactions committed at the same position are reported', () => {
    const reports = run(prefixConsistency, [[server('leading', 'broadcast', 1, [a, b], 2), server('leading', 'broadcast', 2, [a, c], 2)]]);
    expect(reports).toEqual([
      'S1 and S2 committed different transactions as number 2: S1 has 0x100000002 (x=2), S2 has 0x200000001 (y=3)',
    ]);
  });

  it('the same zxid with a different value is reported', () => {
    const reports = run(prefixConsistency, [[server('leading', 'broadcast', 1, [a], 1), server('leading', 'broadcast', 1, [tx(1, 1, 'x=9')], 1)]]);
    expect(reports).toHaveLength(1);
  });

  it('a history rewritten under a committed prefix is re-read from the start', () => {
    const reports = run(prefixConsistency, [
      [server('following', 'broadcast', 1, [a, b], 2), server('leading', 'broadcast', 1, [a, b], 2)],
      [server('following', 'broadcast', 1, [c], 1, { historyRewrites: 1 }), server('leading', 'broadcast', 1, [a, b], 2)],
    ]);
    expect(reports).toHaveLength(1);
  });

  it('delivering a lower zxid after a higher one is reported', () => {
    const reports = run(prefixConsistency, [[server('following', 'broadcast', 2, [c, a], 2)]]);
    expect(reports[0]).toBe('S1 delivered 0x100000001 after 0x200000001, out of zxid order');
  });
});
