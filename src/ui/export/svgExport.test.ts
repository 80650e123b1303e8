import { describe, expect, it } from 'vitest';
import { inlineStyle } from './svgExport';

describe('inlineStyle: what an exported SVG element carries instead of the page’s stylesheet', () => {
  it('copies the presentation properties and leaves out SVG defaults', () => {
    const computed: Record<string, string> = {
      fill: 'rgb(0, 114, 178)',
      stroke: 'none',
      'stroke-width': '2px',
      'stroke-dasharray': 'none',
      opacity: '1',
      'font-family': 'system-ui, sans-serif',
      'font-size': '12px',
      'text-anchor': 'middle',
      display: 'inline',
      visibility: 'visible',
    };
    expect(inlineStyle((p) => computed[p] ?? '')).toBe('fill: rgb(0, 114, 178); stroke: none; stroke-width: 2px; font-family: system-ui, sans-serif; font-size: 12px; text-anchor: middle');
  });
  it('keeps what hides an element, so the export can drop it', () => {
    expect(inlineStyle((p) => (p === 'display' ? 'none' : ''))).toBe('display: none');
  });
});
