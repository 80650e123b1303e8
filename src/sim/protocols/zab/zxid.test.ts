import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/validate';
import { synthesizeHistory } from './history';
import { initialPersisted } from './persistence';
import { zabDefaults } from './params';
import { counterOf, describeZxid, epochOf, makeZxid, zxidFromInit, zxidHex } from './zxid';

describe('zxid = epoch << 32 | counter (ZxidUtils)', () => {
  it('packs and unpacks epoch and counter as a plain number', () => {
    const z = makeZxid(1, 2);
    expect(z).toBe(0x100000002);
    expect([epochOf(z), counterOf(z)]).toEqual([1, 2]);
    expect(zxidHex(z)).toBe('0x100000002');
    expect(describeZxid(z)).toBe('0x100000002 (epoch 1, counter 2)');
  });

  it('stays exact for large epochs (no BigInt needed)', () => {
    const z = makeZxid(0x1fffff, 0xffffffff);
    expect(Number.isSafeInteger(z)).toBe(true);
    expect([epochOf(z), counterOf(z)]).toEqual([0x1fffff, 0xffffffff]);
  });

  it('a scenario zxid is a number (123 is epoch 0, counter 123) or {epoch, counter}', () => {
    expect(zxidFromInit(123)).toBe(123);
    expect(zxidHex(123)).toBe('0x7b');
    expect(zxidFromInit({ epoch: 2, counter: 5 })).toBe(makeZxid(2, 5));
    expect(zxidFromInit(undefined)).toBe(0);
  });
});

describe('init: a given last zxid implies a synthesized history up to it', () => {
  it('zxid (e, c) becomes the transactions (e, 1) … (e, c), the same on every server', () => {
    const h = synthesizeHistory(makeZxid(3, 3));
    expect(h.map((t) => zxidHex(t.zxid))).toEqual(['0x300000001', '0x300000002', '0x300000003']);
    expect(h.map((t) => t.value)).toEqual(['init-0x300000001', 'init-0x300000002', 'init-0x300000003']);
    expect(synthesizeHistory(0)).toEqual([]);
  });

  it('currentEpoch defaults to the zxid epoch and acceptedEpoch to currentEpoch', () => {
    expect(initialPersisted(1, { zxid: { epoch: 2, counter: 1 } }, zabDefaults)).toMatchObject({ currentEpoch: 2, acceptedEpoch: 2 });
    expect(initialPersisted(1, { zxid: 123 }, zabDefaults)).toMatchObject({ currentEpoch: 0, acceptedEpoch: 0 });
    expect(initialPersisted(1, { epoch: 3, acceptedEpoch: 4 }, zabDefaults)).toEqual({ currentEpoch: 3, acceptedEpoch: 4, history: [] });
    expect(initialPersisted(1, { zxid: 123 }, zabDefaults).history).toHaveLength(123);
  });

  it('the validator bounds the synthesized history and names the field', () => {
    const base = { version: 1, protocol: 'zab', nodes: 3 };
    expect(parseScenario({ ...base, init: { '1': { zxid: { epoch: 1, counter: 10_000 } } } }).ok).toBe(true);
    const tooBig = parseScenario({ ...base, init: { '1': { zxid: 0x100000000 + 20_000 } } });
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.errors[0].path).toBe('$.init["1"].zxid');
  });
});
