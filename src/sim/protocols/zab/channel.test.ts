import { describe, expect, it } from 'vitest';
import { receiveOn } from './channel';
import type { SessionEnd, SessionMessage } from './types';

function end(): SessionEnd {
  return { id: 'S1.0.1', peer: 2, seqOut: 0, nextIn: 0, buffer: [] };
}

function ping(seq: number): SessionMessage {
  return { type: 'PING', session: 'S1.0.1', seq, epoch: 1 };
}

describe('a leader–learner connection is a FIFO stream, as TCP (the network may reorder or duplicate)', () => {
  it('delivers in order: a message ahead of a gap waits for it', () => {
    const e = end();
    expect(receiveOn(e, ping(1))).toEqual([]);
    expect(receiveOn(e, ping(2))).toEqual([]);
    expect(receiveOn(e, ping(0)).map((m) => m.seq)).toEqual([0, 1, 2]);
    expect(e.nextIn).toBe(3);
    expect(e.buffer).toEqual([]);
  });

  it('drops duplicates, before and after the gap', () => {
    const e = end();
    expect(receiveOn(e, ping(0))).toHaveLength(1);
    expect(receiveOn(e, ping(0))).toEqual([]);
    receiveOn(e, ping(2));
    receiveOn(e, ping(2));
    expect(e.buffer).toHaveLength(1);
  });

  it('a lost message stalls the stream (until a timeout closes the connection)', () => {
    const e = end();
    for (let seq = 1; seq < 10; seq++) expect(receiveOn(e, ping(seq))).toEqual([]);
    expect(e.nextIn).toBe(0);
  });

  it('a reset travels outside the stream and is delivered at once', () => {
    const e = end();
    const reset: SessionMessage = { type: 'CLOSE', session: 'S1.0.1', seq: -1, epoch: 1, reason: 'reset' };
    expect(receiveOn(e, reset)).toEqual([reset]);
  });
});
