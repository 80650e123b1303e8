import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../create';
import { swarmRun } from '../../fuzz/swarm';
import { findTemplate, renderNarration } from '../../narration/render';
import { raftFuzzTarget } from './fuzzTarget';
import { raftTemplates } from './narration';
import { loadExample } from './testHarness';

const here = new URL('.', import.meta.url);
const examples = readdirSync(new URL('../../../../examples/', import.meta.url))
  .filter((f) => f.startsWith('raft-') && f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]);
}

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
    const used = new Set<string>();
    const check = (key: string, params: Record<string, unknown>) => {
      used.add(key);
      const template = findTemplate(key);
      expect(template, key).toBeDefined();
      for (const name of placeholders(template!)) expect(params[name], `${key}: {{${name}}}`).not.toBeUndefined();
      expect(renderNarration(key, params)).not.toMatch(/\bS(none|null|undefined)\b/);
    };
    const scenarios = [...examples.map(loadExample), ...Array.from({ length: 30 }, (_, i) => swarmRun(raftFuzzTarget, i + 1).scenario)];
    for (const scenario of scenarios) {
      const sim = createSimulation(scenario, {
        onTrace: (e) => {
          if (e.k === 'narrate') check(e.key, e.params);
        },
      });
      sim.runUntil(8000);
    }
    // Most of the table is exercised by these runs (the rest by the unit tests).
    expect(used.size).toBeGreaterThan(Object.keys(raftTemplates).length * 0.7);
  });
});
