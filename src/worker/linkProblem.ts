import type { ScenarioError } from '../sim/scenario/validate';
import { formatErrors } from '../sim/scenario/validate';

/** Why a link could not be opened, as a message key the UI translates (linkError.reasons.*). */
export type LinkProblemCode =
  | 'tooLong'
  | 'noVersion'
  | 'badVersion'
  | 'noSuchVersion'
  | 'newerCodec'
  | 'notBase64'
  | 'truncated'
  | 'tooLarge'
  | 'notJson'
  | 'newerScenario'
  | 'invalid'
  | 'unknownEntry'
  | 'unavailable'
  | 'checksum';

export interface LinkProblem {
  code: LinkProblemCode;
  params: Record<string, string | number>;
  /** The validator's own words, one `$.path: message` a line (English): what a scenario error names. */
  detail: string;
}

/**
 * The codec and the validator speak English sentences; the page needs to say the same in the
 * reader's language. Each sentence the codec can give is recognized here, with the numbers it
 * carries (linkProblem.test.ts feeds real broken links through the codec, so a reworded codec
 * message fails a test instead of silently falling through to "invalid").
 */
const CODEC_MESSAGES: { code: LinkProblemCode; pattern: RegExp; params: string[] }[] = [
  { code: 'tooLong', pattern: /^the link is too long \((\d+) characters; at most (\d+)\)$/, params: ['length', 'max'] },
  { code: 'noVersion', pattern: /^the link has no codec version/, params: [] },
  { code: 'badVersion', pattern: /^the link's codec version "(.*)" is not a whole number$/, params: ['version'] },
  { code: 'noSuchVersion', pattern: /^the link's codec version (-?\d+) does not exist \(versions start at 1; this simulator reads 1 and (\d+)\)$/, params: ['version', 'reads'] },
  { code: 'newerCodec', pattern: /^the link was made by a newer version of the simulator \(codec (\d+); this one reads (\d+)\)$/, params: ['version', 'reads'] },
  { code: 'checksum', pattern: /^the link is damaged: its checksum does not match/, params: [] },
  { code: 'notBase64', pattern: /^the link is damaged: its data is not base64url$/, params: [] },
  { code: 'truncated', pattern: /^the link is damaged or truncated/, params: [] },
  { code: 'tooLarge', pattern: /^the scenario in the link is larger than (\d+) bytes$/, params: ['max'] },
  { code: 'notJson', pattern: /^the link is damaged: its scenario is not valid JSON$/, params: [] },
];

const NEWER_SCENARIO = /^version (\d+) is newer than this simulator understands \(it reads version (\d+)\)$/;

/**
 * `hash` is the link's hash, when known: base64url text cut at a bad place (one character past
 * a multiple of four) cannot be decoded at all, which the codec reports as "not base64url"; if
 * every character is a base64url one, the link was cut short, and the reader is told so.
 */
export function describeLinkErrors(errors: readonly ScenarioError[], hash?: string): LinkProblem {
  const detail = formatErrors(errors);
  const first = errors[0];
  if (first && first.path === 'link') {
    for (const { code, pattern, params } of CODEC_MESSAGES) {
      const m = pattern.exec(first.message);
      if (!m) continue;
      if (code === 'notBase64' && hash !== undefined && looksCut(hash)) return { code: 'truncated', params: {}, detail };
      return { code, params: Object.fromEntries(params.map((name, i) => [name, numberOrText(m[i + 1])])), detail };
    }
  }
  if (first && first.path === '$.version') {
    const m = NEWER_SCENARIO.exec(first.message);
    if (m) return { code: 'newerScenario', params: { version: Number(m[1]), reads: Number(m[2]) }, detail };
  }
  return { code: 'invalid', params: {}, detail };
}

function looksCut(hash: string): boolean {
  const payload = new URLSearchParams(hash.replace(/^#/, '')).get('s') ?? '';
  const data = payload.slice(payload.indexOf('.') + 1);
  return /^[A-Za-z0-9_-]+$/.test(data) && data.length % 4 === 1;
}

function numberOrText(text: string): string | number {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}
