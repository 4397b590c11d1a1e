/**
 * Locates the first syntax error in JSON text (RFC 8259) and describes it with the character
 * and its position in code points. JSON.parse messages cannot serve, because their wording
 * depends on the JavaScript engine, and V8 (Node.js 24) counts positions in UTF-16 code units
 * and quotes half of a surrogate pair when the unexpected character is an emoji.
 */
import { formatCharacter } from './format.ts';

/** The first syntax error of a JSON text. */
export interface JsonSyntaxError {
  /** Offset of the unexpected character in UTF-16 code units, or the text's length at its end. */
  offset: number;
  /** The tokens the grammar allows at `offset`, such as `"," or "}"`. */
  expected: string;
}

/** The token expected next: a value, a property name, its colon, or what follows a value. */
type Expectation = 'value' | 'first-value' | 'name' | 'first-name' | 'colon' | 'after-value';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);
const LITERALS = ['true', 'false', 'null'];

/** Returns the first syntax error of `text`, or null when `text` is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  /** The closing bracket of each open object or array, innermost last. */
  const closers: string[] = [];
  let expectation: Expectation = 'value';
  let index = 0;

  for (;;) {
    index = skipWhitespace(text, index);
    const closer = closers.at(-1);
    if (expectation === 'after-value' && closer === undefined) {
      return index === text.length ? null : { offset: index, expected: 'the end of the text' };
    }

    const character = text[index];
    if (character === undefined) {
      return { offset: index, expected: describeExpectation(expectation, closer) };
    }
    const closesEmpty = expectation === 'first-value' || expectation === 'first-name';
    if (closesEmpty && character === closer) {
      closers.pop();
      index += 1;
      expectation = 'after-value';
      continue;
    }

    switch (expectation) {
      case 'name':
      case 'first-name': {
        if (character !== '"') {
          return { offset: index, expected: describeExpectation(expectation, closer) };
        }
        const end = scanString(text, index);
        if (typeof end !== 'number') return end;
        index = end;
        expectation = 'colon';
        break;
      }
      case 'colon':
        if (character !== ':') return { offset: index, expected: '":"' };
        index += 1;
        expectation = 'value';
        break;
      case 'after-value':
        if (character === ',') {
          expectation = closer === '}' ? 'name' : 'value';
        } else if (character !== closer) {
          return { offset: index, expected: describeExpectation(expectation, closer) };
        } else {
          closers.pop();
        }
        index += 1;
        break;
      case 'value':
      case 'first-value': {
        if (character === '{' || character === '[') {
          closers.push(character === '{' ? '}' : ']');
          index += 1;
          expectation = character === '{' ? 'first-name' : 'first-value';
          break;
        }
        const end = scanScalar(text, index);
        if (end === null) {
          return { offset: index, expected: describeExpectation(expectation, closer) };
        }
        if (typeof end !== 'number') return end;
        index = end;
        expectation = 'after-value';
        break;
      }
    }
  }
}

/**
 * Describes a syntax error of `text` for a message, such as `found "😀" (U+1F600) at position 9,
 * where "," or "}" was expected`. Positions count code points from 1, and a text of several
 * lines gets a line and column instead.
 */
export function describeJsonSyntaxError(text: string, error: JsonSyntaxError): string {
  const codePoint = text.codePointAt(error.offset);
  if (codePoint === undefined) return `the text ends where ${error.expected} was expected`;

  const before = Array.from(text.slice(0, error.offset));
  let where = `position ${before.length + 1}`;
  if (text.includes('\n')) {
    const line = before.filter((character) => character === '\n').length + 1;
    const column = before.length - before.lastIndexOf('\n');
    where = `line ${line}, column ${column}`;
  }
  const found = formatCharacter(String.fromCodePoint(codePoint));
  return `found ${found} at ${where}, where ${error.expected} was expected`;
}

function describeExpectation(expectation: Expectation, closer: string | undefined): string {
  switch (expectation) {
    case 'value':
      return 'a value';
    case 'first-value':
      return 'a value or "]"';
    case 'name':
      return 'a property name in double quotes';
    case 'first-name':
      return 'a property name in double quotes or "}"';
    case 'colon':
      return '":"';
    case 'after-value':
      return `"," or "${closer ?? ''}"`;
  }
}

function skipWhitespace(text: string, index: number): number {
  let next = index;
  while (WHITESPACE.has(text[next] ?? '')) next += 1;
  return next;
}

/**
 * Scans the string, number or literal at `index` and returns the offset after it, or null when
 * no such value starts there.
 */
function scanScalar(text: string, index: number): number | JsonSyntaxError | null {
  const character = text[index] ?? '';
  if (character === '"') return scanString(text, index);
  if (character === '-' || isDigit(character)) return scanNumber(text, index);

  const literal = LITERALS.find((word) => word[0] === character);
  if (literal === undefined) return null;
  for (let position = 1; position < literal.length; position += 1) {
    if (text[index + position] !== literal[position]) {
      return { offset: index + position, expected: `the rest of "${literal}"` };
    }
  }
  return index + literal.length;
}

/** Scans the string whose opening quote is at `index` and returns the offset after it. */
function scanString(text: string, index: number): number | JsonSyntaxError {
  let next = index + 1;
  while (next < text.length) {
    const code = text.charCodeAt(next);
    if (code === 0x22) return next + 1;
    if (code < 0x20) return { offset: next, expected: 'an escape such as \\n or \\u0000' };
    if (code !== 0x5c) {
      next += 1;
      continue;
    }

    const escape = text[next + 1] ?? '';
    if (!ESCAPES.has(escape)) {
      return { offset: next + 1, expected: 'an escape character: " \\ / b f n r t or u' };
    }
    if (escape !== 'u') {
      next += 2;
      continue;
    }
    for (let digit = 2; digit < 6; digit += 1) {
      if (!/^[0-9A-Fa-f]$/.test(text[next + digit] ?? '')) {
        return { offset: next + digit, expected: 'a hexadecimal digit' };
      }
    }
    next += 6;
  }
  return { offset: text.length, expected: 'a closing quote' };
}

/** Scans the number at `index` and returns the offset after it. */
function scanNumber(text: string, index: number): number | JsonSyntaxError {
  let next = text[index] === '-' ? index + 1 : index;
  if (text[next] === '0') {
    next += 1;
  } else {
    if (!isDigit(text[next])) return { offset: next, expected: 'a digit' };
    next = skipDigits(text, next);
  }

  if (text[next] === '.') {
    if (!isDigit(text[next + 1])) return { offset: next + 1, expected: 'a digit' };
    next = skipDigits(text, next + 1);
  }
  if (text[next] === 'e' || text[next] === 'E') {
    next += text[next + 1] === '+' || text[next + 1] === '-' ? 2 : 1;
    if (!isDigit(text[next])) return { offset: next, expected: 'a digit' };
    next = skipDigits(text, next);
  }
  return next;
}

function skipDigits(text: string, index: number): number {
  let next = index;
  while (isDigit(text[next])) next += 1;
  return next;
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}
