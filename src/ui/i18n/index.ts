import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { HTML_LANG, LANG_STORAGE_KEY, pickLanguage, type Lang } from './language';
import { zh } from './zh';

/**
 * The page's one i18next instance. Resources are bundled (two small tables), so it initializes
 * synchronously before the first render and never shows keys. Narration is not in here: the
 * simulation's own message templates render it in the chosen language (see narrationText.ts).
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { ui: en }, zh: { ui: zh } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh'],
  ns: ['ui'],
  defaultNS: 'ui',
  initAsync: false,
  // React escapes what it renders; D3 sets text with textContent. Nothing is injected as HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyHtmlLang(currentLang());

/** The language now in use. */
export function currentLang(): Lang {
  return i18n.language === 'zh' ? 'zh' : 'en';
}

/** Switches the language and remembers the choice for the next visit. */
export async function setLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage may be disabled (private mode, sandboxed iframe): the switch still works for this visit.
  }
  await i18n.changeLanguage(lang);
  applyHtmlLang(lang);
}

function initialLanguage(): Lang {
  let stored: string | null;
  try {
    stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    stored = null;
  }
  const browser = typeof navigator === 'undefined' ? [] : [navigator.language, ...(navigator.languages ?? [])];
  return pickLanguage(stored, browser);
}

function applyHtmlLang(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = HTML_LANG[lang];
}
