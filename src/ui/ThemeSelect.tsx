import { useEffect } from 'react';
import { useUi, type Theme } from './store';
import { strings } from './strings';

/** Light, dark, or the system's choice; the palette is color-blind safe in both. */
export function ThemeSelect() {
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <label className="theme">
      {strings.theme}
      <select aria-label={strings.theme} value={theme} onChange={(e) => useUi.getState().setTheme(e.target.value as Theme)}>
        {(['system', 'light', 'dark'] as const).map((t) => (
          <option key={t} value={t}>
            {strings.themeNames[t]}
          </option>
        ))}
      </select>
    </label>
  );
}
