import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { anchorIn } from './anchor';
import { gossipLabel } from '../labels';
import { useUi } from '../store';

/**
 * Every node of a canvas-drawn cluster as a button (Contract 3: "S7, alive, informed"), in a
 * disclosure so a thousand buttons are built only when someone opens it.
 */
export function BulkNodeList({ stage }: { stage: React.RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const count = useUi((s) => s.frame?.nodeCount ?? 0);
  return (
    <details className="bulk-nodes" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('cluster.nodeList', { count })}</summary>
      {open && <NodeButtons stage={stage} />}
    </details>
  );
}

function NodeButtons({ stage }: { stage: React.RefObject<HTMLDivElement | null> }) {
  const bulk = useUi((s) => s.frame?.bulk);
  const menuNode = useUi((s) => s.menu?.node ?? null);
  // Re-rendered when the language changes: the names are translated.
  useTranslation();
  if (!bulk) return null;
  const ids = Array.from({ length: bulk.health.length - 1 }, (_, i) => i + 1);
  return (
    <ul className="bulk-node-list">
      {ids.map((id) => (
        <li key={id}>
          <button
            type="button"
            data-node={id}
            aria-haspopup="menu"
            aria-expanded={menuNode === id}
            onClick={(e) => {
              const rect = e.currentTarget.getBoundingClientRect();
              useUi.getState().openMenu({ node: id, ...anchorIn(stage.current, { x: rect.left, y: rect.bottom }) });
            }}
          >
            {gossipLabel(bulk, id)}
          </button>
        </li>
      ))}
    </ul>
  );
}
