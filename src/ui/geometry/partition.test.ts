import { describe, expect, it } from 'vitest';
import { groupsAfterDrop, groupsAfterMove, partitionOrHeal, regionAt, splitByLine } from './partition';

describe('regionAt', () => {
  const regions = [
    { index: 0, cx: 0, cy: 0, r: 10, members: [1] },
    { index: 1, cx: 50, cy: 0, r: 10, members: [2] },
  ];
  it('finds the region under a point', () => {
    expect(regionAt({ x: 52, y: 3 }, regions)?.index).toBe(1);
    expect(regionAt({ x: 25, y: 0 }, regions)).toBeNull();
  });
});

describe('groupsAfterMove', () => {
  it('isolates a dragged node in a group of its own', () => {
    expect(groupsAfterMove([[1, 2, 3, 4, 5]], 3, 'alone')).toEqual([[1, 2, 4, 5], [3]]);
  });
  it('moves a node to another group and drops the empty one', () => {
    expect(groupsAfterMove([[1, 2], [3]], 3, 0)).toEqual([[1, 2, 3]]);
  });
});

describe('splitByLine', () => {
  const positions = new Map([
    [1, { x: 0, y: 0 }],
    [2, { x: 10, y: 0 }],
    [3, { x: 0, y: 100 }],
  ]);
  it('puts the nodes on each side of the line in one group', () => {
    expect(splitByLine(positions, { x: -50, y: 50 }, { x: 50, y: 50 })).toEqual([[1, 2], [3]]);
  });
  it('ignores a line that leaves everyone on one side, or a click', () => {
    expect(splitByLine(positions, { x: -50, y: 500 }, { x: 50, y: 500 })).toBeNull();
    expect(splitByLine(positions, { x: 0, y: 50 }, { x: 2, y: 50 })).toBeNull();
  });
});

describe('partitionOrHeal', () => {
  it('is a heal when one group remains', () => {
    expect(partitionOrHeal([[1, 2, 3]])).toBeNull();
    expect(partitionOrHeal([[1], [2, 3]])).toEqual([[1], [2, 3]]);
  });
});

describe('groupsAfterDrop', () => {
  const twoSides = {
    positions: new Map([
      [1, { x: 0, y: 0 }],
      [2, { x: 10, y: 0 }],
      [3, { x: 100, y: 0 }],
    ]),
    regions: [
      { index: 0, cx: 5, cy: 0, r: 30, members: [1, 2] },
      { index: 1, cx: 100, cy: 0, r: 30, members: [3] },
    ],
    nodeRadius: 5,
  };
  it('cuts a node off when it is dropped outside every region', () => {
    const one = { ...twoSides, regions: [{ index: 0, cx: 50, cy: 0, r: 60, members: [1, 2, 3] }] };
    expect(groupsAfterDrop([[1, 2, 3]], one, 2, { x: 50, y: 200 })).toEqual([[1, 3], [2]]);
  });
  it('moves a node into another partition, and heals when one group is left', () => {
    expect(groupsAfterDrop([[1, 2], [3]], twoSides, 2, { x: 100, y: 10 })).toEqual([[1], [2, 3]]);
    expect(groupsAfterDrop([[1, 2], [3]], twoSides, 3, { x: 5, y: 10 })).toBeNull();
  });
  it('changes nothing for a short drag or a drop back home', () => {
    expect(groupsAfterDrop([[1, 2], [3]], twoSides, 1, { x: 2, y: 1 })).toBeUndefined();
    expect(groupsAfterDrop([[1, 2], [3]], twoSides, 1, { x: 15, y: 15 })).toBeUndefined();
    expect(groupsAfterDrop([[1, 2], [3]], twoSides, 3, { x: 300, y: 0 })).toBeUndefined();
  });
});
