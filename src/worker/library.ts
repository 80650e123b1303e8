import { libraryGroups, scenarioLibrary, type LibraryGroupId, type LibraryMoment, type Localized } from '../sim/scenario/library';
import type { ProtocolId, Scenario } from '../sim/scenario/schema';
import { parseScenario } from '../sim/scenario/validate';

/** What the picker shows of one built-in scenario (the scenario itself stays in the worker). */
export interface LibraryItem {
  id: string;
  protocol: ProtocolId;
  group: LibraryGroupId;
  title: Localized;
  watch: Localized;
  /** Virtual ms to run to see the outcome. */
  until: number;
  /** The instants the note is about, for the timeline's "what to watch" markers. */
  moments: LibraryMoment[];
}

export interface LibraryInfo {
  groups: { id: LibraryGroupId; title: Localized }[];
  items: LibraryItem[];
}

export function libraryInfo(): LibraryInfo {
  return {
    groups: libraryGroups.map((g) => ({ id: g.id, title: { ...g.title } })),
    items: scenarioLibrary.map((e) => ({ id: e.id, protocol: e.protocol, group: e.group, title: { ...e.title }, watch: { ...e.watch }, until: e.until, moments: e.moments.map((m) => ({ at: m.at, label: { ...m.label } })) })),
  };
}

export function libraryScenarioById(id: string): Scenario | undefined {
  return scenarioLibrary.find((e) => e.id === id)?.scenario;
}

/** A scenario in its canonical form (the validator's key order): equal scenarios give equal text. */
export function canonicalJson(scenario: Scenario): string {
  const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
  return JSON.stringify(parsed.ok ? parsed.scenario : scenario);
}

/** Each entry's canonical text, made when first needed (its scenario is the validator's output, so already canonical). */
const canonicalById = new Map<string, string>();

/**
 * The library entry a scenario is, if any: a share link of a built-in scenario (or the protocol
 * switch's preset that is one) still shows that entry's "what to watch". Only entries of the
 * scenario's protocol are looked at (each is validated when first read).
 */
export function libraryIdOf(scenario: Scenario): string | null {
  const key = canonicalJson(scenario);
  for (const e of scenarioLibrary) {
    if (e.protocol !== scenario.protocol) continue;
    let text = canonicalById.get(e.id);
    if (text === undefined) canonicalById.set(e.id, (text = JSON.stringify(e.scenario)));
    if (text === key) return e.id;
  }
  return null;
}

/**
 * Whether a scenario was made from the built-in one named `id`: the same scenario with other
 * events (the actions a user took). A link that says so keeps the entry's "what to watch".
 */
export function madeFromLibrary(scenario: Scenario, id: string): boolean {
  const entry = libraryScenarioById(id);
  if (!entry) return false;
  const withoutEvents = (s: Scenario) => canonicalJson({ ...s, events: undefined } as Scenario);
  return withoutEvents(entry) === withoutEvents(scenario);
}
