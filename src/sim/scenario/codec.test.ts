import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeScenario, decodeShareHash, encodeScenario, shareHash } from './codec';
import type { Scenario } from './schema';

const scenario: Scenario = {
  version: 1,
  protocol: 'raft',
  title: 'Split brain <b>not bold</b>',
  seed: 42,
  nodes: 5,
  events: Array.from({ length: 20 }, (_, i) => ({ at: 500 + i * 250, do: 'crash' as const, node: (i % 5) + 1 })),
};

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const firstError = (r: ReturnType<typeof decodeScenario>) => (r.ok ? 'ok' : r.errors[0].message);

describe('share-link codec', () => {
  it('round-trips a scenario exactly', () => {
    const decoded = decodeShareHash(shareHash(scenario));
    expect(decoded).toEqual({ ok: true, scenario });
  });

  it('keeps a scenario with 20 actions well under 2,000 characters', () => {
    expect(shareHash(scenario).length).toBeLessThan(2000);
  });

  it('returns null for a hash without a scenario', () => {
    expect(decodeShareHash('#foo=bar')).toBeNull();
  });

  it.each([
    ['truncated', () => encodeScenario(scenario).slice(0, 30), /damaged or truncated/],
    ['not base64url', () => '1.@@@@', /not base64url/],
    ['no version', () => 'eJyrVkrLz1eyUkpKLFKqBQA', /no codec version/],
    ['future codec', () => '9.' + encodeScenario(scenario).slice(2), /newer version of the simulator/],
    ['oversized', () => '1.' + 'A'.repeat(100_001), /too long/],
    ['not JSON inside', () => '1.' + b64url(deflateSync(new TextEncoder().encode('{nope'))), /not valid JSON/],
    ['a deflate bomb', () => '1.' + b64url(deflateSync(new Uint8Array(3_000_000).fill(32))), /larger than/],
    ['an invalid scenario', () => '1.' + b64url(deflateSync(new TextEncoder().encode('{"version":1,"protocol":"raft","nodes":0}'))), /^must be at least 1 node$/],
    ['codec version 0', () => '0.' + encodeScenario(scenario).slice(2), /^the link's codec version 0 does not exist \(versions start at 1; this simulator reads 1 and 2\)$/],
    ['negative codec version', () => '-1.' + encodeScenario(scenario).slice(2), /codec version -1 does not exist/],
    ['codec version "x"', () => 'x.' + encodeScenario(scenario).slice(2), /codec version "x" is not a whole number/],
  ])('explains a %s link', (_name, make, expected) => {
    expect(firstError(decodeScenario(make()))).toMatch(expected);
  });

  it('stops inflating a bomb at the cap: data past that point is never read', () => {
    // 30 MB of spaces compress to about 30 KB; the last two thirds are made garbage. Inflating
    // the whole input would reach the garbage ("does not decompress"); stopping at 1 MB does not.
    const bomb = deflateSync(new Uint8Array(30_000_000).fill(32));
    bomb.fill(0xff, Math.floor(bomb.length / 3));
    expect(firstError(decodeScenario('1.' + b64url(bomb)))).toMatch(/larger than 1000000 bytes/);
  });

  it('never throws on random or mutated links: always a scenario or a clear error', () => {
    const good = encodeScenario(scenario);
    const mutated = fc
      .tuple(fc.nat(good.length - 1), fc.constantFrom(...'ABCxyz019-_.=%'.split('')), fc.boolean())
      .map(([i, c, cut]) => (cut ? good.slice(0, i) : good.slice(0, i) + c + good.slice(i + 1)));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => '1.' + s), mutated), (payload) => {
        const r = decodeScenario(payload);
        if (r.ok) expect(r.scenario.version).toBe(1);
        else expect(r.errors[0].message.length).toBeGreaterThan(5);
      }),
      { numRuns: 1000 },
    );
  });
});
