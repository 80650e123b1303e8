import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import { MAX_TIME_MS } from '../sim/scenario/bounds';
import { createSimulation } from '../sim/create';
import { encodeTraceEvent } from '../sim/kernel/trace';
import { renderNarration } from '../sim/narration/render';
import { buildRunReport, defaultRunUntil, type RunReport } from '../sim/report';
import { loadScenario } from './load';
import { UsageError } from './errors';

export interface RunOptions {
  source: string | undefined;
  until?: string;
  /** Stop after this many events (default DEFAULT_MAX_EVENTS). */
  maxEvents?: string;
  json: boolean;
  trace?: string;
  narrate: boolean;
}

/** The event budget of `run` without `--max-events`: a few seconds of the kernel's work. */
export const DEFAULT_MAX_EVENTS = 20_000_000;

/** Exit code of a run stopped by its event budget (the report is still printed). */
export const BUDGET_EXIT_CODE = 3;

export async function runCommand(opts: RunOptions, out: (line: string) => void, warn: (line: string) => void = () => {}): Promise<number> {
  const scenario = loadScenario(opts.source);
  const until = opts.until === undefined ? defaultRunUntil(scenario.events) : parseMs('--until', opts.until);
  const maxEvents = opts.maxEvents === undefined ? DEFAULT_MAX_EVENTS : parseCount('--max-events', opts.maxEvents);
  const traceFile = opts.trace ? openTrace(opts.trace) : null;
  const narration: string[] = [];
  const sim = createSimulation(scenario, {
    onTrace:
      traceFile || opts.narrate
        ? (e) => {
            traceFile?.write(encodeTraceEvent(e) + '\n');
            if (opts.narrate && e.k === 'narrate') narration.push(`${e.t.toFixed(0).padStart(7)} ms  ${renderNarration(e.key, e.params)}`);
            if (opts.narrate && e.k === 'violation') narration.push(`${e.t.toFixed(0).padStart(7)} ms  VIOLATION ${e.invariant}: ${e.message}`);
          }
        : undefined,
  });
  while (sim.events < maxEvents && sim.step(until));
  const stopped = sim.events >= maxEvents && sim.nextEventTime() <= until;
  if (!stopped) sim.runUntil(until);
  else warn(`stopped at the event budget: ${maxEvents} events by ${sim.now} ms of the ${until} asked for (raise --max-events)`);
  if (traceFile) await new Promise<void>((resolve, reject) => traceFile.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const report = buildRunReport(sim);
  if (opts.json) out(JSON.stringify(report));
  else {
    for (const line of narration) out(line);
    for (const line of summarize(report, scenario.title)) out(line);
  }
  return stopped ? BUDGET_EXIT_CODE : 0;
}

/** A virtual time in ms, written in plain decimal, at most 24 h. */
export function parseMs(flag: string, text: string): number {
  const ms = /^[0-9]+(\.[0-9]+)?$/.test(text) ? Number(text) : NaN;
  if (!(ms >= 0 && ms <= MAX_TIME_MS)) throw new UsageError(`${flag}: expected a time in ms written in decimal, 0 to ${MAX_TIME_MS} (24 h), got "${text}"`);
  return ms;
}

function parseCount(flag: string, text: string): number {
  const n = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= Number.MAX_SAFE_INTEGER)) throw new UsageError(`${flag}: expected a whole number ≥ 1 written in decimal, got "${text}"`);
  return n;
}

/** Opens the trace file now, so a bad path is one clear line (exit 2), not a stack trace later. */
function openTrace(path: string): WriteStream {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'it is a directory' : code === 'ENOENT' ? 'its directory does not exist' : code === 'EACCES' ? 'permission denied' : (code ?? (err as Error).message);
    throw new UsageError(`--trace ${path}: cannot write there (${why})`);
  }
  // The stream owns the descriptor from here (autoClose).
  return createWriteStream(path, { fd });
}

function summarize(r: RunReport, title: string | undefined): string[] {
  const lines = [
    ...(title ? [title] : []),
    `time ${r.time} ms · ${r.events} events · traceHash ${r.traceHash}`,
  ];
  for (const node of r.nodes) {
    const { id, up, ...rest } = node;
    const fields = Object.entries(rest)
      .map(([k, v]) => `${k}=${brief(v)}`)
      .join(' ');
    lines.push(`S${String(id)} ${up ? 'up' : 'down'} ${fields}`);
  }
  lines.push(r.violations.length === 0 ? 'no invariant violations' : `${r.violations.length} invariant violation(s):`);
  for (const v of r.violations) lines.push(`  ${v.at} ms ${v.invariant}: ${v.message}`);
  return lines;
}

function brief(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
