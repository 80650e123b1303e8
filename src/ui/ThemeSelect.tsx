import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi, type Theme } from './store';

/** Light, dark, or the system's choice; the palette is color-blind safe in both. */
export function ThemeSelect() {
  const { t } = useTranslation();
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <label className="theme">
      {t('settings.theme')}
      <select aria-label={t('settings.theme')} value={theme} onChange={(e) => useUi.getState().setTheme(e.target.value as Theme)}>
        {(['system', 'light', 'dark'] as const).map((name) => (
          <option key={name} value={name}>
            {t(`settings.themeNames.${name}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
