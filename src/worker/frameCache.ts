import type { NodeView } from '../sim/kernel/protocol';
import type { Simulation, Violation } from '../sim/kernel/simulation';
import type { ProtocolId } from '../sim/scenario/schema';
import type { FrameMessage, FrameNetwork, FrameTimer, GossipBulk } from './frame';
import { framedMessages, framedNetwork, TimerMemo } from './frameParts';
import { gossipBulk } from './gossipBulk';

/** The heavy parts of a frame: recomputed only when they may have changed, else the same objects. */
export interface FrameParts {
  nodes: NodeView[];
  focus: NodeView | null;
  violations: Violation[];
  inFlight: number;
  messages: FrameMessage[];
  timers: FrameTimer[];
  network: FrameNetwork;
  bulk: GossipBulk | null;
}

/**
 * Keeps the last frame's heavy parts and rebuilds each only when the simulation says it may have
 * changed: node views for the nodes an event touched (all after a rewind or an action), the
 * messages in flight when their version moved, the network when its description differs, the
 * violations when their list did. An unchanged part is the very same object, so the worker can
 * leave it out of the next frame and the UI can skip redrawing it.
 */
export class FrameCache {
  private readonly timers = new TimerMemo();
  private parts: FrameParts | null = null;
  private sim: Simulation | null = null;
  private flightVersion = -1;
  private networkKey = '';
  private violationKey = '';
  private focusId: number | null = null;

  /** A new run: nothing of the old one can be reused. */
  reset(): void {
    this.invalidate();
    this.timers.clear();
  }

  /** The next update rebuilds every part (a full frame: typed arrays sent before were transferred away). */
  invalidate(): void {
    this.parts = null;
    this.sim = null;
  }

  update(sim: Simulation, protocol: ProtocolId, bulkView: boolean, focusId: number | null): FrameParts {
    const fresh = this.sim !== sim || this.parts === null;
    this.sim = sim;
    const previous = this.parts;
    const changed = sim.takeChangedNodes();
    const nodesChanged = fresh || changed === 'all' || changed.length > 0;
    const nodes = bulkView ? EMPTY : nodesChanged ? nodeViews(sim, changed, fresh ? null : previous!.nodes) : previous!.nodes;
    const timers = bulkView ? EMPTY_TIMERS : !nodesChanged ? previous!.timers : this.timers.timers(sim, protocol, nodes);
    const flightMoved = fresh || sim.flightVersion !== this.flightVersion;
    this.flightVersion = sim.flightVersion;
    const network = this.network(sim, fresh ? null : previous!.network);
    const violations = this.violations(sim, fresh ? null : previous!.violations);
    const focusMoved = fresh || focusId !== this.focusId || nodesChanged;
    this.focusId = focusId;
    this.parts = {
      nodes,
      focus: focusMoved ? focusView(sim, focusId, nodes) : previous!.focus,
      violations,
      inFlight: !flightMoved ? previous!.inFlight : bulkView ? inFlightCount(sim) : sim.inFlight().length,
      messages: bulkView ? EMPTY_MESSAGES : flightMoved ? framedMessages(sim) : previous!.messages,
      timers,
      network,
      bulk: protocol !== 'gossip' ? null : nodesChanged || !previous?.bulk ? gossipBulk(sim) : previous.bulk,
    };
    return this.parts;
  }

  private network(sim: Simulation, previous: FrameNetwork | null): FrameNetwork {
    const network = framedNetwork(sim);
    const key = JSON.stringify(network);
    if (previous && key === this.networkKey) return previous;
    this.networkKey = key;
    return network;
  }

  private violations(sim: Simulation, previous: Violation[] | null): Violation[] {
    const list = sim.violations;
    const last = list.at(-1);
    const key = `${list.length}:${last ? `${last.at}:${last.invariant}:${last.message}` : ''}`;
    if (previous && key === this.violationKey) return previous;
    this.violationKey = key;
    return list.map((v) => ({ ...v }));
  }
}

const EMPTY: NodeView[] = [];
const EMPTY_TIMERS: FrameTimer[] = [];
const EMPTY_MESSAGES: FrameMessage[] = [];

/** Every node's view, or a copy of the previous list with only the changed nodes' views new. */
function nodeViews(sim: Simulation, changed: 'all' | number[], previous: NodeView[] | null): NodeView[] {
  if (changed === 'all' || previous === null || previous.length !== sim.nodeCount) return sim.nodeViews();
  const out = previous.slice();
  for (const id of changed) out[id - 1] = sim.nodeView(id);
  return out;
}

/** The focused node's view (the inspector's), also for large clusters whose frames carry no node views. */
function focusView(sim: Simulation, id: number | null, nodes: readonly NodeView[]): NodeView | null {
  if (id === null || id > sim.nodeCount) return null;
  if (nodes.length > 0) return nodes[id - 1];
  return sim.nodeView(id);
}

/** Messages on the wire, from the kernel's counters (listing a large cluster's queue is not needed). */
function inFlightCount(sim: Simulation): number {
  const k = sim.kernelMetrics();
  const dropped = Object.values(k.dropped).reduce((a, b) => a + b, 0);
  return Math.max(0, k.sent + k.duplicated - k.delivered - dropped);
}
