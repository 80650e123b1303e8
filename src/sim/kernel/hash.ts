import { fmix32 } from './prng';

/**
 * Incremental 64-bit fingerprint of the trace (two independent 32-bit murmur3-style lanes).
 * It hashes a token stream (tags, numbers, strings) so that the hot path never builds a string;
 * `digest()` does not disturb the running state, so it can be read mid-run.
 */
const floatView = new Float64Array(1);
const wordView = new Int32Array(floatView.buffer);

const TAG_NULL = 0x51;
const TAG_FALSE = 0x52;
const TAG_TRUE = 0x53;
const TAG_INT = 0x54;
const TAG_FLOAT = 0x55;
const TAG_STRING = 0x56;
const TAG_ARRAY = 0x57;
const TAG_OBJECT = 0x58;
const TAG_UNDEFINED = 0x59;
const TAG_KEY = 0x5a;

const keyWords = new Map<string, number>();

/** A 32-bit FNV-1a of a string's UTF-16 code units (for cached object keys). */
function stringWord(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export interface HashState {
  a: number;
  b: number;
  count: number;
}

export class TraceHasher {
  private a = 0x2545f491;
  private b = 0x6a09e667;
  private count = 0;

  word(x: number): void {
    let k = Math.imul(x | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let h = this.a ^ k;
    h = (h << 13) | (h >>> 19);
    this.a = (Math.imul(h, 5) + 0xe6546b64) | 0;

    let j = Math.imul((x ^ 0x5bd1e995) | 0, 0x85ebca6b);
    j = (j << 13) | (j >>> 19);
    j = Math.imul(j, 0xc2b2ae35);
    let g = this.b ^ j;
    g = (g << 17) | (g >>> 15);
    this.b = (Math.imul(g, 9) + 0x7f4a7c15) | 0;
    this.count++;
  }

  number(x: number): void {
    if ((x | 0) === x) {
      this.word(TAG_INT);
      this.word(x);
    } else {
      floatView[0] = x;
      this.word(TAG_FLOAT);
      this.word(wordView[0]);
      this.word(wordView[1]);
    }
  }

  /**
   * An object key: keys come from a small fixed vocabulary, so each is reduced to one word once
   * and cached, instead of hashing its characters every time.
   */
  key(s: string): void {
    let k = keyWords.get(s);
    if (k === undefined) {
      k = stringWord(s);
      if (keyWords.size < 4096) keyWords.set(s, k);
    }
    this.word(TAG_KEY);
    this.word(k);
  }

  string(s: string): void {
    this.word(TAG_STRING);
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }

  /** Any JSON-like value; object keys in insertion order (the simulation builds them deterministically). */
  value(v: unknown): void {
    switch (typeof v) {
      case 'number':
        this.number(v);
        return;
      case 'string':
        // Short strings (message types, "x=1" values) come from a small vocabulary: cache them.
        if (v.length <= 24) this.key(v);
        else this.string(v);
        return;
      case 'boolean':
        this.word(v ? TAG_TRUE : TAG_FALSE);
        return;
      case 'undefined':
        this.word(TAG_UNDEFINED);
        return;
      case 'object':
        if (v === null) {
          this.word(TAG_NULL);
        } else if (Array.isArray(v)) {
          this.word(TAG_ARRAY);
          this.word(v.length);
          for (const item of v) this.value(item);
        } else {
          this.word(TAG_OBJECT);
          const record = v as Record<string, unknown>;
          for (const key in record) {
            this.key(key);
            this.value(record[key]);
          }
        }
        return;
      default:
        throw new Error(`cannot hash a ${typeof v}`);
    }
  }

  digest(): string {
    let a = this.a ^ this.count;
    let b = this.b ^ Math.imul(this.count, 0x9e3779b1);
    a = fmix32(a + b) | 0;
    b = fmix32(b + a) | 0;
    return hex8(a) + hex8(b);
  }

  save(): HashState {
    return { a: this.a, b: this.b, count: this.count };
  }

  restore(state: HashState): void {
    this.a = state.a;
    this.b = state.b;
    this.count = state.count;
  }
}


function hex8(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}
