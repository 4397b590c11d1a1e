import { decodeJwt, decodeProtectedHeader } from 'jose';

import { decodeUtf8 } from './base64url.ts';
import { errorText, isJsonObject, jsonTypeName, truncate } from './format.ts';
import { describeJsonSyntaxError, findJsonSyntaxError } from './json-syntax.ts';
import { createMessage, type MessageCode } from './messages.ts';
import type { Segment } from './structure.ts';
import type { DecodedJson, ReportMessage } from './types.ts';

export type JsonPart = 'header' | 'payload';

const NOT_JSON: Record<JsonPart, MessageCode> = {
  header: 'HEADER_NOT_JSON',
  payload: 'PAYLOAD_NOT_JSON',
};
const NOT_OBJECT: Record<JsonPart, MessageCode> = {
  header: 'HEADER_NOT_OBJECT',
  payload: 'PAYLOAD_NOT_OBJECT',
};

/**
 * Decodes a header or payload segment to its raw JSON text and parsed object. The text comes
 * from a strict UTF-8 decode of the segment's bytes, and the object from jose's
 * `decodeProtectedHeader` or `decodeJwt` on `joseToken`. Returns null when the segment has no
 * bytes or is not UTF-8. Problems are added to `messages`.
 */
export function decodeJsonSegment(
  segment: Segment,
  part: JsonPart,
  joseToken: string,
  messages: ReportMessage[],
): DecodedJson | null {
  if (segment.bytes === null) return null;
  const rawJson = decodeUtf8(segment.bytes);
  if (rawJson === null) {
    messages.push(createMessage('INVALID_UTF8', { segment: part }));
    return null;
  }

  const parsed = parseJson(rawJson);
  if (!parsed.ok) {
    messages.push(createMessage(NOT_JSON[part], { error: parsed.error }));
    return { rawJson, value: null };
  }
  if (!isJsonObject(parsed.value)) {
    messages.push(createMessage(NOT_OBJECT[part], { type: jsonTypeName(parsed.value) }));
    return { rawJson, value: null };
  }
  return { rawJson, value: decodeWithJose(joseToken, part, messages) };
}

type ParseResult = { ok: true; value: unknown } | { ok: false; error: string };

function parseJson(text: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: describeParseError(text, error) };
  }
}

/**
 * Describes why JSON.parse rejected `text`. The syntax check names the character and its
 * position in code points, and the engine's message is the fallback for any other failure.
 */
function describeParseError(text: string, error: unknown): string {
  const syntaxError = findJsonSyntaxError(text);
  if (syntaxError !== null) return describeJsonSyntaxError(text, syntaxError);

  const detail = error instanceof Error ? error.message : String(error);
  return truncate(detail);
}

function decodeWithJose(
  joseToken: string,
  part: JsonPart,
  messages: ReportMessage[],
): Record<string, unknown> | null {
  try {
    const value: unknown =
      part === 'header' ? decodeProtectedHeader(joseToken) : decodeJwt(joseToken);
    return isJsonObject(value) ? value : null;
  } catch (error) {
    messages.push(createMessage('DECODE_FAILED', { segment: part, error: errorText(error) }));
    return null;
  }
}
