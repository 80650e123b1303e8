import { writeFileSync } from 'node:fs';
import { benchApp } from './app';
import { benchRumor10k, benchSwim1k } from './gossip';
import { benchKernelThroughput, benchSeek } from './kernel';
import { benchRaft, benchRaftFuzz } from './raft';
import { formatResult, type BenchResult } from './stats';

/**
 * `npm run bench [group] [-- --json <file>]`: each benchmark prints its median over repeated
 * runs (the machine is shared and noisy, so medians, never single timings). Groups: kernel,
 * seek, raft, raft-fuzz, gossip-rumor, gossip-swim, app (the production build in Chromium:
 * bench/app.ts, it runs last; CHROMIUM_PATH picks the browser, BENCH_APP_OUT_DIR the build's
 * directory instead of dist/). `--json <file>` also writes every result as JSON; through npm:
 * `npm run bench app -- --json out.json`.
 */

interface BenchOutput {
  text: string;
  json: object;
  /** A benchmark that could not run (a missed target is not a failure). */
  failed?: boolean;
}

const sync =
  (run: () => BenchResult) =>
  async (): Promise<BenchOutput> => {
    const result = run();
    return { text: formatResult(result), json: result };
  };

const benches: [string, () => Promise<BenchOutput>][] = [
  ['kernel', sync(benchKernelThroughput)],
  ['seek', sync(benchSeek)],
  ['raft', sync(benchRaft)],
  ['raft-fuzz', sync(() => benchRaftFuzz())],
  ['gossip-rumor', sync(benchRumor10k)],
  ['gossip-swim', sync(benchSwim1k)],
  ['app', benchApp],
];

function parseArgs(argv: string[]): { only?: string; json?: string } {
  const out: { only?: string; json?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') {
      const file = argv[++i];
      if (!file) throw new Error('--json needs a file name');
      out.json = file;
    } else if (argv[i].startsWith('--json=')) out.json = argv[i].slice('--json='.length);
    else if (out.only === undefined) out.only = argv[i];
    else throw new Error(`unexpected argument "${argv[i]}"`);
  }
  return out;
}

async function main(): Promise<number> {
  const { only, json } = parseArgs(process.argv.slice(2));
  const selected = benches.filter(([name]) => !only || name === only || (name.startsWith(only) && only.length >= 4));
  if (selected.length === 0) throw new Error(`no benchmark group "${only}" (groups: ${benches.map(([n]) => n).join(', ')})`);
  const results: Record<string, object> = {};
  let failed = false;
  for (const [name, bench] of selected) {
    const output = await bench();
    console.log(output.text);
    results[name] = output.json;
    failed ||= output.failed === true;
  }
  if (json) {
    writeFileSync(json, JSON.stringify(results, null, 2) + '\n');
    console.log(`wrote ${json}`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
