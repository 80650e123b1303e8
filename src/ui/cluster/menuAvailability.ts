/** What the menu needs to know of a node (its view's fields; a NodeView fits). */
export interface NodeLife {
  up?: unknown;
  paused?: unknown;
  left?: unknown;
}

export type MenuAction = 'crash' | 'restart' | 'pause' | 'resume' | 'timeout' | 'request' | 'rumor' | 'leave' | 'join' | 'inspect';

/** Why a menu item cannot apply to the node as it is now (an `menu.why.*` key), or null when it can. */
export type MenuBlock =
  | 'crashDown'
  | 'restartRunning'
  | 'pauseDown'
  | 'pausePaused'
  | 'resumeNotPaused'
  | 'timeoutDown'
  | 'requestDown'
  | 'rumorDown'
  | 'leaveDown'
  | 'leaveLeft'
  | 'joinDown';

/**
 * The menu says what is possible: an action that cannot apply to the node's present state
 * (Restart on a running node, Resume on one not paused, Crash on a down node, Pause on a paused
 * one…) is disabled, and this is the reason it gives. `view` is null when the node's state is not
 * known (nothing is blocked then).
 */
export function menuBlock(action: MenuAction, view: NodeLife | null): MenuBlock | null {
  if (!view) return null;
  const up = view.up !== false;
  const paused = up && view.paused === true;
  switch (action) {
    case 'crash':
      return up ? null : 'crashDown';
    case 'restart':
      return up ? 'restartRunning' : null;
    case 'pause':
      return !up ? 'pauseDown' : paused ? 'pausePaused' : null;
    case 'resume':
      return paused ? null : 'resumeNotPaused';
    case 'timeout':
      return up ? null : 'timeoutDown';
    case 'request':
      return up ? null : 'requestDown';
    case 'rumor':
      return up ? null : 'rumorDown';
    case 'leave':
      return !up ? 'leaveDown' : view.left === true ? 'leaveLeft' : null;
    case 'join':
      return up ? null : 'joinDown';
    case 'inspect':
      return null;
  }
}
