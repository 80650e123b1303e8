import type { AnyStateMachine } from 'xstate';

/** A state machine's top-level states and transitions, read from its xstate definition. */
export interface ChartGraph {
  states: string[];
  initial: string | null;
  edges: ChartEdge[];
}

/** All transitions from one state to another, with the event (and guard) of each. */
export interface ChartEdge {
  from: string;
  to: string;
  labels: string[];
}

const AFTER_PREFIX = 'xstate.after.';

/** "TIMEOUT [preVote]"; a delayed transition reads "after suspicionTimeout". */
function transitionLabel(eventType: string, guard: unknown): string {
  let label = eventType;
  if (eventType.startsWith(AFTER_PREFIX)) label = `after ${eventType.slice(AFTER_PREFIX.length).split('.')[0]}`;
  const guardName = typeof guard === 'string' ? guard : (guard as { type?: unknown } | undefined)?.type;
  return typeof guardName === 'string' ? `${label} [${guardName}]` : label;
}

/**
 * The graph drawn by the statechart panel, taken from the machine definition itself
 * (ARCHITECTURE principle 6: never a hand-written copy). Only top-level states are drawn; the
 * role machines are flat.
 */
export function machineGraph(machine: AnyStateMachine): ChartGraph {
  const states = Object.keys(machine.root.states);
  const initialTarget = machine.root.initial?.target?.[0];
  const byPair = new Map<string, ChartEdge>();
  for (const [key, node] of Object.entries(machine.root.states)) {
    for (const [eventType, definitions] of node.transitions) {
      for (const definition of definitions) {
        for (const target of definition.target ?? []) {
          const pair = `${key}\u0000${target.key}`;
          let edge = byPair.get(pair);
          if (!edge) byPair.set(pair, (edge = { from: key, to: target.key, labels: [] }));
          const label = transitionLabel(eventType, definition.guard);
          if (!edge.labels.includes(label)) edge.labels.push(label);
        }
      }
    }
  }
  return { states, initial: initialTarget?.key ?? null, edges: [...byPair.values()] };
}
