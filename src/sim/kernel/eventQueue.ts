/** What a queued item asks the kernel to do. */
export const QueueKind = {
  Deliver: 1,
  Timer: 2,
} as const;
export type QueueKind = (typeof QueueKind)[keyof typeof QueueKind];

export interface QueuedItem {
  time: number;
  seq: number;
  kind: QueueKind;
  node: number;
  /** Deliver: the sender; Timer: the timer's generation. */
  from: number;
  /** Deliver: the message id. */
  id: number;
  /** When the item was scheduled (a message's send time). */
  sent: number;
  payload: unknown;
}

export interface QueueSnapshot {
  items: { time: number; seq: number; kind: number; node: number; from: number; id: number; sent: number; payload: unknown }[];
}

const ARITY = 4;

/**
 * A 4-ary min-heap ordered by (time, seq). The heap moves only (time, seq, slot) in typed
 * arrays; the rest of an item stays put in a slot pool, so the hot loop allocates nothing and
 * touches little memory per level. `seq` is unique, so the order is total and ties at the same
 * virtual time resolve by scheduling order.
 */
export class EventQueue {
  private size = 0;
  private heapTime = new Float64Array(1024);
  private heapSeq = new Float64Array(1024);
  private heapSlot = new Int32Array(1024);

  private kinds = new Uint8Array(1024);
  private nodes = new Int32Array(1024);
  private froms = new Float64Array(1024);
  private ids = new Float64Array(1024);
  private sents = new Float64Array(1024);
  private payloads: unknown[] = new Array(1024).fill(undefined);
  private freeSlots = new Int32Array(1024);
  private freeCount = 0;
  private slotsUsed = 0;

  get length(): number {
    return this.size;
  }

  peekTime(): number {
    return this.size === 0 ? Infinity : this.heapTime[0];
  }

  push(time: number, seq: number, kind: QueueKind, node: number, from: number, id: number, payload: unknown, sent = 0): void {
    if (this.size === this.heapTime.length) this.growHeap();
    const slot = this.allocSlot();
    this.kinds[slot] = kind;
    this.nodes[slot] = node;
    this.froms[slot] = from;
    this.ids[slot] = id;
    this.sents[slot] = sent;
    this.payloads[slot] = payload;

    const times = this.heapTime;
    const seqs = this.heapSeq;
    const slots = this.heapSlot;
    let i = this.size++;
    while (i > 0) {
      const p = ((i - 1) / ARITY) | 0;
      const pt = times[p];
      if (pt < time || (pt === time && seqs[p] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p];
      slots[i] = slots[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    slots[i] = slot;
  }

  /** Removes the first item into `out` (reused by the caller); false when empty. */
  pop(out: QueuedItem): boolean {
    if (this.size === 0) return false;
    const times = this.heapTime;
    const seqs = this.heapSeq;
    const slots = this.heapSlot;
    const slot = slots[0];
    out.time = times[0];
    out.seq = seqs[0];
    out.kind = this.kinds[slot] as QueueKind;
    out.node = this.nodes[slot];
    out.from = this.froms[slot];
    out.id = this.ids[slot];
    out.sent = this.sents[slot];
    out.payload = this.payloads[slot];
    this.payloads[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;

    const last = --this.size;
    if (last > 0) {
      const time = times[last];
      const seq = seqs[last];
      const lastSlot = slots[last];
      let i = 0;
      for (;;) {
        const first = i * ARITY + 1;
        if (first >= last) break;
        let best = first;
        let bt = times[first];
        let bs = seqs[first];
        const end = Math.min(first + ARITY, last);
        for (let c = first + 1; c < end; c++) {
          const ct = times[c];
          if (ct < bt || (ct === bt && seqs[c] < bs)) {
            best = c;
            bt = ct;
            bs = seqs[c];
          }
        }
        if (time < bt || (time === bt && seq < bs)) break;
        times[i] = bt;
        seqs[i] = bs;
        slots[i] = slots[best];
        i = best;
      }
      times[i] = time;
      seqs[i] = seq;
      slots[i] = lastSlot;
    }
    return true;
  }

  /** Visits every queued item in heap order (not time order); for views and checks. */
  forEach(visit: (item: Readonly<QueuedItem>) => void): void {
    const item: QueuedItem = { time: 0, seq: 0, kind: QueueKind.Deliver, node: 0, from: 0, id: 0, sent: 0, payload: undefined };
    for (let i = 0; i < this.size; i++) {
      const slot = this.heapSlot[i];
      item.time = this.heapTime[i];
      item.seq = this.heapSeq[i];
      item.kind = this.kinds[slot] as QueueKind;
      item.node = this.nodes[slot];
      item.from = this.froms[slot];
      item.id = this.ids[slot];
      item.sent = this.sents[slot];
      item.payload = this.payloads[slot];
      visit(item);
    }
  }

  snapshot(): QueueSnapshot {
    const items: QueueSnapshot['items'] = [];
    this.forEach((q) => items.push({ ...q }));
    return { items };
  }

  restore(s: QueueSnapshot): void {
    this.size = 0;
    this.freeCount = 0;
    this.slotsUsed = 0;
    this.payloads.fill(undefined);
    // Items are in heap order already, so pushing them in that order rebuilds the same shape cheaply.
    for (const q of s.items) this.push(q.time, q.seq, q.kind as QueueKind, q.node, q.from, q.id, q.payload, q.sent);
  }

  private allocSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount];
    if (this.slotsUsed === this.kinds.length) this.growSlots();
    return this.slotsUsed++;
  }

  private growHeap(): void {
    const cap = this.heapTime.length * 2;
    this.heapTime = grow(this.heapTime, new Float64Array(cap));
    this.heapSeq = grow(this.heapSeq, new Float64Array(cap));
    this.heapSlot = grow(this.heapSlot, new Int32Array(cap));
  }

  private growSlots(): void {
    const cap = this.kinds.length * 2;
    this.kinds = grow(this.kinds, new Uint8Array(cap));
    this.nodes = grow(this.nodes, new Int32Array(cap));
    this.froms = grow(this.froms, new Float64Array(cap));
    this.ids = grow(this.ids, new Float64Array(cap));
    this.sents = grow(this.sents, new Float64Array(cap));
    this.freeSlots = grow(this.freeSlots, new Int32Array(cap));
    const old = this.payloads.length;
    this.payloads.length = cap;
    this.payloads.fill(undefined, old);
  }
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
