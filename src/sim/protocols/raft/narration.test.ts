import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { narrationKeysUsed } from '../../testing/narrationCoverage';
import { raftFuzzTarget } from './fuzzTarget';
import { raftTemplates } from './narration';

const here = new URL('.', import.meta.url);
describe('narration', () => {
  it('every narration key written in the source has an English template', () => {
    const keys = new Set<string>();
    for (const dir of ['', 'checkers/']) {
      for (const f of readdirSync(new URL(dir, here))) {
        if (!f.endsWith('.ts') || f.endsWith('.test.ts') || /^narration(\.zh)?\.ts$/.test(f)) continue;
        const text = readFileSync(new URL(dir + f, here), 'utf8');
        for (const m of text.matchAll(/'(raft\.[a-zA-Z.]+)'/g)) keys.add(m[1]);
      }
    }
    expect(keys.size).toBeGreaterThan(40);
    for (const key of keys) expect(raftTemplates[key], key).toBeDefined();
  });

  it('in every example and 30 fuzz runs, each narration has its template and every placeholder is filled', () => {
    const used = narrationKeysUsed('raft-', raftFuzzTarget, 8000, /\bS(none|null|undefined)\b/);
    // Most of the table is exercised by these runs (the rest by the unit tests).
    expect(used.size).toBeGreaterThan(Object.keys(raftTemplates).length * 0.7);
  });
});
