import { describe, expect, it } from 'vitest';
import { formatJson, MAX_INDENT_DEPTH } from '../../../src/scripts/decoder/json-format';

const text = (json: string) =>
  formatJson(json)
    .map((token) => token.text)
    .join('');

describe('formatJson', () => {
  it('indents objects and arrays', () => {
    expect(text('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
  });

  it('keeps the digits of an integer above 2^53', () => {
    expect(text('{"user_id":9007199254740993}')).toContain('9007199254740993');
  });

  it('classifies keys, strings, numbers and literals', () => {
    const kinds = formatJson('{"k":"v","n":1,"b":true}')
      .filter((token) => token.kind !== 'space' && token.kind !== 'punctuation')
      .map((token) => token.kind);

    expect(kinds).toEqual(['key', 'string', 'key', 'number', 'key', 'literal']);
  });

  it('caps indentation of deep nesting', () => {
    const depth = 5_000;
    const output = text(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    const widest = Math.max(...output.split('\n').map((line) => line.length));

    expect(widest).toBeLessThanOrEqual(MAX_INDENT_DEPTH * 2 + 2);
    expect(output.length).toBeLessThan(depth * 2 * (MAX_INDENT_DEPTH * 2 + 3));
  });
});
