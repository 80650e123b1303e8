import { describe, expect, it } from 'vitest';
import { clusterLayout, discPositions, groupRadius, layoutGroups, ringPositions } from './layout';

const box = { width: 600, height: 400, margin: 30, maxNodeRadius: 24 };

describe('ringPositions', () => {
  it('puts the first node at the top and goes clockwise', () => {
    const p = ringPositions([1, 2, 3, 4], 0, 0, 10);
    expect(p.get(1)!.x).toBeCloseTo(0);
    expect(p.get(1)!.y).toBeCloseTo(-10);
    expect(p.get(2)!.x).toBeCloseTo(10);
    expect(p.get(3)!.y).toBeCloseTo(10);
  });
  it('puts a lone node at the centre', () => {
    expect(ringPositions([7], 5, 6, 10).get(7)).toEqual({ x: 5, y: 6 });
  });
});

describe('discPositions', () => {
  it('keeps every node inside the disc', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => i + 1);
    for (const p of discPositions(ids, 0, 0, 50).values()) expect(Math.hypot(p.x, p.y)).toBeLessThanOrEqual(50);
  });
});

describe('clusterLayout', () => {
  it('fits one ring of five in the box, nodes apart from each other', () => {
    const layout = clusterLayout([[1, 2, 3, 4, 5]], box);
    expect(layout.positions.size).toBe(5);
    for (const p of layout.positions.values()) {
      expect(p.x).toBeGreaterThanOrEqual(box.margin);
      expect(p.x).toBeLessThanOrEqual(box.width - box.margin);
      expect(p.y).toBeGreaterThanOrEqual(box.margin);
      expect(p.y).toBeLessThanOrEqual(box.height - box.margin);
    }
    const pts = [...layout.positions.values()];
    for (let i = 0; i < pts.length; i++)
      for (let j = i + 1; j < pts.length; j++) expect(Math.hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y)).toBeGreaterThan(2 * layout.nodeRadius);
  });
  it('caps the node radius for tiny clusters', () => {
    expect(clusterLayout([[1, 2, 3]], box).nodeRadius).toBeLessThanOrEqual(24);
  });
  it('draws separated regions for two partition groups, each holding its members', () => {
    const layout = clusterLayout([[1, 2, 3], [4, 5]], box);
    expect(layout.regions).toHaveLength(2);
    const [a, b] = layout.regions;
    expect(Math.hypot(a.cx - b.cx, a.cy - b.cy)).toBeGreaterThan(a.r + b.r);
    for (const region of layout.regions) {
      for (const id of region.members) {
        const p = layout.positions.get(id)!;
        expect(Math.hypot(p.x - region.cx, p.y - region.cy)).toBeLessThan(region.r);
      }
    }
  });
  it('wraps many groups into rows that stay inside the box', () => {
    const groups = Array.from({ length: 7 }, (_, i) => [i + 1]);
    const layout = clusterLayout(groups, box);
    for (const r of layout.regions) {
      expect(r.cx - r.r).toBeGreaterThanOrEqual(box.margin - 1e-6);
      expect(r.cx + r.r).toBeLessThanOrEqual(box.width - box.margin + 1e-6);
      expect(r.cy + r.r).toBeLessThanOrEqual(box.height - box.margin + 1e-6);
    }
  });
  it('grows the ring radius with the number of members', () => {
    expect(groupRadius(10, 'ring')).toBeGreaterThan(groupRadius(5, 'ring'));
    expect(groupRadius(1, 'ring')).toBe(0);
  });
});

describe('layoutGroups', () => {
  it('uses the partition when the network is split', () => {
    expect(layoutGroups(5, [[1, 2], [3, 4, 5]], [[1, 2, 3, 4, 5]])).toEqual([[1, 2], [3, 4, 5]]);
  });
  it('uses the rooms otherwise, with unlisted nodes in one more group', () => {
    expect(layoutGroups(6, [[1, 2, 3, 4, 5, 6]], [[1, 2], [3, 4]])).toEqual([[1, 2], [3, 4], [5, 6]]);
  });
  it('is one ring with neither', () => {
    expect(layoutGroups(3, [[1, 2, 3]], [])).toEqual([[1, 2, 3]]);
  });
});

describe('clusterLayout spacing', () => {
  it('spreads a small cluster over the box instead of growing its nodes', () => {
    const layout = clusterLayout([[1, 2, 3, 4, 5]], box);
    expect(layout.nodeRadius).toBe(24);
    const top = layout.positions.get(1)!;
    const centreY = layout.regions[0].cy;
    expect(centreY - top.y).toBeGreaterThan(100);
    const [a, b] = [layout.positions.get(1)!, layout.positions.get(2)!];
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeCloseTo(layout.nodeSpacing, 0);
  });
});
