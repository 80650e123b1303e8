import { useEffect } from 'react';
import type { Controller } from './controller';

/** Space plays or pauses, → steps (Contract 3); keys typed into fields are left alone. */
export function useKeyboard(controller: Controller): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (target?.getAttribute('role') === 'menuitem') return;
      if (e.key === ' ') {
        e.preventDefault();
        controller.togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        void controller.step();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
}
