import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/validate';
import { pushRoundsEstimate } from './analytic';
import { exampleSimulation, metricsOf } from './testkit';

const dir = new URL('../../../../examples/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.startsWith('gossip-') && f.endsWith('.json'));

describe('example scenarios (examples/gossip-*.json)', () => {
  it.each(files)('%s validates', (file) => {
    const result = parseScenario(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('gossip-rumor-100: everyone hears the rumor in about log4(100) + ln(100)/3 rounds', () => {
    const sim = exampleSimulation('gossip-rumor-100.json');
    sim.runUntil(10_000);
    const m = metricsOf(sim);
    expect(m.informed).toBe(100);
    expect(m.convergedAt).not.toBeNull();
    expect(m.roundsToConverge).toBeGreaterThan(0.5 * pushRoundsEstimate(100, 3));
    expect(m.roundsToConverge).toBeLessThan(1.5 * pushRoundsEstimate(100, 3));
    expect(m.messagesPerNode).toBe(12);
  });

  it('gossip-swim-crash-loss: S7 is found dead by all under 10% loss, no live node is declared dead', () => {
    const sim = exampleSimulation('gossip-swim-crash-loss.json');
    sim.runUntil(60_000);
    const m = metricsOf(sim);
    const [failure] = m.failures;
    expect(failure.node).toBe(7);
    expect(failure.allLiveMembersKnowAt).not.toBeNull();
    expect(m.refutations).toBeGreaterThan(0);
    expect(m.falsePositives.declarations).toBe(0);
    expect(sim.violations).toEqual([]);
  });

  it('gossip-partition-two-dcs: views split during the partition and agree again after the heal', () => {
    const sim = exampleSimulation('gossip-partition-two-dcs.json');
    sim.runUntil(55_000);
    expect(metricsOf(sim).membership.agree).toBe(false);
    sim.runUntil(150_000);
    expect(metricsOf(sim).membership.agree).toBe(true);
  });
});

describe('scenario limits', () => {
  it('SWIM is refused above 2,000 nodes (n² member tables); rumor mode goes to 10,000', () => {
    const swim = parseScenario({ version: 1, protocol: 'gossip', nodes: 5000 });
    expect(swim.ok ? [] : swim.errors.map((e) => e.path)).toEqual(['$.nodes']);
    expect(parseScenario({ version: 1, protocol: 'gossip', nodes: 10_000, params: { mode: 'rumor' } }).ok).toBe(true);
  });
});
