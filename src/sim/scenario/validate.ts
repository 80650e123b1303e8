import type { z } from 'zod';
import { SWIM_MAX_NODES } from '../protocols/gossip/params';
import { MAX_NODES, SCENARIO_VERSION, scenarioShapeSchema, type Scenario } from './schema';

export type JsonPath = readonly (string | number)[];

export interface ScenarioError {
  /** JSON path of the offending value, as `$.events[2].node`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export function formatPath(path: JsonPath): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** One line per error: `$.events[2].node: node 9 is not in 1..5`. */
export function formatErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}

/** Validates a scenario given as JSON text. */
export function parseScenarioText(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ path: '$', message: `not valid JSON (${(err as Error).message})` }] };
  }
  return parseScenario(json);
}

/** Validates a parsed JSON value against scenario format v1 and its cross-field rules. */
export function parseScenario(json: unknown): ParseResult {
  const early = checkEnvelope(json);
  if (early) return { ok: false, errors: [early] };
  const result = scenarioShapeSchema.safeParse(json);
  if (!result.success) return { ok: false, errors: result.error.issues.map((issue) => describeIssue(issue, json)) };
  const errors = checkReferences(result.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: result.data };
}

/** Clear words for the two mistakes a union error would blur: the version and the protocol. */
function checkEnvelope(json: unknown): ScenarioError | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { path: '$', message: 'a scenario is a JSON object' };
  }
  const record = json as Record<string, unknown>;
  if (record.version !== SCENARIO_VERSION) {
    const seen = record.version === undefined ? 'missing' : JSON.stringify(record.version);
    const future = typeof record.version === 'number' && record.version > SCENARIO_VERSION;
    return {
      path: '$.version',
      message: future
        ? `version ${seen} is newer than this simulator understands (it reads version ${SCENARIO_VERSION})`
        : `expected version ${SCENARIO_VERSION}, got ${seen}`,
    };
  }
  if (!['raft', 'zab', 'gossip'].includes(record.protocol as string)) {
    const seen = record.protocol === undefined ? 'missing' : JSON.stringify(record.protocol);
    return { path: '$.protocol', message: `expected "raft", "zab" or "gossip", got ${seen}` };
  }
  return null;
}

const GOSSIP_ONLY_EVENTS = ['rumor', 'join', 'leave'];

function describeIssue(issue: z.core.$ZodIssue, json: unknown): ScenarioError {
  const path = issue.path.map(toPathPart);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const more = issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map((k) => `"${k}"`).join(', ')})` : '';
    return { path: formatPath([...path, key]), message: `unknown field "${key}"${more}` };
  }
  if (issue.code === 'invalid_union') {
    const seen = valueAt(json, path);
    if (path.at(-1) === 'do') {
      const protocol = (json as { protocol?: string }).protocol;
      const message =
        seen === undefined
          ? 'missing "do": every event says what it does, such as "crash", "partition" or "request"'
          : GOSSIP_ONLY_EVENTS.includes(seen as string)
            ? `"${String(seen)}" is a gossip event; a ${String(protocol)} scenario cannot use it`
            : `unknown event ${JSON.stringify(seen)}`;
      return { path: formatPath(path), message };
    }
    if (path.at(-2) === 'log') return { path: formatPath(path), message: `expected a term (number) or {term, value}, got ${JSON.stringify(seen)}` };
    if (path.at(-1) === 'zxid') return { path: formatPath(path), message: `expected a number or {epoch, counter}, got ${JSON.stringify(seen)}` };
  }
  return { path: formatPath(path), message: issue.message };
}

function valueAt(json: unknown, path: readonly (string | number)[]): unknown {
  let v = json;
  for (const part of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[part];
  }
  return v;
}

function toPathPart(p: PropertyKey): string | number {
  return typeof p === 'symbol' ? String(p) : p;
}

/**
 * ZooKeeper's observers (params.observers and init.<id>.observer) must be servers of the
 * ensemble, and at least one server must vote: with none, no leader could ever be elected.
 */
function checkObservers(s: Extract<Scenario, { protocol: 'zab' }>, fail: (path: JsonPath, message: string) => void): void {
  const observers = new Set<number>();
  (s.params?.observers ?? []).forEach((id, i) => {
    if (id > s.nodes) fail(['params', 'observers', i], `node ${id} is not in 1..${s.nodes}`);
    else observers.add(id);
  });
  for (const [key, init] of Object.entries(s.init ?? {})) if (init.observer === true && Number(key) <= s.nodes) observers.add(Number(key));
  if (observers.size >= s.nodes) fail(['params', 'observers'], `every server is an observer; at least one of the ${s.nodes} must vote`);
}

/** Rules a schema cannot say: node ids in range, disjoint groups, ordered ranges. */
function checkReferences(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const n = s.nodes;
  const fail = (path: JsonPath, message: string) => errors.push({ path: formatPath(path), message });
  const checkId = (path: JsonPath, id: number) => {
    if (id > n) fail(path, `node ${id} is not in 1..${n}`);
  };
  const checkGroups = (path: JsonPath, groups: readonly (readonly number[])[]) => {
    const seen = new Set<number>();
    groups.forEach((group, g) =>
      group.forEach((id, i) => {
        checkId([...path, g, i], id);
        if (seen.has(id)) fail([...path, g, i], `node ${id} is in more than one group`);
        seen.add(id);
      }),
    );
  };
  const checkRange = (path: JsonPath, range: readonly [number, number] | undefined, what: string) => {
    if (range && range[0] > range[1]) fail(path, `${what} min ${range[0]} is greater than max ${range[1]}`);
  };

  if (n > MAX_NODES[s.protocol]) fail(['nodes'], `${s.protocol} supports at most ${MAX_NODES[s.protocol]} nodes, got ${n}`);
  else if (s.protocol === 'gossip' && (s.params?.mode ?? 'swim') === 'swim' && n > SWIM_MAX_NODES) {
    fail(['nodes'], `gossip in swim mode supports at most ${SWIM_MAX_NODES} nodes (every node keeps a table of every member), got ${n}; set params.mode to "rumor" for more`);
  }
  if (s.groups) checkGroups(['groups'], s.groups);
  checkRange(['network', 'latency'], s.network?.latency, 'latency');
  if (s.protocol === 'raft') checkRange(['params', 'electionTimeout'], s.params?.electionTimeout, 'electionTimeout');

  for (const [key, init] of Object.entries(s.init ?? {})) {
    const id = Number(key);
    if (!/^[1-9][0-9]*$/.test(key) || id > n) {
      fail(['init', key], `"${key}" is not a node id in 1..${n}`);
      continue;
    }
    if (s.protocol === 'raft' && 'votedFor' in init && typeof init.votedFor === 'number') {
      checkId(['init', key, 'votedFor'], init.votedFor);
    }
  }
  if (s.protocol === 'zab') checkObservers(s, fail);

  (s.events ?? []).forEach((event, i) => {
    const path = ['events', i];
    if ('node' in event) checkId([...path, 'node'], event.node);
    if (event.do === 'partition') checkGroups([...path, 'groups'], event.groups);
    if (event.do === 'cut') {
      checkId([...path, 'from'], event.from);
      checkId([...path, 'to'], event.to);
      if (event.from === event.to) fail([...path, 'to'], 'a cut needs two different nodes');
    }
    if (event.do === 'set') {
      checkRange([...path, 'network', 'latency'], event.network?.latency, 'latency');
      if (s.protocol === 'raft' && event.params && 'electionTimeout' in event.params) {
        checkRange([...path, 'params', 'electionTimeout'], event.params.electionTimeout, 'electionTimeout');
      }
    }
  });
  return errors;
}
