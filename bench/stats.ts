/** Median of a list of numbers (the benchmark's summary statistic: robust to a noisy shared machine). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export interface BenchResult {
  name: string;
  /** The headline figure (median over repetitions) and its unit. */
  median: number;
  unit: string;
  samples: number[];
  target?: string;
  extra?: Record<string, number | string>;
}

export function formatResult(r: BenchResult): string {
  const fmt = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2));
  const extra = r.extra ? ' · ' + Object.entries(r.extra).map(([k, v]) => `${k} ${typeof v === 'number' ? fmt(v) : v}`).join(' · ') : '';
  return `${r.name}: median ${fmt(r.median)} ${r.unit} (runs: ${r.samples.map(fmt).join(', ')})${r.target ? ` · target ${r.target}` : ''}${extra}`;
}
