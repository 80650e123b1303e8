import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { HTML_LANG, LANG_STORAGE_KEY, pickLanguage, type Lang } from './language';

/**
 * The page's one i18next instance. English is bundled, so it initializes synchronously and never
 * shows keys; the Chinese table loads on demand (`loadLanguage`) — before the first render when
 * the page opens in 中文 (main.tsx waits for it), or when the switch picks it. Narration is not in
 * here: the simulation's own message templates render it (see narrationText.ts).
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { ui: en } },
  partialBundledLanguages: true,
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

/** Makes a language's table available (English always is); resolves once it is. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'en' || i18n.hasResourceBundle(lang, 'ui')) return;
  const { zh } = await import('./zh');
  i18n.addResourceBundle('zh', 'ui', zh);
}

/** Switches the language and remembers the choice for the next visit. */
export async function setLanguage(lang: Lang): Promise<void> {
  await loadLanguage(lang);
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
