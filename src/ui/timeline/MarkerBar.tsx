import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { LANES } from './glyphs';

/** One marker button: over its glyph in the moments or the events lane. */
export interface MarkItem {
  key: string;
  lane: 'moments' | 'events';
  /** Glyph center and the button's extent (px). */
  x: number;
  left: number;
  right: number;
  /** Accessible name and tooltip, with the time ("0.225 s: S3 wins term 1"). */
  name: string;
  cluster: boolean;
  /** Jumps there (a mark), or zooms in (a cluster). */
  activate: () => void;
}

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => Math.min(i + 1, n - 1),
  ArrowLeft: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * The marker buttons over the detail strip: one roving-tabindex toolbar (one tab stop; ← → Home
 * End move between marks, Enter or Space jumps), with a tooltip that says what a mark is on hover
 * and on keyboard focus. Keys it handles do not reach the page's shortcuts (→ would also step).
 */
export function MarkerBar({ items, label, width }: { items: readonly MarkItem[]; label: string; width: number }) {
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [tip, setTip] = useState<{ key: string; text: string; x: number } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  /** The mark that had keyboard focus, and where: when a zoom or new data removes it, focus moves to the nearest mark. */
  const focused = useRef<{ key: string; x: number } | null>(null);

  const activeIndex = Math.max(0, items.findIndex((i) => i.key === activeKey));

  useLayoutEffect(() => {
    const last = focused.current;
    if (!last || items.some((i) => i.key === last.key)) return;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!lost || items.length === 0) return;
    let nearest = items[0];
    for (const item of items) if (Math.abs(item.x - last.x) < Math.abs(nearest.x - last.x)) nearest = item;
    setActiveKey(nearest.key);
    buttons.current.get(nearest.key)?.focus();
  }, [items]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === ' ' || e.key === 'Enter') {
      e.stopPropagation();
      return;
    }
    const move = MOVES[e.key];
    if (!move || items.length === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    const next = items[move(activeIndex, items.length)];
    setActiveKey(next.key);
    buttons.current.get(next.key)?.focus();
  };

  const show = (item: MarkItem) => setTip({ key: item.key, text: item.name, x: item.x });
  const hide = (item: MarkItem) => setTip((old) => (old && old.key === item.key ? null : old));
  const shown = tip && items.some((i) => i.key === tip.key) ? tip : null;
  const align = !shown ? 'center' : shown.x < 160 ? 'start' : width - shown.x < 160 ? 'end' : 'center';

  return (
    <>
      <div className="tl-marks" role="toolbar" aria-label={label} onKeyDown={onKeyDown}>
        {items.map((item, index) => {
          const lane = LANES[item.lane];
          return (
            <button
              key={item.key}
              ref={(el) => {
                if (el) buttons.current.set(item.key, el);
                else buttons.current.delete(item.key);
              }}
              type="button"
              className={item.cluster ? 'tl-mark-button tl-cluster' : 'tl-mark-button'}
              aria-label={item.name}
              tabIndex={index === activeIndex ? 0 : -1}
              style={{ left: item.left, width: Math.max(item.right - item.left, 4), top: lane.top, height: lane.height }}
              onClick={item.activate}
              onMouseEnter={() => show(item)}
              onMouseLeave={() => hide(item)}
              onFocus={() => {
                focused.current = { key: item.key, x: item.x };
                setActiveKey(item.key);
                show(item);
              }}
              onBlur={(e) => {
                if (e.currentTarget.isConnected) focused.current = null;
                hide(item);
              }}
            />
          );
        })}
      </div>
      {shown && (
        <div role="tooltip" className={`tl-tip tl-tip-${align}`} style={{ left: align === 'end' ? undefined : align === 'start' ? Math.max(0, shown.x - 12) : shown.x, right: align === 'end' ? Math.max(0, width - shown.x - 12) : undefined }}>
          {shown.text}
        </div>
      )}
    </>
  );
}
