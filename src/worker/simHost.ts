import { createSimulation } from '../sim/create';
import type { ExternalEvent, Simulation } from '../sim/kernel/simulation';
import { defaultRunUntil } from '../sim/report';
import { decodeShareHash, shareHash } from '../sim/scenario/codec';
import { defaultScenario } from '../sim/scenario/library/defaultScenario';
import type { Scenario } from '../sim/scenario/schema';
import { formatErrors, parseScenario } from '../sim/scenario/validate';
import { buildFrame, type Frame } from './frame';

/** Checkpoint spacing for interactive runs: seeking replays at most this many events. */
const CHECKPOINT_EVERY = 500;
/** Events one `advance` may process, so a fast-forward never freezes the worker for long. */
const MAX_EVENTS_PER_ADVANCE = 200_000;

export type LoadResult = { ok: true; frame: Frame } | { ok: false; error: string; frame: Frame };

/**
 * The simulation as the UI drives it (the worker exposes this object through Comlink). It holds
 * one run of one scenario; every user action becomes a scenario event, so the run can be shared.
 */
export class SimHost {
  private scenario: Scenario = defaultScenario;
  private sim: Simulation = this.create(defaultScenario);
  /** Furthest virtual time this run has reached. */
  private reached = 0;
  /** The Time slider's range: the scripted actions plus a tail, or further once reached. */
  private horizon = 0;
  private branched = false;

  /** Loads a share-link hash (`#s=…`), or the default scenario when there is none. */
  loadHash(hash: string): LoadResult {
    const decoded = hash ? decodeShareHash(hash) : null;
    if (decoded === null) return { ok: true, frame: this.load(defaultScenario) };
    if (!decoded.ok) return { ok: false, error: formatErrors(decoded.errors), frame: this.load(defaultScenario) };
    return { ok: true, frame: this.load(decoded.scenario) };
  }

  /** Loads a scenario given as JSON; a bad one leaves the current run untouched. */
  loadScenario(json: unknown): LoadResult {
    const parsed = parseScenario(json);
    if (!parsed.ok) return { ok: false, error: formatErrors(parsed.errors), frame: this.frame() };
    return { ok: true, frame: this.load(parsed.scenario) };
  }

  /** Advances virtual time by `ms` (the UI's clock × speed). */
  advance(ms: number): Frame {
    const target = this.sim.now + Math.max(0, ms);
    let budget = MAX_EVENTS_PER_ADVANCE;
    while (budget-- > 0 && this.sim.step(target));
    if (budget > 0) this.sim.runUntil(target);
    return this.frame();
  }

  /** Processes exactly one event. */
  step(): Frame {
    this.sim.step();
    return this.frame();
  }

  seek(t: number): Frame {
    this.sim.seek(Math.max(0, t));
    return this.frame();
  }

  reset(): Frame {
    return this.load(this.scenario);
  }

  /** A user action at the current time (crash, partition…); see Simulation.act. */
  act(action: Omit<ExternalEvent, 'at'>): Frame {
    // Acting before the furthest point reached discards that old future (the UI says so).
    this.branched = this.sim.now < this.reached;
    this.sim.act(action);
    if (this.branched) this.reached = this.sim.now;
    return this.frame();
  }

  frame(): Frame {
    this.reached = Math.max(this.reached, this.sim.now);
    return buildFrame(this.sim, this.scenario.protocol, this.scenario.title ?? '', Math.max(this.horizon, this.reached), this.branched);
  }

  /** The scenario with every action taken so far, as a share-link hash. */
  shareHash(): string {
    return shareHash({ ...this.scenario, events: this.sim.actions() } as Scenario);
  }

  private load(scenario: Scenario): Frame {
    this.scenario = scenario;
    this.sim = this.create(scenario);
    this.horizon = defaultRunUntil(scenario.events);
    this.reached = 0;
    this.branched = false;
    return this.frame();
  }

  private create(scenario: Scenario): Simulation {
    return createSimulation(scenario, { checkpointEvery: CHECKPOINT_EVERY });
  }
}
