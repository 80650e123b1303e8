import type { Scenario } from '../schema';

/** What the app opens with, and what a broken share link falls back to. */
export const defaultScenario: Scenario = {
  version: 1,
  protocol: 'raft',
  title: 'First election: 5 nodes',
  description: 'Five Raft nodes start as followers. The first whose randomized election timeout fires becomes a candidate and asks the others for votes; a majority (3 of 5) makes it leader.',
  seed: 1,
  nodes: 5,
  network: { latency: [10, 30], loss: 0, duplicate: 0 },
  events: [],
};
