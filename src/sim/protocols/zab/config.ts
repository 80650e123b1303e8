import type { ZabParams } from './params';

/**
 * ZooKeeper's configuration is static and every server reads the same zoo.cfg, so every server
 * knows who votes. Contract 1 puts the observer flag in each server's `init`; this folds those
 * flags into `params.observers` (the configuration) before any server starts.
 */
export function withObserversFromInit(params: ZabParams, init: Readonly<Record<string, unknown>> | undefined): ZabParams {
  const flagged = Object.entries(init ?? {})
    .filter(([, server]) => (server as { observer?: boolean } | undefined)?.observer === true)
    .map(([id]) => Number(id));
  if (flagged.length === 0) return params;
  const observers = [...new Set([...params.observers, ...flagged])].sort((a, b) => a - b);
  return { ...params, observers };
}
