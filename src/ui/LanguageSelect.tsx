import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n';
import { isLang, LANG_NAMES, LANGS } from './i18n/language';
import { useUi } from './store';

/**
 * The language switch (Contract 3). Its accessible name is `Language` in every language, so a
 * person (or a test) who does not read the current one can always find the way back; the
 * options name each language in itself (English, 中文).
 */
export function LanguageSelect() {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  return (
    <label className="language">
      <span aria-hidden="true">{t('settings.language')}</span>
      <select
        aria-label="Language"
        value={lang}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLang(next)) return;
          void setLanguage(next).then(() => useUi.getState().setLang(next));
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
