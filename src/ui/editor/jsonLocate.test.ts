import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../sim/scenario/library/defaultScenario';
import { parseScenarioText } from '../../sim/scenario/validate';
import { errorLines, placeErrors } from './errorPlaces';
import { locateJsonPath, locateParseError, parseJsonPath, placeAt } from './jsonLocate';

const text = `${JSON.stringify(
  { ...defaultScenario, init: { '3': { up: false } }, events: [{ at: 100, do: 'crash', node: 2 }, { at: 200, do: 'restart', node: 2 }, { at: 300, do: 'crash', node: 9 }] },
  null,
  2,
)}\n`;
const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('parseJsonPath', () => {
  it('reads the validator’s paths', () => {
    expect(parseJsonPath('$')).toEqual([]);
    expect(parseJsonPath('$.events[2].node')).toEqual(['events', 2, 'node']);
    expect(parseJsonPath('$.init["3"].up')).toEqual(['init', '3', 'up']);
    expect(parseJsonPath('$.params["odd key"]')).toEqual(['params', 'odd key']);
    expect(parseJsonPath('link')).toBeNull();
    expect(parseJsonPath('$.events[x]')).toBeNull();
  });
});

describe('locateJsonPath', () => {
  it('finds an object member at its key and an array element at its value', () => {
    expect(locateJsonPath(text, ['nodes'])?.line).toBe(lineOf('"nodes"'));
    const third = locateJsonPath(text, ['events', 2]);
    expect(text.slice(third!.offset, third!.offset + 1)).toBe('{');
    expect(locateJsonPath(text, ['events', 2, 'node'])?.line).toBe(lineOf('"node": 9'));
    expect(locateJsonPath(text, ['init', '3', 'up'])?.line).toBe(lineOf('"up": false'));
  });

  it('lands on the deepest existing part for a missing field', () => {
    const place = locateJsonPath(text, ['events', 1, 'value']);
    expect(text.slice(place!.offset, place!.offset + 1)).toBe('{');
    expect(place!.line).toBe(lineOf('"do": "restart"') - 2);
    expect(locateJsonPath(text, ['events', 7])?.line).toBe(lineOf('"events"'));
  });

  it('gives columns 1-based', () => {
    expect(placeAt('ab\ncd', 4)).toEqual({ offset: 4, line: 2, column: 2 });
    expect(locateJsonPath('{"a": 1}', [])).toEqual({ offset: 0, line: 1, column: 1 });
  });
});

describe('placeErrors: the validator’s messages at their place in the editor', () => {
  it('marks the line of each error path', () => {
    const parsed = parseScenarioText(text);
    expect(parsed.ok).toBe(false);
    const placed = placeErrors(text, parsed.ok ? [] : parsed.errors);
    expect(placed.map((e) => `${e.path}: ${e.message}`)).toEqual(['$.events[2].node: node 9 is not in 1..5']);
    expect(placed[0].place?.line).toBe(lineOf('"node": 9'));
    expect(errorLines(placed)).toEqual(new Set([lineOf('"node": 9')]));
  });

  it('an unknown field points at that field', () => {
    const bad = text.replace('"seed": 1', '"sed": 1');
    const parsed = parseScenarioText(bad);
    const placed = placeErrors(bad, parsed.ok ? [] : parsed.errors);
    expect(placed[0].path).toBe('$.sed');
    expect(placed[0].place?.line).toBe(lineOf('"seed": 1'));
  });

  it('a JSON syntax error points where the parser stopped', () => {
    const broken = text.replace('"nodes": 5,', '"nodes": 5');
    const parsed = parseScenarioText(broken);
    const placed = placeErrors(broken, parsed.ok ? [] : parsed.errors);
    expect(placed[0].path).toBe('$');
    expect(placed[0].place?.line).toBe(lineOf('"network"'));
  });

  it('reads both of V8’s parse error styles', () => {
    expect(locateParseError('{\n  "a": x\n}', 'Unexpected token x in JSON at position 9')?.line).toBe(2);
    expect(locateParseError('{\n  "a": x\n}', `Unexpected token 'x', "{ "a": x }" is not valid JSON (line 2 column 8)`)).toEqual({ offset: 9, line: 2, column: 8 });
    expect(locateParseError('{"a": ', 'Unexpected end of JSON input')?.offset).toBe(6);
  });
});
