import { useEffect, useRef, useState } from 'react';
import type { NodeView } from '../sim/kernel/protocol';
import type { Controller } from './controller';
import { nodeLabel } from './labels';
import { useUi } from './store';

const MENU_ITEMS = [
  { label: 'Crash', action: 'crash' },
  { label: 'Restart', action: 'restart' },
  { label: 'Pause', action: 'pause' },
  { label: 'Resume', action: 'resume' },
  { label: 'Time out', action: 'timeout' },
  { label: 'Client request', action: 'request' },
] as const;

/** Each node is a button named "S<id>, role, term"; activating it opens its menu (Contract 3). */
export function NodeList({ controller }: { controller: Controller }) {
  const nodes = useUi((s) => s.frame?.nodes);
  const [open, setOpen] = useState<number | null>(null);
  if (!nodes) return null;
  return (
    <ul className="nodes" aria-label="Nodes">
      {nodes.map((view) => (
        <li key={String(view.id)} className="node" data-role={String(view.role ?? view.state ?? view.status ?? '')} data-up={String(view.up)}>
          <button
            type="button"
            aria-haspopup="menu"
            aria-expanded={open === view.id}
            onClick={() => setOpen(open === view.id ? null : (view.id as number))}
          >
            {nodeLabel(view)}
          </button>
          {open === view.id && <NodeMenu view={view} controller={controller} close={() => setOpen(null)} />}
        </li>
      ))}
    </ul>
  );
}

let requestCounter = 0;

function NodeMenu({ view, controller, close }: { view: NodeView; controller: Controller; close: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);
  const node = view.id as number;
  const choose = (action: (typeof MENU_ITEMS)[number]['action']) => {
    close();
    const value = `x=${++requestCounter}`;
    void controller.act(action === 'request' ? { do: 'request', node, value } : { do: action, node });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div role="menu" aria-label={`S${node} actions`} ref={ref} onKeyDown={onKeyDown} className="menu">
      {MENU_ITEMS.map((item) => (
        <button key={item.action} type="button" role="menuitem" tabIndex={-1} onClick={() => choose(item.action)}>
          {item.label}
        </button>
      ))}
    </div>
  );
}
