import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ExternalEvent } from '../../sim/kernel/simulation';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { useUi } from '../store';

type MenuAction = 'crash' | 'restart' | 'pause' | 'resume' | 'timeout' | 'request' | 'rumor' | 'leave' | 'join' | 'inspect';

const CONSENSUS_ITEMS: MenuAction[] = ['crash', 'restart', 'pause', 'resume', 'timeout', 'request', 'inspect'];
const GOSSIP_ITEMS: MenuAction[] = ['crash', 'restart', 'pause', 'resume', 'rumor', 'leave', 'join', 'inspect'];

let requestCounter = 0;

/** The open node's menu (Contract 3: role `menu`, items Crash, Restart, Pause, Time out, Client request). */
export function NodeMenu({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const menu = useUi((s) => s.menu);
  const protocol = useUi((s) => s.frame?.protocol);
  const ref = useRef<HTMLDivElement>(null);
  const [above, setAbove] = useState(false);

  // Near the bottom of the window the menu opens upward, so it stays on screen.
  useLayoutEffect(() => {
    const menuEl = ref.current;
    const stage = menuEl?.parentElement;
    if (!menu || !menuEl || !stage) return;
    const top = stage.getBoundingClientRect().top + menu.y;
    const height = menuEl.offsetHeight;
    setAbove(top + height + 8 > window.innerHeight && top - height - 46 > 0);
  }, [menu]);

  useEffect(() => {
    if (!menu) return;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) useUi.getState().closeMenu();
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [menu]);

  if (!menu) return null;
  const node = menu.node;
  const items = protocol === 'gossip' ? GOSSIP_ITEMS : CONSENSUS_ITEMS;

  const close = (refocus: boolean) => {
    useUi.getState().closeMenu();
    if (refocus) document.querySelector<HTMLElement>(`[data-node="${node}"]`)?.focus();
  };
  const choose = (action: MenuAction) => {
    close(true);
    if (action === 'inspect') {
      useUi.getState().selectNode(node);
      useUi.getState().setTab('inspector');
      return;
    }
    const event: Omit<ExternalEvent, 'at'> = action === 'request' ? { do: 'request', node, value: `x=${++requestCounter}` } : { do: action, node };
    void controller.act(event);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape' || e.key === 'Tab') close(true);
    else if (e.key === 'ArrowDown') all[(i + 1) % all.length]?.focus();
    else if (e.key === 'ArrowUp') all[(i - 1 + all.length) % all.length]?.focus();
    else if (e.key === 'Home') all[0]?.focus();
    else if (e.key === 'End') all[all.length - 1]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div role="menu" aria-label={t('cluster.nodeMenu', { id: node })} ref={ref} onKeyDown={onKeyDown} className={above ? 'menu above' : 'menu'} style={{ left: menu.x, top: menu.y }}>
      <div className="menu-title" aria-hidden="true">
        S{node}
      </div>
      {items.map((action) => (
        <button key={action} type="button" role="menuitem" tabIndex={-1} onClick={() => choose(action)}>
          {t(`menu.${action}`)}
        </button>
      ))}
    </div>
  );
}
