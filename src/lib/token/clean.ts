import { createMessage } from './messages.ts';
import type { ReportMessage } from './types.ts';

/** Three base64url segments separated by dots, the shape of a signed JWT. */
const JWT_LIKE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * Maximum input length in UTF-16 code units (`String.length`), 64 KiB of characters. Longer
 * input is rejected before any decoding, which keeps the analysis fast on pasted files. Real
 * tokens of this API are far shorter, and HTTP servers commonly limit one header line to a few
 * kilobytes.
 */
export const MAX_INPUT_LENGTH = 65_536;

export interface CleanResult {
  /** Token left after clean-up, or null when no token can be analyzed. */
  token: string | null;
  messages: ReportMessage[];
}

const HEADER_NAME = /^authorization\s*:\s*/i;
const BEARER_PREFIX = /^(bearer)(?:\s+|$)/i;
/** Whitespace as JavaScript's `\s` defines it, plus zero-width characters that copying adds. */
const INNER_WHITESPACE = /[\s\u200B-\u200D\u2060]/g;
const STRINGIFIED = /^(?:\[object [A-Za-z]*\]|undefined|null|NaN)$/;
const QUOTE_PAIRS = ['"', "'", '`'];

/**
 * Cleans pasted input down to the token and reports each step: surrounding whitespace, the
 * header name, quotes, `Bearer` prefixes (any case, repeated) and whitespace inside the token.
 * Rejects input over `MAX_INPUT_LENGTH`, empty input, a bare `Bearer` and stringified
 * non-string values such as `[object Object]`.
 */
export function cleanInput(input: string): CleanResult {
  const messages: ReportMessage[] = [];
  if (input.length > MAX_INPUT_LENGTH) {
    messages.push(
      createMessage('INPUT_TOO_LARGE', { size: input.length, limit: MAX_INPUT_LENGTH }),
    );
    return { token: null, messages };
  }

  const trimmed = input.trim();
  if (trimmed.length === 0) {
    messages.push(createMessage('INPUT_EMPTY'));
    return { token: null, messages };
  }
  if (trimmed.length !== input.length) {
    messages.push(createMessage('INPUT_TRIMMED', { count: input.length - trimmed.length }));
  }

  const field = tokenFieldOfJson(trimmed);
  if (field !== null) {
    messages.push(createMessage('INPUT_IS_JSON_OBJECT', { key: field }));
    return { token: null, messages };
  }

  let text = stripQuotes(trimmed, messages);
  text = stripHeaderName(text, messages);
  const prefix = stripBearer(text, messages);
  if (prefix.rest.length === 0 && prefix.removed !== null) {
    messages.push(createMessage('BEARER_WITHOUT_TOKEN', { prefix: prefix.removed }));
    return { token: null, messages };
  }
  text = stripQuotes(prefix.rest, messages);
  return finishToken(text, messages);
}

/**
 * Returns the name of the first field of a pasted JSON object whose value looks like a JWT, such
 * as `access` in a login response, or null when the text is not such an object.
 */
function tokenFieldOfJson(text: string): string | null {
  if (!text.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const field = Object.entries(value).find(
    ([, fieldValue]) => typeof fieldValue === 'string' && JWT_LIKE.test(fieldValue),
  );
  return field ? field[0] : null;
}

function finishToken(text: string, messages: ReportMessage[]): CleanResult {
  if (STRINGIFIED.test(text)) {
    messages.push(createMessage('STRINGIFIED_VALUE', { value: text }));
    return { token: null, messages };
  }

  const token = text.replace(INNER_WHITESPACE, '');
  if (token.length !== text.length) {
    messages.push(createMessage('INNER_WHITESPACE_REMOVED', { count: text.length - token.length }));
  }
  if (token.length === 0) {
    messages.push(createMessage('INPUT_EMPTY'));
    return { token: null, messages };
  }
  return { token, messages };
}

function stripQuotes(text: string, messages: ReportMessage[]): string {
  const first = text[0];
  const quoted =
    text.length >= 2 && first !== undefined && QUOTE_PAIRS.includes(first) && text.endsWith(first);
  if (!quoted) return text;
  if (!messages.some((message) => message.code === 'QUOTES_REMOVED')) {
    messages.push(createMessage('QUOTES_REMOVED'));
  }
  return text.slice(1, -1).trim();
}

function stripHeaderName(text: string, messages: ReportMessage[]): string {
  const match = HEADER_NAME.exec(text);
  if (match === null) return text;
  messages.push(createMessage('AUTH_HEADER_NAME_REMOVED'));
  return text.slice(match[0].length);
}

interface BearerResult {
  rest: string;
  /** The first prefix as written, such as `bearer`, or null when there was none. */
  removed: string | null;
}

function stripBearer(text: string, messages: ReportMessage[]): BearerResult {
  let rest = text;
  let removed: string | null = null;
  let count = 0;
  for (let match = BEARER_PREFIX.exec(rest); match !== null; match = BEARER_PREFIX.exec(rest)) {
    removed ??= match[1] ?? 'Bearer';
    count += 1;
    rest = rest.slice(match[0].length);
  }
  if (removed !== null && rest.length > 0) {
    messages.push(createMessage('BEARER_PREFIX_REMOVED', { prefix: removed }));
  }
  if (count > 1) {
    messages.push(createMessage('BEARER_PREFIX_REPEATED', { count }));
  }
  return { rest, removed };
}
