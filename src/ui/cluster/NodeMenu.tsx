import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ExternalEvent } from '../../sim/kernel/simulation';
import { useTranslation } from 'react-i18next';
import type { Controller } from '../controller';
import { useUi } from '../store';
import { menuBlock, type MenuAction } from './menuAvailability';

const CONSENSUS_ITEMS: MenuAction[] = ['crash', 'restart', 'pause', 'resume', 'timeout', 'request', 'inspect'];
const GOSSIP_ITEMS: MenuAction[] = ['crash', 'restart', 'pause', 'resume', 'rumor', 'leave', 'join', 'inspect'];

let requestCounter = 0;

/**
 * The open node's menu (Contract 3: role `menu`, items Crash, Restart, Pause, Time out, Client
 * request). Items that cannot apply now are disabled with the reason as their description.
 * Embedded, there is no inspector, so there is no Inspect.
 */
export function NodeMenu({ controller, embedded = false }: { controller: Controller; embedded?: boolean }) {
  const { t } = useTranslation();
  const menu = useUi((s) => s.menu);
  const protocol = useUi((s) => s.frame?.protocol);
  const view = useUi((s) => {
    const id = s.menu?.node;
    if (id === undefined || !s.frame) return null;
    return s.frame.nodes[id - 1] ?? (s.frame.focus?.id === id ? s.frame.focus : null);
  });
  const reasonId = useId();
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
  const items = (protocol === 'gossip' ? GOSSIP_ITEMS : CONSENSUS_ITEMS).filter((a) => !(embedded && a === 'inspect'));

  const close = (refocus: boolean) => {
    useUi.getState().closeMenu();
    if (refocus) document.querySelector<HTMLElement>(`[data-node="${node}"]`)?.focus();
  };
  const choose = (action: MenuAction) => {
    if (menuBlock(action, view)) return;
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
      {items.map((action) => {
        const block = menuBlock(action, view);
        const why = block ? t(`menu.why.${block}`, { id: node }) : null;
        return (
          <button
            key={action}
            type="button"
            role="menuitem"
            tabIndex={-1}
            // The name stays the item's own word; the reason shown under it is its description.
            aria-label={t(`menu.${action}`)}
            aria-disabled={block ? true : undefined}
            aria-describedby={block ? `${reasonId}-${action}` : undefined}
            title={why ?? undefined}
            onClick={() => choose(action)}
          >
            {t(`menu.${action}`)}
            {why && (
              <span id={`${reasonId}-${action}`} className="menu-why">
                {why}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
