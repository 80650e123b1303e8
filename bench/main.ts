import { benchKernelThroughput, benchSeek } from './kernel';
import { formatResult, type BenchResult } from './stats';

/** `npm run bench`: each benchmark prints its median over repeated runs. */
const benches: [string, () => BenchResult][] = [
  ['kernel', benchKernelThroughput],
  ['seek', benchSeek],
];

const only = process.argv[2];
for (const [name, bench] of benches) {
  if (only && !name.startsWith(only)) continue;
  console.log(formatResult(bench()));
}
