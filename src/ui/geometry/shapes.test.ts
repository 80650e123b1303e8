import { describe, expect, it } from 'vitest';
import { shapePath } from './shapes';

describe('shapePath', () => {
  it('draws each role shape as a closed path around the origin', () => {
    for (const shape of ['circle', 'square', 'diamond', 'triangle'] as const) {
      const path = shapePath(shape, 10);
      expect(path.startsWith('M')).toBe(true);
      expect(path.endsWith('Z')).toBe(true);
    }
    expect(shapePath('diamond', 10)).toBe('M 0 -13 L 13 0 L 0 13 L -13 0 Z');
  });
});
