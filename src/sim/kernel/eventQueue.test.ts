import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, QueueKind, type QueuedItem } from './eventQueue';

const blank = (): QueuedItem => ({ time: 0, seq: 0, kind: QueueKind.Deliver, node: 0, from: 0, id: 0, sent: 0, payload: undefined });

describe('event queue', () => {
  it('pops by time, and by scheduling order among equal times', () => {
    const q = new EventQueue();
    q.push(10, 1, QueueKind.Timer, 1, 0, 0, 'a');
    q.push(5, 2, QueueKind.Timer, 1, 0, 0, 'b');
    q.push(10, 3, QueueKind.Timer, 1, 0, 0, 'c');
    q.push(5, 4, QueueKind.Timer, 1, 0, 0, 'd');
    const out = blank();
    const order: unknown[] = [];
    while (q.pop(out)) order.push(out.payload);
    expect(order).toEqual(['b', 'd', 'a', 'c']);
  });

  it('is a total (time, seq) order for any schedule, across growth and snapshots', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 3000 }), (ops) => {
        const q = new EventQueue();
        const model: [number, number][] = [];
        const out = blank();
        let seq = 0;
        for (const [time, popFirst] of ops) {
          if (popFirst && model.length > 0) {
            model.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
            const expected = model.shift()!;
            expect(q.pop(out)).toBe(true);
            expect([out.time, out.seq]).toEqual(expected);
          }
          seq++;
          q.push(time, seq, QueueKind.Deliver, 1, 2, seq, seq);
          model.push([time, seq]);
        }
        const copy = new EventQueue();
        copy.restore(q.snapshot());
        model.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        for (const expected of model) {
          expect(copy.pop(out)).toBe(true);
          expect([out.time, out.seq, out.payload]).toEqual([...expected, expected[1]]);
        }
        expect(copy.pop(out)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
