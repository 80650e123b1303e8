import { describe, expect, it } from 'vitest';
import { RoleTracker } from './roleTracker';

describe('RoleTracker', () => {
  it('remembers each node’s last role change, and forgets the role of a crashed node', () => {
    const t = new RoleTracker('role', false);
    t.onEvent({ t: 0, k: 'state', node: 1, field: 'role', value: 'follower' });
    t.onEvent({ t: 150, k: 'state', node: 1, field: 'role', value: 'candidate' });
    t.onEvent({ t: 170, k: 'state', node: 1, field: 'term', value: 1 });
    t.onEvent({ t: 190, k: 'state', node: 1, field: 'role', value: 'leader' });
    expect(t.list()).toEqual([{ node: 1, from: 'candidate', to: 'leader', at: 190 }]);
    t.onEvent({ t: 300, k: 'state', node: 1, field: 'up', value: false });
    t.onEvent({ t: 400, k: 'state', node: 1, field: 'role', value: 'follower' });
    expect(t.list()).toEqual([{ node: 1, from: null, to: 'follower', at: 400 }]);
  });

  it('follows how members see each node, for gossip', () => {
    const t = new RoleTracker('members', true);
    t.onEvent({ t: 10, k: 'state', node: 2, field: 'members', value: { node: 7, status: 'alive', incarnation: 0 } });
    t.onEvent({ t: 20, k: 'state', node: 2, field: 'members', value: { node: 7, status: 'suspect', incarnation: 0 } });
    t.onEvent({ t: 30, k: 'state', node: 3, field: 'members', value: { node: 7, status: 'dead', incarnation: 0 } });
    expect(t.list()).toEqual([{ node: 7, from: 'alive', to: 'dead', at: 30, observer: 3 }]);
    t.rebuild([{ t: 20, k: 'state', node: 2, field: 'members', value: { node: 7, status: 'suspect', incarnation: 0 } }]);
    expect(t.list()).toEqual([{ node: 7, from: 'alive', to: 'suspect', at: 20, observer: 2 }]);
  });
});
