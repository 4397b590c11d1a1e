import { describe, expect, it } from 'vitest';

import { analyzeToken } from '../../../src/lib/token/index.ts';
import {
  describeJsonSyntaxError,
  findJsonSyntaxError,
} from '../../../src/lib/token/json-syntax.ts';
import { base64url, NOW } from './token-fixtures.ts';

/** Any lone UTF-16 surrogate, which a display shows as a replacement character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Returns the description of the first syntax error of `text`, which must have one. */
function describeFirstError(text: string): string {
  const error = findJsonSyntaxError(text);
  expect(error).not.toBeNull();
  return describeJsonSyntaxError(text, error!);
}

/** Returns whether JSON.parse accepts `text`. */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError valid JSON', () => {
  it.each([
    '{}',
    '[]',
    ' { "a" : [ 1 , -2.5e+3 , true , false , null , "x" ] } ',
    '{"a":{"b":[[],{}]},"c":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"}',
    '"😀"',
    '"\uD83D"',
    '0',
    '-0.0E-0',
    '\t\r\n1\n',
    '{"\u2028":"\u2029"}',
  ])('accepts %j', (text) => {
    expect(parses(text)).toBe(true);
    expect(findJsonSyntaxError(text)).toBeNull();
  });
});

describe('findJsonSyntaxError invalid JSON', () => {
  it.each([
    ['', 0, 'a value'],
    ['😀', 0, 'a value'],
    ['{"a":1,😀}', 7, 'a property name in double quotes'],
    ['{"a":"😀"x}', 9, '"," or "}"'],
    ['{"a": tru😀e}', 9, 'the rest of "true"'],
    ['[1 2]', 3, '"," or "]"'],
    ['[1,]', 3, 'a value'],
    ['{"a" 1}', 5, '":"'],
    ['{,}', 1, 'a property name in double quotes or "}"'],
    ['[,]', 1, 'a value or "]"'],
    ['{"a":1}x', 7, 'the end of the text'],
    ['{"a":1', 6, '"," or "}"'],
    ['"abc', 4, 'a closing quote'],
    ['"a\u0001"', 2, 'an escape such as \\n or \\u0000'],
    ['"\\x"', 2, 'an escape character: " \\ / b f n r t or u'],
    ['"\\u12G4"', 5, 'a hexadecimal digit'],
    ['01', 1, 'the end of the text'],
    ['-', 1, 'a digit'],
    ['1.', 2, 'a digit'],
    ['1e+', 3, 'a digit'],
    ['\uFEFF{}', 0, 'a value'],
    ["{'a':1}", 1, 'a property name in double quotes or "}"'],
  ])('rejects %j at offset %i', (text, offset, expected) => {
    expect(parses(text)).toBe(false);
    expect(findJsonSyntaxError(text)).toEqual({ offset, expected });
  });

  it('agrees with JSON.parse on mutated JSON', () => {
    const source = '{"a":[1,-2.5e3,true,false,null,"x\\u00e9"],"b":{"c":"😀"}}';
    const pieces = [
      '',
      '"',
      '\\',
      ',',
      ':',
      '}',
      ']',
      '{',
      '[',
      'e',
      '-',
      '.',
      '0',
      'x',
      '😀',
      ' ',
    ];
    const disagreements: string[] = [];

    for (let index = 0; index <= source.length; index += 1) {
      for (const piece of pieces) {
        for (const text of [
          source.slice(0, index) + piece + source.slice(index),
          source.slice(0, index) + piece + source.slice(index + 1),
        ]) {
          if (parses(text) !== (findJsonSyntaxError(text) === null)) disagreements.push(text);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('handles deep nesting without recursion', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(99_999)}`;

    expect(findJsonSyntaxError(text)).toEqual({ offset: text.length, expected: '"," or "]"' });
  });
});

describe('describeJsonSyntaxError', () => {
  it('names an emoji by its code point', () => {
    expect(describeFirstError('{"a":"😀"x}')).toBe(
      'found "x" at position 9, where "," or "}" was expected',
    );
    expect(describeFirstError('{"a":1,😀}')).toBe(
      'found "😀" (U+1F600) at position 8, where a property name in double quotes was expected',
    );
  });

  it('counts positions in code points', () => {
    expect(describeFirstError('["😀😀😀" 1]')).toBe(
      'found "1" at position 8, where "," or "]" was expected',
    );
  });

  it('names an invisible character by code point', () => {
    expect(describeFirstError('{"a":\u200B1}')).toBe(
      'found U+200B at position 6, where a value was expected',
    );
  });

  it('gives line and column in a text of several lines', () => {
    expect(describeFirstError('{\n  "a": "😀",\n  "b": tru\n}')).toBe(
      'found U+000A at line 3, column 11, where the rest of "true" was expected',
    );
  });

  it('describes an early end of the text', () => {
    expect(describeFirstError('{"a":')).toBe('the text ends where a value was expected');
  });
});

describe('payload that is not JSON', () => {
  it('names the emoji in the message', () => {
    const token = `${base64url('{"alg":"HS256"}')}.${base64url('{"a": 😀}')}.c2ln`;
    const report = analyzeToken(token, { now: NOW });
    const message = report.messages.find((item) => item.code === 'PAYLOAD_NOT_JSON');

    expect(message?.text).toBe(
      'The payload is not JSON: found "😀" (U+1F600) at position 7, where a value was ' +
        'expected. PyJWT raises DecodeError "Invalid payload string".',
    );
    expect(message?.text).not.toMatch(LONE_SURROGATE);
  });
});
