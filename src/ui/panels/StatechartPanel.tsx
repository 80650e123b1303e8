import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutStatechart } from '../geometry/statechartLayout';
import { formatMs, roleOf, roleWord, seenStatus } from '../labels';
import { chartFor } from '../statechart/machines';
import { useUi } from '../store';

const SIZE = { width: 460, height: 330, stateWidth: 104, stateHeight: 32 };

/**
 * The selected node's role statechart, drawn from the xstate definition the simulation runs,
 * with the live state and the last transition highlighted. Small and slow-changing, so React
 * draws it.
 */
export function StatechartPanel() {
  const { t } = useTranslation();
  const protocol = useUi((s) => s.frame?.protocol ?? 'raft');
  const selected = useUi((s) => s.selectedNode);
  const current = useUi((s) => currentState(s.frame, s.selectedNode));
  const transition = useUi((s) => s.frame?.transitions.find((t) => t.node === s.selectedNode) ?? null);
  const { graph } = chartFor(protocol);
  const layout = useMemo(() => layoutStatechart(graph, SIZE), [graph]);
  const nodeName = selected !== null ? `S${selected}` : '';
  const last = transition && transition.from ? transition : null;
  return (
    <figure className="statechart">
      <figcaption className="small">
        {t('statechart.of', { machine: t(`statechart.machines.${protocol}`), node: nodeName || '—' })}
        {protocol === 'gossip' && <> · {t('statechart.gossip')}</>}
      </figcaption>
      <svg viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} className="statechart-svg" aria-hidden="true">
        <defs>
          <marker id="sc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="sc-arrowhead" />
          </marker>
          <marker id="sc-arrow-hot" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="sc-arrowhead hot" />
          </marker>
        </defs>
        {layout.edges.map((e) => {
          const hot = last !== null && last.from === e.from && last.to === e.to;
          return (
            <g key={`${e.from}-${e.to}`} className={hot ? 'sc-edge hot' : 'sc-edge'}>
              <path d={e.path} markerEnd={hot ? 'url(#sc-arrow-hot)' : 'url(#sc-arrow)'} />
              <text x={e.labelX} y={e.labelY} textAnchor="middle">
                {e.labels.map((label, i) => (
                  <tspan key={label} x={e.labelX} dy={i === 0 ? -((e.labels.length - 1) * 11) / 2 + 3 : 11}>
                    {label}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        {layout.states.map((s) => (
          <g key={s.id} className={current === s.id ? 'sc-state live' : 'sc-state'} transform={`translate(${s.x},${s.y})`}>
            <rect x={-s.width / 2} y={-s.height / 2} width={s.width} height={s.height} rx={10} />
            {s.initial && <circle cx={-s.width / 2 - 10} cy={0} r={4} className="sc-initial" />}
            <text y={5} textAnchor="middle">
              {s.id}
            </text>
          </g>
        ))}
      </svg>
      <p className="small" aria-live="polite">
        {selected === null
          ? t('statechart.pick')
          : current
            ? t('statechart.now', { node: nodeName, state: roleWord(current) })
            : t('statechart.down', { node: nodeName })}{' '}
        {last && t('statechart.last', { node: nodeName, from: roleWord(last.from!), to: roleWord(last.to), at: formatMs(last.at) })}
      </p>
    </figure>
  );
}

function currentState(frame: ReturnType<typeof useUi.getState>['frame'], node: number | null): string | null {
  if (!frame || node === null) return null;
  if (frame.protocol === 'gossip') {
    // The member machine is how the others see this node: a crashed node is still "suspect", then "dead".
    if (!frame.bulk) return null;
    const seen = seenStatus(frame.bulk, node);
    return seen === 'unknown' ? null : seen;
  }
  const view = frame.nodes[node - 1] ?? frame.focus;
  if (!view || view.up === false) return null;
  return roleOf(view) ?? null;
}
