import CRC32 from 'crc-32';
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import type { Scenario } from './schema';
import { parseScenario, type ScenarioError } from './validate';

/**
 * Share-link codec: `#s=2.<base64url(deflate(scenario JSON))>.<checksum>`. The version lets a
 * later codec change keep old links readable (version 1, `1.<data>`, had no checksum and still
 * opens); the payload is the scenario itself, so the link replays exactly what the CLI runs.
 * The checksum is the CRC-32 of `2.<data>` as 8 hex digits: it catches every change of one
 * character (and any burst of a few), which deflate alone does not — a changed bit can inflate
 * to a scenario with a corrupted description, and the last base64 character has bits nobody reads.
 */
export const LINK_CODEC_VERSION = 2;
const CHECKSUM_DIGITS = 8;
export const LINK_PARAM = 's';
/** Links longer than this are refused before decoding (a scenario is small JSON). */
export const MAX_LINK_PAYLOAD_CHARS = 100_000;
/** Decompressed scenarios larger than this are refused (protects against deflate bombs). */
export const MAX_SCENARIO_BYTES = 1_000_000;
/** Compressed bytes inflated at a time: at most about 64 KB of output past the cap. */
const INFLATE_SLICE = 64;

export type DecodeResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export function encodeScenario(scenario: Scenario): string {
  const bytes = deflateSync(strToU8(JSON.stringify(scenario)), { level: 9 });
  const body = `${LINK_CODEC_VERSION}.${toBase64Url(bytes)}`;
  return `${body}.${checksum(body)}`;
}

/** CRC-32 of the text, as 8 lowercase hex digits. */
function checksum(text: string): string {
  return (CRC32.str(text) >>> 0).toString(16).padStart(CHECKSUM_DIGITS, '0');
}

/** The hash fragment of a share link, e.g. `#s=1.eJyr…`. */
export function shareHash(scenario: Scenario): string {
  return `#${LINK_PARAM}=${encodeScenario(scenario)}`;
}

/** Reads the scenario from a link's hash (`#s=…`) or a bare payload (`1.eJyr…`). */
export function decodeShareHash(hash: string): DecodeResult | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new URLSearchParams(fragment);
  const payload = params.get(LINK_PARAM);
  if (payload === null) return null;
  return decodeScenario(payload);
}

export function decodeScenario(payload: string): DecodeResult {
  const fail = (message: string): DecodeResult => ({ ok: false, errors: [{ path: 'link', message }] });
  if (payload.length > MAX_LINK_PAYLOAD_CHARS) {
    return fail(`the link is too long (${payload.length} characters; at most ${MAX_LINK_PAYLOAD_CHARS})`);
  }
  const dot = payload.indexOf('.');
  if (dot < 0) return fail('the link has no codec version (expected "1.<data>")');
  const written = payload.slice(0, dot);
  const version = /^-?[0-9]+$/.test(written) ? Number(written) : NaN;
  if (!Number.isInteger(version)) return fail(`the link's codec version "${written}" is not a whole number`);
  if (version < 1) return fail(`the link's codec version ${written} does not exist (versions start at 1; this simulator reads 1 and ${LINK_CODEC_VERSION})`);
  if (version > LINK_CODEC_VERSION) {
    return fail(`the link was made by a newer version of the simulator (codec ${version}; this one reads ${LINK_CODEC_VERSION})`);
  }
  let data = payload.slice(dot + 1);
  if (version >= 2) {
    const sum = data.lastIndexOf('.');
    if (sum < 0 || data.length - sum - 1 !== CHECKSUM_DIGITS) return fail('the link is damaged or truncated: its checksum is missing');
    if (checksum(payload.slice(0, dot + 1 + sum)) !== data.slice(sum + 1)) {
      return fail('the link is damaged: its checksum does not match (a character was changed, added or lost)');
    }
    data = data.slice(0, sum);
  }
  const bytes = fromBase64Url(data);
  if (!bytes) return fail('the link is damaged: its data is not base64url');
  const text = inflateLimited(bytes);
  if (text === null) return fail('the link is damaged or truncated: its data does not decompress');
  if (text === undefined) return fail(`the scenario in the link is larger than ${MAX_SCENARIO_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('the link is damaged: its scenario is not valid JSON');
  }
  return parseScenario(json);
}

/** Null when the data is not valid deflate (or truncated); undefined when it inflates too large. */
function inflateLimited(bytes: Uint8Array): string | null | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  let ended = false;
  try {
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > MAX_SCENARIO_BYTES) tooLarge = true;
      else chunks.push(chunk);
      if (final) ended = true;
    });
    // Small slices of input, so that a bomb stops within one slice's output of the cap (deflate
    // expands at most about 1,032 times) instead of being inflated whole first.
    for (let at = 0; at < bytes.length && !tooLarge; at += INFLATE_SLICE) {
      const end = Math.min(bytes.length, at + INFLATE_SLICE);
      inflater.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    return null;
  }
  if (tooLarge) return undefined;
  if (!ended) return null;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  try {
    return strFromU8(out);
  } catch {
    return null;
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return null;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
