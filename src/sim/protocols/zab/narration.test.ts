import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderNarration } from '../../narration/render';
import { narrationKeysUsed } from '../../testing/narrationCoverage';
import { zabFuzzTarget } from './fuzzTarget';
import { zabTemplates } from './narration';

const here = new URL('.', import.meta.url);
/** Keys built at run time from the rule that decided between two votes (election.ts). */
const DYNAMIC = ['epoch', 'zxid', 'sid'].flatMap((rule) => [`zab.vote.switch.${rule}`, `zab.vote.switch.${rule}.other`, `zab.vote.keep.${rule}`]);

describe('narration', () => {
  it('every narration key written in the source has an English template, and every template is used', () => {
    const keys = new Set<string>(DYNAMIC);
    for (const f of readdirSync(here)) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts') || /^narration(\.zh)?\.ts$/.test(f)) continue;
      const text = readFileSync(new URL(f, here), 'utf8');
      for (const m of text.matchAll(/'(zab\.[a-zA-Z.]+)'/g)) keys.add(m[1]);
    }
    for (const key of keys) expect(zabTemplates[key], key).toBeDefined();
    expect(Object.keys(zabTemplates).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('uses ZooKeeper’s words (LOOKING, FOLLOWING, LEADING, zxid, epoch) in Latin letters and renders node ids as S<id>', () => {
    const text = Object.values(zabTemplates).join('\n');
    for (const word of ['LOOKING', 'FOLLOWING', 'LEADING', 'OBSERVING', 'zxid', 'epoch']) expect(text).toContain(word);
    expect(text).not.toMatch(/[^S]\{\{node\}\}/);
  });

  it('says it as a student would: "S3 switches its vote to S1: same epoch, S1’s zxid 0x7b is higher than 0x7a."', () => {
    expect(renderNarration('zab.vote.switch.zxid', { node: 3, leader: 1, zxid: '0x7b', oldZxid: '0x7a' })).toBe(
      'S3 switches its vote to S1: same epoch, S1’s zxid 0x7b is higher than 0x7a.',
    );
  });

  it('in every example and 30 fuzz runs, each narration has its template and every placeholder is filled', () => {
    const used = narrationKeysUsed('zab-', zabFuzzTarget, 25_000, /\bS(none|null|undefined|0)\b|-1\b/);
    // Most of the table is exercised by these runs (the rest by the unit tests).
    expect(used.size).toBeGreaterThan(Object.keys(zabTemplates).length * 0.8);
  });
});
