/**
 * A file name after the scenario's title: lower-case Latin letters, digits and dashes
 * ("Split brain: 6 nodes in two rooms" → "split-brain-6-nodes-in-two-rooms"), at most 60
 * characters; "scenario" when nothing of the title is left.
 */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'scenario';
}

export type ExportKind = 'scenario' | 'trace' | 'svg' | 'png';

const EXTENSIONS: Record<ExportKind, string> = { scenario: '.json', trace: '.trace.jsonl', svg: '.svg', png: '.png' };

export function exportFileName(title: string, kind: ExportKind): string {
  return `${fileSlug(title)}${EXTENSIONS[kind]}`;
}
