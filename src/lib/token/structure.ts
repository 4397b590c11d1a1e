import { decodeBase64Url } from './base64url.ts';
import { formatCharacter } from './format.ts';
import { createMessage } from './messages.ts';
import type { ReportMessage, SegmentName, StructureSummary } from './types.ts';

export interface Segment {
  name: SegmentName;
  /** Segment text as sent. */
  text: string;
  /** Text without `=` padding and with `+` and `/` mapped to `-` and `_`. */
  normalized: string;
  /** Decoded bytes, or null when the segment is not decodable base64. */
  bytes: Uint8Array | null;
}

export interface StructureResult {
  summary: StructureSummary;
  /** The 3 segments of a JWS, the protected header alone of a JWE, none otherwise. */
  segments: Segment[];
  /** True for a JWS whose 3 segments all decode as base64. */
  decodable: boolean;
  /** True when only some PyJWT versions accept the encoding of a segment. */
  versionDependent: boolean;
  /** The token rebuilt from the normalized segments, in the form jose decodes. */
  normalizedToken: string;
  messages: ReportMessage[];
}

/** Characters that may appear in a token: both base64 alphabets, `=` padding and the dot. */
const TOKEN_CHARACTERS = new Set(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.+/='.split(''),
);
const MAX_LISTED_CHARACTERS = 5;
const SEGMENT_NAMES: readonly SegmentName[] = ['header', 'payload', 'signature'];

/** Splits the cleaned token into segments and checks the base64url encoding of each one. */
export function analyzeStructure(token: string): StructureResult {
  const parts = token.split('.');
  const summary: StructureSummary = { form: 'not-a-jwt', segmentCount: parts.length };
  const result: StructureResult = {
    summary,
    segments: [],
    decodable: false,
    versionDependent: false,
    normalizedToken: token,
    messages: [],
  };

  const invalid = findInvalidCharacters(token);
  if (invalid !== null) {
    result.messages.push(createMessage('INVALID_CHARACTERS', invalid));
    return result;
  }
  if (parts.length === 5) {
    summary.form = 'jwe';
    result.messages.push(createMessage('STRUCTURE_JWE'));
    result.segments = [checkSegment(parts[0] ?? '', 'header', result)];
    return result;
  }
  if (parts.length !== 3) {
    result.messages.push(createMessage('STRUCTURE_NOT_JWT', { count: parts.length }));
    return result;
  }

  summary.form = 'jws';
  result.messages.push(createMessage('STRUCTURE_JWS'));
  result.segments = parts.map((part, index) =>
    checkSegment(part, SEGMENT_NAMES[index] ?? 'signature', result),
  );
  result.decodable = result.segments.every((segment) => segment.bytes !== null);
  result.normalizedToken = result.segments.map((segment) => segment.normalized).join('.');
  return result;
}

/**
 * Lists up to `MAX_LISTED_CHARACTERS` distinct characters that a token cannot contain, and the
 * 1-based position of the first one. The walk is by code point, so an emoji is one character
 * at one position rather than two halves of a surrogate pair.
 */
function findInvalidCharacters(token: string): { characters: string; position: number } | null {
  const found = new Set<string>();
  let firstPosition = -1;
  let position = 0;
  for (const character of token) {
    position += 1;
    if (TOKEN_CHARACTERS.has(character)) continue;
    if (firstPosition < 0) firstPosition = position;
    if (found.size < MAX_LISTED_CHARACTERS) found.add(formatCharacter(character));
  }
  if (firstPosition < 0) return null;
  return { characters: Array.from(found).join(', '), position: firstPosition };
}

/** Decodes one segment and records every encoding problem in `result`. */
function checkSegment(text: string, name: SegmentName, result: StructureResult): Segment {
  const messages = result.messages;
  const unpadded = text.replace(/=+$/, '');
  const normalized = unpadded.replaceAll('+', '-').replaceAll('/', '_');
  const segment: Segment = { name, text, normalized, bytes: null };

  if (name !== 'signature' && text.length === 0) {
    messages.push(createMessage('SEGMENT_EMPTY', { segment: name }));
    return segment;
  }
  if (unpadded.includes('=')) {
    messages.push(createMessage('SEGMENT_BAD_PADDING', { segment: name }));
    return segment;
  }
  if (unpadded.length % 4 === 1) {
    messages.push(createMessage('SEGMENT_BAD_LENGTH', { segment: name, length: unpadded.length }));
    return segment;
  }
  checkPadding(segment, unpadded, result);
  if (normalized !== unpadded) {
    messages.push(createMessage('SEGMENT_STANDARD_BASE64', { segment: name }));
    result.versionDependent = true;
  }

  const decoded = decodeBase64Url(normalized);
  if (decoded === null) return segment;
  if (!decoded.canonical) {
    messages.push(createMessage('SEGMENT_NONCANONICAL', { segment: name }));
    result.versionDependent = true;
  }
  segment.bytes = decoded.bytes;
  return segment;
}

/** Records trailing `=` padding, which only some PyJWT versions accept. */
function checkPadding(segment: Segment, unpadded: string, result: StructureResult): void {
  const paddingLength = segment.text.length - unpadded.length;
  if (paddingLength === 0) return;

  const neededLength = (4 - (unpadded.length % 4)) % 4;
  const params = { segment: segment.name, count: paddingLength };
  result.messages.push(
    createMessage(
      paddingLength === neededLength ? 'SEGMENT_PADDED' : 'SEGMENT_WRONG_PADDING',
      params,
    ),
  );
  result.versionDependent = true;
}
