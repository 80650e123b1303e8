import { createWriteStream } from 'node:fs';
import { createSimulation } from '../sim/create';
import { encodeTraceEvent } from '../sim/kernel/trace';
import { renderNarration } from '../sim/narration/render';
import { buildRunReport, defaultRunUntil, type RunReport } from '../sim/report';
import { loadScenario } from './load';
import { UsageError } from './errors';

export interface RunOptions {
  source: string | undefined;
  until?: string;
  json: boolean;
  trace?: string;
  narrate: boolean;
}

export async function runCommand(opts: RunOptions, out: (line: string) => void): Promise<void> {
  const scenario = loadScenario(opts.source);
  const until = opts.until === undefined ? defaultRunUntil(scenario.events) : parseMs(opts.until);
  const traceFile = opts.trace ? createWriteStream(opts.trace) : null;
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
  sim.runUntil(until);
  if (traceFile) await new Promise<void>((resolve, reject) => traceFile.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const report = buildRunReport(sim);
  if (opts.json) {
    out(JSON.stringify(report));
    return;
  }
  for (const line of narration) out(line);
  for (const line of summarize(report, scenario.title)) out(line);
}

function parseMs(text: string): number {
  const ms = Number(text);
  if (!Number.isFinite(ms) || ms < 0) throw new UsageError(`--until: expected a time in ms ≥ 0, got "${text}"`);
  return ms;
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
