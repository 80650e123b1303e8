import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi, type Theme } from './store';

/** Light, dark, or the system's choice; the palette is color-blind safe in both. */
export function ThemeSelect() {
  const { t } = useTranslation();
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    // "System" follows the OS setting live; the stylesheet keys every palette on data-theme only.
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
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
