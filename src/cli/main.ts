import { parseArgs } from 'node:util';
import { NoProtocolError } from '../sim/create';
import { UsageError } from './errors';
import { fuzzCommand } from './fuzz';
import { runCommand } from './run';
import { terminalSafe } from './terminalText';
import { urlCommand } from './url';

const USAGE = `usage:
  npm run sim -- run <scenario.json | -> [--until <ms>] [--max-events N] [--json] [--trace <file.jsonl>] [--narrate]
  npm run sim -- url <scenario.json> [--base <url>] [--at <ms>]
  npm run sim -- fuzz --protocol <raft|zab|gossip> [--runs N] [--seed S] [--out <dir>] [--unsafe <switch>] [--profile <paper|etcd>]`;

const out = (line: string) => process.stdout.write(terminalSafe(line) + '\n');

// A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run': {
      const { values, positionals } = parse(rest, {
        until: { type: 'string' },
        'max-events': { type: 'string' },
        json: { type: 'boolean' },
        trace: { type: 'string' },
        narrate: { type: 'boolean' },
      });
      return runCommand(
        {
          source: single(positionals),
          until: values.until as string | undefined,
          maxEvents: values['max-events'] as string | undefined,
          json: values.json === true,
          trace: values.trace as string | undefined,
          narrate: values.narrate === true,
        },
        out,
        (line) => process.stderr.write(terminalSafe(line) + '\n'),
      );
    }
    case 'url': {
      const { values, positionals } = parse(rest, { base: { type: 'string' }, at: { type: 'string' } });
      urlCommand(single(positionals), { base: values.base as string | undefined, at: values.at as string | undefined }, out);
      return 0;
    }
    case 'fuzz': {
      const { values } = parse(rest, {
        protocol: { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        unsafe: { type: 'string' },
        profile: { type: 'string' },
      });
      return fuzzCommand(values as Record<string, string | undefined>, out);
    }
    case undefined:
    case 'help':
    case '--help':
      out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}" (run, url or fuzz)`);
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse(args: string[], options: Options): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
}

function single(positionals: string[]): string | undefined {
  if (positionals.length > 1) throw new UsageError(`expected one scenario, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof NoProtocolError) {
      process.stderr.write(`error: ${terminalSafe(err.message)}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`internal error: ${terminalSafe(err instanceof Error ? err.message : String(err))}\n`);
      process.exitCode = 1;
    }
  },
);
