import { median } from './stats';

/**
 * The figures of `npm run bench app` and their table: each row is one figure, its headline
 * (the median over repetitions unless the figure says otherwise), the range of the samples,
 * the target (✓/✗), RaftScope's figure where the issue gives one, and the ratio to it.
 */

export interface Target {
  op: '≤' | '≥';
  value: number;
}

export interface Figure {
  section: string;
  name: string;
  unit: string;
  /** The headline: the median of `samples`, or their maximum when `stat` is 'max'. */
  value: number;
  stat: 'median' | 'max';
  samples: number[];
  target?: Target;
  /** RaftScope's figure: one number, or a range [low, high]. */
  raftScope?: number | [number, number];
  note?: string;
}

export interface FigureInput {
  section: string;
  name: string;
  unit: string;
  samples: number[];
  stat?: 'median' | 'max';
  target?: Target;
  raftScope?: number | [number, number];
  note?: string;
}

export function figure(input: FigureInput): Figure {
  const stat = input.stat ?? 'median';
  if (input.samples.length === 0) throw new Error(`${input.name}: no samples`);
  const value = stat === 'max' ? Math.max(...input.samples) : median(input.samples);
  return { ...input, stat, value };
}

/** ✓, ✗, or '' without a target. */
export function verdict(f: Figure): '✓' | '✗' | '' {
  if (!f.target) return '';
  return (f.target.op === '≤' ? f.value <= f.target.value : f.value >= f.target.value) ? '✓' : '✗';
}

/** Three significant digits for small numbers, thousands separators for large ones. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (Number.isInteger(v) && a < 1000) return String(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

function ratio(f: Figure): string {
  if (f.raftScope === undefined) return '';
  const [lo, hi] = typeof f.raftScope === 'number' ? [f.raftScope, f.raftScope] : f.raftScope;
  if (lo === hi) return `${fmt(f.value / lo)}×`;
  return `${fmt(f.value / hi)}–${fmt(f.value / lo)}×`;
}

function raftScopeText(f: Figure): string {
  if (f.raftScope === undefined) return '';
  return typeof f.raftScope === 'number' ? `${fmt(f.raftScope)} ${f.unit}` : `${fmt(f.raftScope[0])}–${fmt(f.raftScope[1])} ${f.unit}`;
}

function row(f: Figure): string[] {
  const range = f.samples.length > 1 ? `${fmt(Math.min(...f.samples))}–${fmt(Math.max(...f.samples))} (n=${f.samples.length})` : `(n=1)`;
  return [
    f.name,
    `${f.stat === 'max' ? 'max ' : ''}${fmt(f.value)} ${f.unit}`,
    range,
    f.target ? `${f.target.op} ${fmt(f.target.value)} ${verdict(f)}` : '—',
    raftScopeText(f),
    ratio(f),
  ];
}

const HEADER = ['figure', 'value', 'range (samples)', 'target', 'RaftScope', 'ratio'];

/** The table, one section heading per group of rows, notes under their rows. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map(row);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' │ ').trimEnd();
  const out = [line(HEADER), widths.map((w) => '─'.repeat(w)).join('─┼─')];
  let section = '';
  figures.forEach((f, i) => {
    if (f.section !== section) {
      section = f.section;
      out.push(`▸ ${section}`);
    }
    out.push(line(rows[i]));
    if (f.note) out.push(`    ${f.note}`);
  });
  const judged = figures.filter((f) => f.target);
  const met = judged.filter((f) => verdict(f) === '✓').length;
  out.push(`${met} of ${judged.length} targets met.`);
  return out.join('\n');
}

/** The figures as JSON-ready objects (the table's content, with samples and verdicts). */
export function figuresJson(figures: readonly Figure[]): object[] {
  return figures.map((f) => ({ ...f, met: f.target ? verdict(f) === '✓' : null }));
}
