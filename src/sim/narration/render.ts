import { gossipTemplates } from '../protocols/gossip/narration';
import { raftTemplates } from '../protocols/raft/narration';
import { zabTemplates } from '../protocols/zab/narration';
import { kernelTemplates, type TemplateTable } from './templates';

/** Every protocol's English templates (each protocol adds its table here as it lands). */
const tables: readonly TemplateTable[] = [kernelTemplates, raftTemplates, gossipTemplates, zabTemplates];

export function findTemplate(key: string): string | undefined {
  for (let i = tables.length - 1; i >= 0; i--) {
    const t = tables[i][key];
    if (t !== undefined) return t;
  }
  return undefined;
}

/** Fills `{{name}}` placeholders; an unknown key renders as the key and its parameters. */
export function fillTemplate(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, name: string) => formatValue(params[name]));
}

export function renderNarration(key: string, params: Record<string, unknown>): string {
  const template = findTemplate(key);
  if (template === undefined) return `${key} ${JSON.stringify(params)}`;
  return fillTemplate(template, params);
}

function formatValue(v: unknown): string {
  if (v === undefined) return '?';
  if (v === null) return 'none';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
