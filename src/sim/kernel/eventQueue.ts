/** What a queued item asks the kernel to do. */
export const QueueKind = {
  Deliver: 1,
  Timer: 2,
  External: 3,
} as const;
export type QueueKind = (typeof QueueKind)[keyof typeof QueueKind];

export interface QueuedItem {
  time: number;
  seq: number;
  kind: QueueKind;
  node: number;
  /** Deliver: the sender; Timer: the timer's generation; External: the event's index. */
  from: number;
  /** Deliver: the message id. */
  id: number;
  payload: unknown;
}

export interface QueueSnapshot {
  size: number;
  times: Float64Array;
  seqs: Float64Array;
  kinds: Uint8Array;
  nodes: Int32Array;
  froms: Float64Array;
  ids: Float64Array;
  payloads: unknown[];
}

/**
 * Binary min-heap ordered by (time, seq), stored as parallel typed arrays so that the hot
 * loop allocates nothing per event. `seq` is unique, so the order is total and ties at the
 * same virtual time resolve by scheduling order.
 */
export class EventQueue {
  private size = 0;
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private nodes = new Int32Array(1024);
  private froms = new Float64Array(1024);
  private ids = new Float64Array(1024);
  private payloads: unknown[] = new Array(1024);

  get length(): number {
    return this.size;
  }

  peekTime(): number {
    return this.size === 0 ? Infinity : this.times[0];
  }

  push(time: number, seq: number, kind: QueueKind, node: number, from: number, id: number, payload: unknown): void {
    if (this.size === this.times.length) this.grow();
    let i = this.size++;
    // Sift up, moving parents down into the hole.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = this.times[p];
      if (pt < time || (pt === time && this.seqs[p] < seq)) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, time, seq, kind, node, from, id, payload);
  }

  /** Removes the first item into `out` (reused by the caller); false when empty. */
  pop(out: QueuedItem): boolean {
    if (this.size === 0) return false;
    out.time = this.times[0];
    out.seq = this.seqs[0];
    out.kind = this.kinds[0] as QueueKind;
    out.node = this.nodes[0];
    out.from = this.froms[0];
    out.id = this.ids[0];
    out.payload = this.payloads[0];
    const last = --this.size;
    if (last > 0) {
      const time = this.times[last];
      const seq = this.seqs[last];
      const kind = this.kinds[last] as QueueKind;
      const node = this.nodes[last];
      const from = this.froms[last];
      const id = this.ids[last];
      const payload = this.payloads[last];
      let i = 0;
      const half = last >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        const r = c + 1;
        if (r < last && (this.times[r] < this.times[c] || (this.times[r] === this.times[c] && this.seqs[r] < this.seqs[c]))) c = r;
        const ct = this.times[c];
        if (time < ct || (time === ct && seq < this.seqs[c])) break;
        this.move(c, i);
        i = c;
      }
      this.set(i, time, seq, kind, node, from, id, payload);
    }
    this.payloads[last] = undefined;
    return true;
  }

  /** Visits every queued item in heap order (not time order); for views and checks. */
  forEach(visit: (item: Readonly<QueuedItem>) => void): void {
    const item: QueuedItem = { time: 0, seq: 0, kind: QueueKind.Deliver, node: 0, from: 0, id: 0, payload: undefined };
    for (let i = 0; i < this.size; i++) {
      item.time = this.times[i];
      item.seq = this.seqs[i];
      item.kind = this.kinds[i] as QueueKind;
      item.node = this.nodes[i];
      item.from = this.froms[i];
      item.id = this.ids[i];
      item.payload = this.payloads[i];
      visit(item);
    }
  }

  snapshot(): QueueSnapshot {
    const n = this.size;
    return {
      size: n,
      times: this.times.slice(0, n),
      seqs: this.seqs.slice(0, n),
      kinds: this.kinds.slice(0, n),
      nodes: this.nodes.slice(0, n),
      froms: this.froms.slice(0, n),
      ids: this.ids.slice(0, n),
      payloads: this.payloads.slice(0, n),
    };
  }

  restore(s: QueueSnapshot): void {
    const cap = Math.max(1024, s.size * 2);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.kinds = new Uint8Array(cap);
    this.nodes = new Int32Array(cap);
    this.froms = new Float64Array(cap);
    this.ids = new Float64Array(cap);
    this.payloads = new Array(cap);
    this.times.set(s.times);
    this.seqs.set(s.seqs);
    this.kinds.set(s.kinds);
    this.nodes.set(s.nodes);
    this.froms.set(s.froms);
    this.ids.set(s.ids);
    for (let i = 0; i < s.size; i++) this.payloads[i] = s.payloads[i];
    this.size = s.size;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from];
    this.seqs[to] = this.seqs[from];
    this.kinds[to] = this.kinds[from];
    this.nodes[to] = this.nodes[from];
    this.froms[to] = this.froms[from];
    this.ids[to] = this.ids[from];
    this.payloads[to] = this.payloads[from];
  }

  private set(i: number, time: number, seq: number, kind: QueueKind, node: number, from: number, id: number, payload: unknown): void {
    this.times[i] = time;
    this.seqs[i] = seq;
    this.kinds[i] = kind;
    this.nodes[i] = node;
    this.froms[i] = from;
    this.ids[i] = id;
    this.payloads[i] = payload;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.times = grow64(this.times);
    this.seqs = grow64(this.seqs);
    this.froms = grow64(this.froms);
    this.ids = grow64(this.ids);
    const kinds = new Uint8Array(cap);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const nodes = new Int32Array(cap);
    nodes.set(this.nodes);
    this.nodes = nodes;
    this.payloads.length = cap;
  }
}
