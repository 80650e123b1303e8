import { describe, expect, it } from 'vitest';
import { isolateBidi, isolateParams } from './bidi';

describe('scenario text inside our sentences cannot reorder them', () => {
  it('leaves plain text alone', () => {
    expect(isolateBidi('x=1')).toBe('x=1');
    expect(isolateBidi('写入 x=1')).toBe('写入 x=1');
  });

  it('isolates an override or right-to-left text, dropping isolate marks that could end the isolate early', () => {
    expect(isolateBidi('\u202eevil')).toBe('\u2068\u202eevil\u2069');
    expect(isolateBidi('שלום')).toBe('\u2068שלום\u2069');
    expect(isolateBidi('a\u2069\u202eb')).toBe('\u2068a\u202eb\u2069');
  });

  it('isolates every string parameter of a narration, and only copies when it must', () => {
    const plain = { node: 1, value: 'x=1' };
    expect(isolateParams(plain)).toBe(plain);
    expect(isolateParams({ node: 1, value: '\u202ex=1' })).toEqual({ node: 1, value: '\u2068\u202ex=1\u2069' });
  });
});
