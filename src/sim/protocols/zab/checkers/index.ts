import { leadership } from './leadership';
import { prefixConsistency } from './prefixConsistency';

export { leadership, prefixConsistency };

/** ZAB's safety properties, checked from outside the servers after every event. */
export const zabCheckers = [leadership, prefixConsistency] as const;
