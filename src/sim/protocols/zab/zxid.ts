/**
 * ZooKeeper's zxid: the epoch in the high 32 bits, a counter in the low 32 (ZxidUtils). Kept as a
 * plain number (epoch * 2^32 + counter is exact in a double for epochs below 2^21), because the
 * trace hasher cannot hash a BigInt.
 */
const TWO_32 = 0x100000000;

export function makeZxid(epoch: number, counter: number): number {
  return epoch * TWO_32 + counter;
}

export function epochOf(zxid: number): number {
  return Math.floor(zxid / TWO_32);
}

export function counterOf(zxid: number): number {
  return zxid % TWO_32;
}

/** As ZooKeeper logs it: "0x100000002"; -1 (no zxid) as "none". */
export function zxidHex(zxid: number): string {
  return zxid < 0 ? 'none' : `0x${zxid.toString(16)}`;
}

/** "0x100000002 (epoch 1, counter 2)", for narration. */
export function describeZxid(zxid: number): string {
  return zxid < 0 ? 'none' : `${zxidHex(zxid)} (epoch ${epochOf(zxid)}, counter ${counterOf(zxid)})`;
}

/** A scenario's `zxid`: a number, or {epoch, counter}. */
export function zxidFromInit(value: number | { epoch: number; counter: number } | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : makeZxid(value.epoch, value.counter);
}
