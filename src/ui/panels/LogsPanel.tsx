import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import type { NodeView } from '../../sim/kernel/protocol';
import { roleOf, roleWord } from '../labels';
import { useUi } from '../store';
import { usePanelValue } from '../usePanelValue';

/** At most this many entries per row are drawn; older ones are summed up. */
const MAX_CELLS = 12;

interface Cell {
  index: number;
  label: string;
  detail: string;
  colorKey: number;
  committed: boolean;
}

interface Row {
  id: number;
  role: string;
  down: boolean;
  cells: Cell[];
  length: number;
  commit: number;
  /** The leader's view of this follower: [nextIndex, matchIndex]. */
  progress: [number, number] | null;
  summary: string;
}

/** "1.3": epoch 1, counter 3 (ZooKeeper writes zxids as 0x100000003). */
export function formatZxid(zxid: unknown): string {
  if (typeof zxid === 'number') return `${Math.floor(zxid / 2 ** 32)}.${zxid % 2 ** 32}`;
  const z = zxid as { epoch?: number; counter?: number } | null;
  if (z && typeof z.epoch === 'number') return `${z.epoch}.${z.counter ?? 0}`;
  return String(zxid);
}

function zxidEpoch(zxid: unknown): number {
  if (typeof zxid === 'number') return Math.floor(zxid / 2 ** 32);
  return (zxid as { epoch?: number } | null)?.epoch ?? 0;
}

/** Log lengths (Raft entries, ZAB history): the drawing shows the last MAX_CELLS indices of the longest. */
function logLength(view: NodeView): number {
  return ((view.log ?? view.history ?? []) as unknown[]).length;
}

/** Rows with cells from index `first` on (building cells for the hidden part of a long log is wasted work). */
function raftRows(nodes: readonly NodeView[], first: number): Row[] {
  const leader = nodes.find((v) => v.up !== false && v.role === 'leader');
  const next = (leader?.nextIndex ?? {}) as Record<string, number>;
  const match = (leader?.matchIndex ?? {}) as Record<string, number>;
  return nodes.map((view) => {
    const id = view.id as number;
    const log = (view.log ?? []) as { term: number; value: string | null }[];
    const commit = typeof view.commitIndex === 'number' ? view.commitIndex : 0;
    const cells = log.slice(first - 1).map((e, j) => {
      const i = first - 1 + j;
      return {
      index: i + 1,
      label: String(e.term),
      detail: i18n.t('logs.entry', { index: i + 1, term: e.term, value: e.value ?? i18n.t('logs.noop') }),
      colorKey: e.term,
      committed: i + 1 <= commit,
      };
    });
    const progress: [number, number] | null = leader && leader.id !== id && next[String(id)] !== undefined ? [next[String(id)], match[String(id)] ?? 0] : null;
    return {
      id,
      role: roleOf(view) ?? '',
      down: view.up === false,
      cells,
      length: log.length,
      commit,
      progress,
      summary: i18n.t('logs.summary', { id, count: log.length, commit, extra: progress ? i18n.t('logs.leaderProgress', { next: progress[0], match: progress[1] }) : '' }),
    };
  });
}

function zabRows(nodes: readonly NodeView[], first: number): Row[] {
  return nodes.map((view) => {
    const id = view.id as number;
    const history = (view.history ?? []) as unknown[];
    const committedList = (view.committed ?? []) as unknown[];
    const committed = new Set(committedList.map(formatZxid));
    const cells = history.slice(first - 1).map((entry, j) => {
      const i = first - 1 + j;
      const e = (typeof entry === 'object' && entry !== null ? entry : { zxid: entry }) as { zxid?: unknown; value?: unknown };
      const z = formatZxid(e.zxid);
      return {
        index: i + 1,
        label: z,
        detail: `zxid ${z}${typeof e.zxid === 'number' ? ` (0x${e.zxid.toString(16)})` : ''}${e.value !== undefined ? `, ${String(e.value)}` : ''}`,
        colorKey: zxidEpoch(e.zxid),
        committed: committed.has(z),
      };
    });
    const commit = committedList.length;
    return { id, role: roleOf(view) ?? '', down: view.up === false, cells, length: history.length, commit, progress: null, summary: i18n.t('logs.summary', { id, count: history.length, commit, extra: '' }) };
  });
}

/** Per-node logs: Raft entries colored by term with the commit index and the leader's nextIndex / matchIndex; ZAB history by zxid with committed marks. */
export function LogsPanel() {
  const { t } = useTranslation();
  const protocol = useUi((s) => s.frame?.protocol);
  const nodes = usePanelValue((s) => s.frame?.nodes);
  const lang = useUi((s) => s.lang);
  // Frames keep the node views as the same objects while nothing changed: rows are rebuilt only then.
  const { rows, first } = useMemo(() => {
    if (!nodes || protocol === 'gossip') return { rows: [], first: 1 };
    const longest = Math.max(0, ...nodes.map(logLength));
    const from = Math.max(1, longest - MAX_CELLS + 1);
    return { rows: protocol === 'zab' ? zabRows(nodes, from) : raftRows(nodes, from), first: from };
  }, [nodes, protocol, lang]);
  if (!nodes || protocol === 'gossip') return <p className="muted">{t('logs.empty')}</p>;
  return (
    <div className="logs">
      <ol className="log-rows">
        {rows.map((row) => (
          <LogRow key={row.id} row={row} first={first} zab={protocol === 'zab'} />
        ))}
      </ol>
      <p className="small muted">{protocol === 'zab' ? t('logs.zabLegend') : t('logs.raftLegend')}</p>
    </div>
  );
}

const LogRow = memo(
  function LogRow({ row, first, zab }: { row: Row; first: number; zab: boolean }) {
    const hidden = Math.max(0, Math.min(row.length, first - 1));
    return (
      <li className={row.down ? 'log-row down' : 'log-row'} aria-label={row.summary} data-node={row.id}>
        <span className="log-node" aria-hidden="true">
          S{row.id}
          <span className="log-role">{row.down ? i18n.t('node.down') : roleWord(row.role)}</span>
        </span>
        <span className="log-cells" aria-hidden="true">
          {hidden > 0 && <span className="log-more">{i18n.t('logs.earlier', { count: hidden })}</span>}
          {row.cells.map((c) => (
            <span
              key={c.index}
              className={`${c.committed ? 'log-cell committed' : 'log-cell'}${zab ? ' wide' : ''}`}
              style={{ background: `var(--term-${c.colorKey % 6})` }}
              title={c.detail}
            >
              {c.label}
              {row.progress && c.index === row.progress[1] && <span className="marker match">{i18n.t('logs.match')}</span>}
              {row.progress && c.index === row.progress[0] && <span className="marker next">{i18n.t('logs.next')}</span>}
            </span>
          ))}
          {row.progress && row.progress[0] === row.length + 1 && (
            <span className="log-cell ghost">
              <span className="marker next">{i18n.t('logs.next')}</span>
            </span>
          )}
        </span>
        <span className="log-commit">
          {i18n.t('logs.commit')} {row.commit}
        </span>
      </li>
    );
  },
  (a, b) => a.first === b.first && a.zab === b.zab && a.row.summary === b.row.summary && a.row.role === b.row.role && a.row.down === b.row.down && sameCells(a.row.cells, b.row.cells),
);

function sameCells(a: Cell[], b: Cell[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].detail !== b[i].detail || a[i].committed !== b[i].committed) return false;
  return true;
}
