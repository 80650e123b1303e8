import { describe, expect, it } from 'vitest';
import { RoleTracker } from './roleTracker';

describe('RoleTracker', () => {
  it('remembers each node’s last role change, and forgets the role of a crashed node', () => {
    const t = new RoleTracker('role', false);
    t.onEvent({ t: 0, k: 'state', node: 1, field: 'role', value: 'follower' }, 1);
    t.onEvent({ t: 150, k: 'state', node: 1, field: 'role', value: 'candidate' }, 2);
    t.onEvent({ t: 170, k: 'state', node: 1, field: 'term', value: 1 }, 3);
    t.onEvent({ t: 190, k: 'state', node: 1, field: 'role', value: 'leader' }, 4);
    expect(t.list()).toEqual([{ node: 1, from: 'candidate', to: 'leader', at: 190 }]);
    t.onEvent({ t: 300, k: 'state', node: 1, field: 'up', value: false }, 5);
    t.onEvent({ t: 400, k: 'state', node: 1, field: 'role', value: 'follower' }, 6);
    expect(t.list()).toEqual([{ node: 1, from: null, to: 'follower', at: 400 }]);
  });

  it('follows how members see each node, for gossip', () => {
    const t = new RoleTracker('members', true);
    t.onEvent({ t: 10, k: 'state', node: 2, field: 'members', value: { node: 7, status: 'alive', incarnation: 0 } }, 1);
    t.onEvent({ t: 20, k: 'state', node: 2, field: 'members', value: { node: 7, status: 'suspect', incarnation: 0 } }, 2);
    t.onEvent({ t: 30, k: 'state', node: 3, field: 'members', value: { node: 7, status: 'dead', incarnation: 0 } }, 3);
    expect(t.list()).toEqual([{ node: 7, from: 'alive', to: 'dead', at: 30, observer: 3 }]);
  });

  it('a rewind puts back the transitions as they were before the rewritten events, however old', () => {
    const t = new RoleTracker('role', false);
    t.onEvent({ t: 150, k: 'state', node: 1, field: 'role', value: 'candidate' }, 10);
    t.onEvent({ t: 190, k: 'state', node: 1, field: 'role', value: 'leader' }, 20);
    t.onEvent({ t: 90_000, k: 'state', node: 1, field: 'role', value: 'follower' }, 5_000_000);
    const before = t.list();
    t.rewind(5_000_000);
    expect(t.list()).not.toBe(before);
    expect(t.list()).toEqual([{ node: 1, from: 'candidate', to: 'leader', at: 190 }]);
    // The same list object while nothing changes (frames leave it out then).
    expect(t.list()).toBe(t.list());
  });
});
