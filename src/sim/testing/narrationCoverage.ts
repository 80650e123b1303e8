import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { createSimulation } from '../create';
import { swarmRun } from '../fuzz/swarm';
import type { FuzzTarget } from '../fuzz/target';
import { findTemplate, renderNarration } from '../narration/render';
import { loadExample } from './examples';

/** Placeholder names of an i18next template (`{{name}}` and `{{name, format}}`). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]);
}

/** The names of examples/<prefix>*.json, without the ending. */
export function exampleNames(prefix: string): string[] {
  return readdirSync(new URL('../../../examples/', import.meta.url))
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));
}

/**
 * Runs a protocol's examples and `fuzzRuns` swarm schedules, checking that every narration
 * has a template, fills each placeholder, and never renders a node as `Snull`-like text
 * (`forbidden`). Returns the keys that were narrated, for a coverage check.
 */
export function narrationKeysUsed(prefix: string, target: FuzzTarget, untilMs: number, forbidden: RegExp, fuzzRuns = 30): Set<string> {
  const used = new Set<string>();
  const scenarios = [...exampleNames(prefix).map(loadExample), ...Array.from({ length: fuzzRuns }, (_, i) => swarmRun(target, i + 1).scenario)];
  for (const scenario of scenarios) {
    const sim = createSimulation(scenario, {
      onTrace: (e) => {
        if (e.k !== 'narrate') return;
        used.add(e.key);
        const template = findTemplate(e.key);
        expect(template, e.key).toBeDefined();
        for (const name of placeholders(template!)) expect(e.params[name], `${e.key}: {{${name}}}`).not.toBeUndefined();
        expect(renderNarration(e.key, e.params), e.key).not.toMatch(forbidden);
      },
    });
    sim.runUntil(untilMs);
  }
  return used;
}
