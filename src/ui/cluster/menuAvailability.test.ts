import { describe, expect, it } from 'vitest';
import { menuBlock, type MenuAction } from './menuAvailability';

const running = { up: true };
const paused = { up: true, paused: true };
const down = { up: false };
const left = { up: true, left: true };
const all: MenuAction[] = ['crash', 'restart', 'pause', 'resume', 'timeout', 'request', 'rumor', 'leave', 'join', 'inspect'];

describe('menuBlock: the node menu offers what can apply', () => {
  it('a running node can be crashed, paused, timed out and asked, not restarted or resumed', () => {
    expect(all.filter((a) => menuBlock(a, running) !== null)).toEqual(['restart', 'resume']);
    expect(menuBlock('restart', running)).toBe('restartRunning');
    expect(menuBlock('resume', running)).toBe('resumeNotPaused');
  });

  it('a paused node can be resumed (and crashed), not paused again', () => {
    expect(menuBlock('pause', paused)).toBe('pausePaused');
    expect(menuBlock('resume', paused)).toBeNull();
    expect(menuBlock('crash', paused)).toBeNull();
  });

  it('a down node can only be restarted (and inspected)', () => {
    expect(all.filter((a) => menuBlock(a, down) === null)).toEqual(['restart', 'inspect']);
    expect(menuBlock('crash', down)).toBe('crashDown');
    expect(menuBlock('resume', down)).toBe('resumeNotPaused');
  });

  it('a gossip member that left cannot leave again but can join', () => {
    expect(menuBlock('leave', left)).toBe('leaveLeft');
    expect(menuBlock('join', left)).toBeNull();
  });

  it('blocks nothing while the node’s state is unknown', () => {
    expect(all.every((a) => menuBlock(a, null) === null)).toBe(true);
  });
});
