/** The languages the UI speaks; i18next's language codes. */
export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** What the Language switch shows for each language, always in that language itself. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', zh: '中文' };

/** The `lang` attribute of the page for each language (screen readers pick their voice by it). */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

export const LANG_STORAGE_KEY = 'consensus-sim.lang';

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh';
}

/**
 * The language to start in: the one the user chose before (remembered), else the browser's
 * preferred language when it is Chinese (any `zh…`, Simplified or not: 简体中文 is the Chinese we
 * have), else English.
 */
export function pickLanguage(stored: string | null, browserLanguages: readonly string[]): Lang {
  if (isLang(stored)) return stored;
  const first = browserLanguages.find((l) => l.trim() !== '') ?? '';
  return first.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
