import { gossipTemplates, gossipWords } from '../protocols/gossip/narration';
import { gossipTemplatesZh, gossipWordsZh } from '../protocols/gossip/narration.zh';
import { raftTemplates, raftWords } from '../protocols/raft/narration';
import { raftTemplatesZh, raftWordsZh } from '../protocols/raft/narration.zh';
import { zabTemplates, zabWords } from '../protocols/zab/narration';
import { zabTemplatesZh, zabWordsZh } from '../protocols/zab/narration.zh';
import { kernelTemplates, kernelWords, type TemplateTable } from './templates';
import { kernelTemplatesZh, kernelWordsZh } from './templates.zh';

/**
 * Narration is a message key and its parameters in the trace; it becomes text only here, in the
 * reader's language. The templates are an i18next-compatible subset, so the UI can load
 * `narrationResources()` into i18next as they are (with `keySeparator: false`, since the keys
 * contain dots, and `escapeValue: false`, since React escapes) and register
 * `narrationFormatters` as i18next formatters:
 *
 * - `{{name}}` is a parameter; `{{name, format}}` a parameter through a formatter below.
 * - `$t(key)` nests another entry of the same language, after the parameters are filled in, so
 *   `$t(raft.role.{{role}})` words an enum parameter ("leader") in each language. Words live in
 *   the same resources as the templates (`raft.role.leader` → "leader" / "Leader（领导者）").
 */
export type NarrationLang = 'en' | 'zh';
export const NARRATION_LANGS: readonly NarrationLang[] = ['en', 'zh'];

/** Templates (keys a node narrates) and words (nested by templates), per language and protocol. */
const templates: Record<NarrationLang, readonly TemplateTable[]> = {
  en: [kernelTemplates, raftTemplates, gossipTemplates, zabTemplates],
  zh: [kernelTemplatesZh, raftTemplatesZh, gossipTemplatesZh, zabTemplatesZh],
};
const words: Record<NarrationLang, readonly TemplateTable[]> = {
  en: [kernelWords, raftWords, gossipWords, zabWords],
  zh: [kernelWordsZh, raftWordsZh, gossipWordsZh, zabWordsZh],
};

const merged: Record<NarrationLang, Readonly<Record<string, string>>> = {
  en: Object.freeze(Object.assign({}, ...templates.en, ...words.en)),
  zh: Object.freeze(Object.assign({}, ...templates.zh, ...words.zh)),
};

/** Every template and word by language, one flat table each (i18next resources). */
export function narrationResources(): Record<NarrationLang, Record<string, string>> {
  return { en: { ...merged.en }, zh: { ...merged.zh } };
}

/** The template keys (what nodes narrate) of one language, without the nested words. */
export function narrationKeys(lang: NarrationLang = 'en'): string[] {
  return templates[lang].flatMap((t) => Object.keys(t));
}

/** The word keys (what templates nest with `$t(…)`) of one language. */
export function narrationWordKeys(lang: NarrationLang = 'en'): string[] {
  return words[lang].flatMap((t) => Object.keys(t));
}

export function findTemplate(key: string, lang: NarrationLang = 'en'): string | undefined {
  return merged[lang][key];
}

type Formatter = (value: unknown, lang: NarrationLang) => string;

/**
 * Formatters named in templates as `{{name, format}}`; the UI registers the same functions with
 * i18next (`i18n.services.formatter.add(name, (v, lng) => f(v, lng === 'zh' ? 'zh' : 'en'))`).
 */
export const narrationFormatters: Readonly<Record<string, Formatter>> = {
  /**
   * Node ids: an array is written out ("S1, S2 and S3" / "S1、S2 和 S3"; empty: "nobody" / "无"),
   * a string is a list already joined as "S1, S2" (Chinese separates with 、).
   */
  nodes: (v, lang) => {
    if (typeof v === 'string') return lang === 'zh' ? v.replace(/, /g, '、') : v;
    if (!Array.isArray(v)) return formatValue(v, lang);
    const names = v.map((id) => `S${String(id)}`);
    if (names.length === 0) return lang === 'zh' ? '无' : 'nobody';
    if (names.length === 1) return names[0];
    const head = names.slice(0, -1).join(lang === 'zh' ? '、' : ', ');
    return lang === 'zh' ? `${head} 和 ${names[names.length - 1]}` : `${head} and ${names[names.length - 1]}`;
  },
  /** A Raft log entry's command: quoted, or the leader's no-op (null). */
  entry: (v, lang) => {
    if (v === null) return lang === 'zh' ? 'no-op 空日志' : 'no-op';
    return lang === 'zh' ? `“${String(v)}”` : `"${String(v)}"`;
  },
  /** A ZooKeeper transaction's value, as written; an empty one says so. */
  txn: (v, lang) => {
    if (v === '') return lang === 'zh' ? '（空值）' : '(empty)';
    return formatValue(v, lang);
  },
};

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*(?:,\s*([A-Za-z0-9_]+)\s*)?\}\}/g;
const NESTING = /\$t\(([^()]*)\)/g;

/**
 * Fills `{{name}}` and `{{name, format}}` placeholders and resolves `$t(key)` nestings in the
 * same language, as i18next does. Only the template's own `$t(…)` are resolved: a parameter value
 * that happens to contain "$t(" stays text (i18next's skipOnVariables). An unknown nested key stays
 * as `$t(key)` in the text, so a test can find it.
 */
export function fillTemplate(template: string, params: Record<string, unknown>, lang: NarrationLang = 'en'): string {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_, name: string, format: string | undefined) => {
      const value = params[name];
      const formatter = format === undefined ? undefined : narrationFormatters[format];
      return formatter ? formatter(value, lang) : formatValue(value, lang);
    });
  if (!template.includes('$t(')) return fill(template);
  // Words hold no placeholders (a test checks), so filling after nesting fills only the template's own.
  return fill(template.replace(NESTING, (_, inner: string) => {
    const key = fill(inner);
    return merged[lang][key] ?? `$t(${key})`;
  }));
}

/** The narration line for a trace event, in English unless told otherwise. An unknown key renders as the key and its parameters. */
export function renderNarration(key: string, params: Record<string, unknown>, lang: NarrationLang = 'en'): string {
  const template = findTemplate(key, lang);
  if (template === undefined) return `${key} ${JSON.stringify(params)}`;
  return fillTemplate(template, params, lang);
}

function formatValue(v: unknown, lang: NarrationLang): string {
  if (v === undefined) return '?';
  if (v === null) return lang === 'zh' ? '无' : 'none';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
