import { describe, expect, it } from 'vitest';
import { memberMachine } from '../../sim/protocols/gossip/memberMachine';
import { raftRoleMachine } from '../../sim/protocols/raft/roleMachine';
import { machineGraph } from '../statechart/graph';
import { boxExit, layoutStatechart } from './statechartLayout';

const size = { width: 420, height: 300, stateWidth: 104, stateHeight: 34 };

describe('machineGraph', () => {
  it('reads the Raft role machine: its states, initial state and transitions with guards', () => {
    const graph = machineGraph(raftRoleMachine);
    expect(graph.states).toEqual(['follower', 'precandidate', 'candidate', 'leader']);
    expect(graph.initial).toBe('follower');
    const toPre = graph.edges.find((e) => e.from === 'follower' && e.to === 'precandidate');
    expect(toPre?.labels).toEqual(['TIMEOUT [preVote]']);
    expect(graph.edges.find((e) => e.from === 'candidate' && e.to === 'follower')?.labels).toEqual(['HIGHER_TERM', 'LEADER_SEEN', 'VOTE_LOST [etcd]']);
    expect(graph.edges.some((e) => e.from === 'candidate' && e.to === 'candidate')).toBe(true);
  });
  it('names a delayed transition by its delay', () => {
    const graph = machineGraph(memberMachine);
    expect(graph.edges.find((e) => e.from === 'suspect' && e.to === 'dead')?.labels).toContain('after suspicionTimeout');
  });
});

describe('layoutStatechart', () => {
  const layout = layoutStatechart(machineGraph(raftRoleMachine), size);
  it('places every state inside the chart, the initial one at the left', () => {
    for (const s of layout.states) {
      expect(s.x - s.width / 2).toBeGreaterThanOrEqual(0);
      expect(s.x + s.width / 2).toBeLessThanOrEqual(size.width);
      expect(s.y - s.height / 2).toBeGreaterThanOrEqual(0);
      expect(s.y + s.height / 2).toBeLessThanOrEqual(size.height);
    }
    const follower = layout.states.find((s) => s.id === 'follower')!;
    expect(follower.initial).toBe(true);
    expect(follower.x).toBe(Math.min(...layout.states.map((s) => s.x)));
  });
  it('bends opposite transitions apart and draws self-transitions as loops', () => {
    const there = layout.edges.find((e) => e.from === 'candidate' && e.to === 'leader')!;
    expect(there.path).toMatch(/^M .* Q /);
    const loop = layout.edges.find((e) => e.from === 'candidate' && e.to === 'candidate')!;
    expect(loop.selfLoop).toBe(true);
    expect(loop.path).toMatch(/ C /);
    const ab = layout.edges.find((e) => e.from === 'follower' && e.to === 'candidate')!;
    const ba = layout.edges.find((e) => e.from === 'candidate' && e.to === 'follower')!;
    expect(Math.hypot(ab.labelX - ba.labelX, ab.labelY - ba.labelY)).toBeGreaterThan(10);
  });
});

describe('boxExit', () => {
  it('leaves a box through the side facing the target', () => {
    const box = { id: 'a', x: 0, y: 0, width: 100, height: 20, initial: false };
    expect(boxExit(box, 500, 0)).toEqual({ x: 50, y: 0 });
    expect(boxExit(box, 0, 500)).toEqual({ x: 0, y: 10 });
  });
});
