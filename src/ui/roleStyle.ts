import type { Shape } from './geometry/shapes';

/**
 * Colors (CSS custom properties, Okabe–Ito palette, defined per theme in styles.css) and shapes
 * for node roles of every protocol, so that a role is never told by color alone.
 */
export interface RoleStyle {
  fill: string;
  /** Text drawn on the fill. */
  ink: string;
  shape: Shape;
  dashed: boolean;
}

const STYLES: Record<string, RoleStyle> = {
  leader: { fill: 'var(--role-leader)', ink: 'var(--ink-on-dark)', shape: 'square', dashed: false },
  leading: { fill: 'var(--role-leader)', ink: 'var(--ink-on-dark)', shape: 'square', dashed: false },
  candidate: { fill: 'var(--role-candidate)', ink: 'var(--ink-on-light)', shape: 'diamond', dashed: false },
  looking: { fill: 'var(--role-candidate)', ink: 'var(--ink-on-light)', shape: 'diamond', dashed: false },
  precandidate: { fill: 'var(--role-precandidate)', ink: 'var(--ink-on-light)', shape: 'triangle', dashed: false },
  follower: { fill: 'var(--role-follower)', ink: 'var(--ink-on-dark)', shape: 'circle', dashed: false },
  following: { fill: 'var(--role-follower)', ink: 'var(--ink-on-dark)', shape: 'circle', dashed: false },
  observing: { fill: 'var(--role-observer)', ink: 'var(--ink-on-light)', shape: 'circle', dashed: true },
  // Gossip: how the cluster sees a node, and whether it heard the rumor.
  alive: { fill: 'var(--st-uninformed)', ink: 'var(--ink-on-light)', shape: 'circle', dashed: false },
  informed: { fill: 'var(--st-informed)', ink: 'var(--ink-on-dark)', shape: 'circle', dashed: false },
  suspect: { fill: 'var(--st-suspect)', ink: 'var(--ink-on-light)', shape: 'diamond', dashed: false },
  dead: { fill: 'var(--st-dead)', ink: 'var(--ink-on-dark)', shape: 'square', dashed: false },
  left: { fill: 'var(--st-left)', ink: 'var(--ink-on-dark)', shape: 'triangle', dashed: false },
  down: { fill: 'var(--role-down)', ink: 'var(--ink-on-dark)', shape: 'circle', dashed: true },
};

const UNKNOWN: RoleStyle = { fill: 'var(--role-down)', ink: 'var(--ink-on-dark)', shape: 'circle', dashed: false };

export function roleStyle(role: string | undefined): RoleStyle {
  return (role && STYLES[role]) || UNKNOWN;
}

/** The legend of a protocol's view: which roles it draws. */
export const LEGEND: Record<string, string[]> = {
  raft: ['follower', 'precandidate', 'candidate', 'leader', 'down'],
  zab: ['looking', 'following', 'leading', 'observing', 'down'],
  gossip: ['alive', 'informed', 'suspect', 'dead', 'left', 'down'],
};

/** The colors of message families (CSS custom properties). */
export const MESSAGE_FILL: Record<string, string> = {
  vote: 'var(--msg-vote)',
  append: 'var(--msg-append)',
  client: 'var(--msg-client)',
  probe: 'var(--msg-probe)',
  gossip: 'var(--msg-gossip)',
  other: 'var(--msg-other)',
};
