import { describe, expect, it } from 'vitest';
import { exportFileName, fileSlug } from './fileName';

describe('export file names follow the scenario title', () => {
  it('slugs titles', () => {
    expect(fileSlug('Split brain: 6 nodes in two rooms')).toBe('split-brain-6-nodes-in-two-rooms');
    expect(fileSlug('Raft: a stale leader after a long pause, with CheckQuorum')).toBe('raft-a-stale-leader-after-a-long-pause-with-checkquorum');
    expect(fileSlug('  Café — über ')).toBe('cafe-uber');
    expect(fileSlug('<script>alert(1)</script>')).toBe('script-alert-1-script');
    expect(fileSlug('脑裂')).toBe('scenario');
    expect(fileSlug('')).toBe('scenario');
    expect(fileSlug('x'.repeat(100))).toHaveLength(60);
  });
  it('adds the kind’s extension', () => {
    expect(exportFileName('First election: 5 nodes', 'trace')).toBe('first-election-5-nodes.trace.jsonl');
    expect(exportFileName('First election: 5 nodes', 'svg')).toBe('first-election-5-nodes.svg');
    expect(exportFileName('First election: 5 nodes', 'png')).toBe('first-election-5-nodes.png');
    expect(exportFileName('First election: 5 nodes', 'scenario')).toBe('first-election-5-nodes.json');
  });
});
