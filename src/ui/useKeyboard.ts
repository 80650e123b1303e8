import { useEffect } from 'react';
import type { Controller } from './controller';

/** Virtual ms that Shift+←/→ and PageDown/PageUp move the present by. */
export const SHIFT_STEP_MS = 100;
export const PAGE_STEP_MS = 1000;

/**
 * The page's shortcuts: Space plays or pauses, → steps and ← steps back (Contract 3), Shift+←/→
 * move ±100 ms, PageDown/PageUp ±1 s, Home/End go to the start / the furthest point reached, and
 * Ctrl+Z / ⌘Z undoes the last action. Keys typed into fields, and keys on elements that handle
 * them themselves (menu items, tabs, sliders, open dialogs), are left alone.
 */
export function useKeyboard(controller: Controller): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const role = target?.getAttribute('role');
      if (role === 'menuitem' || role === 'tab') return;
      // In a modal dialog (the scenario library) keys do what they do there.
      if (target?.closest('dialog[open]')) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        controller.undo();
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const command = commandFor(e.key, e.shiftKey, controller);
      if (!command) return;
      // A focused button would also be clicked by Space; the shortcut wins (Contract 3).
      e.preventDefault();
      command();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
}

function commandFor(key: string, shift: boolean, controller: Controller): (() => void) | null {
  switch (key) {
    case ' ':
      return shift ? null : () => controller.togglePlay();
    case 'ArrowRight':
      return shift ? () => controller.moveBy(SHIFT_STEP_MS) : () => controller.step();
    case 'ArrowLeft':
      return shift ? () => controller.moveBy(-SHIFT_STEP_MS) : () => controller.stepBack();
    case 'PageUp':
      return () => controller.moveBy(PAGE_STEP_MS);
    case 'PageDown':
      return () => controller.moveBy(-PAGE_STEP_MS);
    case 'Home':
      return () => controller.seek(0);
    case 'End':
      return () => controller.seekToReached();
    default:
      return null;
  }
}
