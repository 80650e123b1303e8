import { useEffect } from 'react';
import type { Controller } from './controller';

/**
 * Space plays or pauses, → steps (Contract 3). Keys typed into fields, and keys on elements that
 * handle them themselves (buttons, menu items, sliders, the node buttons), are left alone.
 */
export function useKeyboard(controller: Controller): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const role = target?.getAttribute('role');
      if (role === 'menuitem' || role === 'tab') return;
      // In a modal dialog (the scenario library) Space activates the focused button, as usual.
      if (target?.closest('dialog[open]')) return;
      if (e.key === ' ') {
        // A focused button would also be clicked by Space; the shortcut wins (Contract 3).
        e.preventDefault();
        controller.togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        controller.step();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
}
