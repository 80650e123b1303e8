import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeScenario, MAX_LINK_PAYLOAD_CHARS, MAX_SCENARIO_BYTES } from '../sim/scenario/codec';
import { defaultScenario } from '../sim/scenario/library/defaultScenario';
import { describeLinkErrors, type LinkProblemCode } from './linkProblem';

function problemOf(hash: string) {
  const decoded = decodeShareHash(hash);
  if (!decoded || decoded.ok) throw new Error(`expected ${hash.slice(0, 40)} to fail`);
  return describeLinkErrors(decoded.errors);
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const good = encodeScenario(defaultScenario);

describe('describeLinkErrors: every way the codec refuses a link has its own translatable reason', () => {
  const cases: [string, string, LinkProblemCode, Record<string, string | number>][] = [
    ['oversized', `#s=1.${'A'.repeat(MAX_LINK_PAYLOAD_CHARS + 1)}`, 'tooLong', { length: MAX_LINK_PAYLOAD_CHARS + 3, max: MAX_LINK_PAYLOAD_CHARS }],
    ['no version', '#s=abc', 'noVersion', {}],
    ['bad version', '#s=x.abc', 'badVersion', { version: 'x' }],
    ['codec version 0', `#s=0.${good.slice(2)}`, 'noSuchVersion', { version: 0, reads: 2 }],
    ['negative codec version', `#s=-1.${good.slice(2)}`, 'noSuchVersion', { version: -1, reads: 2 }],
    ['future codec', `#s=3.${good.slice(2)}`, 'newerCodec', { version: 3, reads: 2 }],
    ['not base64url', '#s=1.not*base64', 'notBase64', {}],
    ['one character changed', `#s=${good.slice(0, 20)}${good[20] === 'A' ? 'B' : 'A'}${good.slice(21)}`, 'checksum', {}],
    ['truncated', `#s=${good.slice(0, good.length - 12)}`, 'truncated', {}],
    ['not JSON', `#s=1.${base64url(deflateSync(strToU8('{"version": 1,')))}`, 'notJson', {}],
    ['deflate bomb', `#s=1.${base64url(deflateSync(new Uint8Array(MAX_SCENARIO_BYTES + 10).fill(32)))}`, 'tooLarge', { max: MAX_SCENARIO_BYTES }],
    ['future scenario version', `#s=${encodeScenario({ ...defaultScenario, version: 2 } as unknown as typeof defaultScenario)}`, 'newerScenario', { version: 2, reads: 1 }],
    ['invalid scenario', `#s=${encodeScenario({ ...defaultScenario, events: [{ at: 1, do: 'crash', node: 9 }] })}`, 'invalid', {}],
  ];
  for (const [name, hash, code, params] of cases) {
    it(name, () => {
      const problem = problemOf(hash);
      expect(problem.code).toBe(code);
      expect(problem.params).toEqual(params);
      expect(problem.detail.length).toBeGreaterThan(0);
    });
  }

  it('a link cut at any length reads as truncated, not as bad characters', () => {
    for (let cut = 1; cut <= 8; cut++) {
      const hash = `#s=${good.slice(0, good.length - cut)}`;
      const decoded = decodeShareHash(hash);
      expect(decoded && !decoded.ok && describeLinkErrors(decoded.errors, hash).code).toBe('truncated');
    }
    const hash = '#s=1.not*base64';
    const decoded = decodeShareHash(hash);
    expect(decoded && !decoded.ok && describeLinkErrors(decoded.errors, hash).code).toBe('notBase64');
  });

  it('keeps the validator’s JSON path for an invalid scenario', () => {
    const problem = problemOf(`#s=${encodeScenario({ ...defaultScenario, events: [{ at: 1, do: 'crash', node: 9 }] })}`);
    expect(problem.detail).toBe('$.events[0].node: node 9 is not in 1..5');
  });
});
