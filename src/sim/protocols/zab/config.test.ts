import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../create';
import type { Scenario } from '../../scenario/schema';
import { zabProtocol } from '.';
import { withObserversFromInit } from './config';
import { zabDefaults } from './params';

describe('the configuration every server reads (zoo.cfg): who is an observer', () => {
  it('init.<id>.observer flags are folded into params.observers, merged with any listed there', () => {
    const params = { ...zabDefaults, observers: [2] };
    expect(withObserversFromInit(params, { '5': { observer: true }, '3': { observer: false } }).observers).toEqual([2, 5]);
    expect(withObserversFromInit(params, undefined)).toBe(params);
    const s = { version: 1, protocol: 'zab', nodes: 5, params: { observers: [2] }, init: { '5': { observer: true } } } as Scenario;
    expect((createSimulation(s).params as { observers: number[] }).observers).toEqual([2, 5]);
  });

  it('a `set` event may tune timing but cannot reconfigure who votes', () => {
    const start = zabProtocol.resolveParams({ observers: [3], tickTime: 500 });
    expect(start).toMatchObject({ observers: [3], tickTime: 500, finalizeWait: 200, syncLimit: 5 });
    const later = zabProtocol.resolveParams({ observers: [], syncLimit: 2 }, start);
    expect(later).toMatchObject({ observers: [3], tickTime: 500, syncLimit: 2 });
  });
});
