import type { ExternalEvent } from './simulation';

const EVENT_KEYS = ['at', 'after', 'do', 'node', 'from', 'to', 'groups', 'value', 'message', 'network', 'params'] as const;

/**
 * An action with its keys in one fixed order (nested objects sorted), so the trace hashes the
 * same action identically whether it came from a validated file, a share link or a click.
 */
export function canonicalAction(e: ExternalEvent): ExternalEvent {
  const out: Record<string, unknown> = {};
  for (const key of EVENT_KEYS) {
    const v = (e as unknown as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out as unknown as ExternalEvent;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  const record = v as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .filter((k) => record[k] !== undefined)
      .map((k) => [k, sortKeys(record[k])]),
  );
}
