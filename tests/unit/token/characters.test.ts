import { describe, expect, it } from 'vitest';

import { formatCharacter, truncate } from '../../../src/lib/token/format.ts';
import { analyzeToken } from '../../../src/lib/token/index.ts';
import { NOW, signClaims, ssoClaims } from './token-fixtures.ts';

/** Any lone UTF-16 surrogate, which a display shows as a replacement character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Analyzes `token` and returns the params of its INVALID_CHARACTERS message. */
function invalidCharacters(token: string): { characters: string; position: number } {
  const report = analyzeToken(token, { now: NOW });
  const message = report.messages.find((item) => item.code === 'INVALID_CHARACTERS');
  expect(message).toBeDefined();
  return message!.params as { characters: string; position: number };
}

describe('formatCharacter', () => {
  it.each([
    ['!', '"!"'],
    ['~', '"~"'],
    ['"', `'"'`],
    ['\u0000', 'U+0000'],
    [' ', 'U+0020'],
    ['\u007f', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['é', '"é" (U+00E9)'],
    ['\u0435', '"\u0435" (U+0435)'],
    ['😀', '"😀" (U+1F600)'],
    ['\u{1D400}', '"\u{1D400}" (U+1D400)'],
    ['\u0301', 'U+0301'],
    ['\u200E', 'U+200E'],
    ['\u2028', 'U+2028'],
    ['\uE000', 'U+E000'],
    ['\uD83D', 'U+D83D'],
    ['\uDE00', 'U+DE00'],
  ])('formats %j as %s', (character, expected) => {
    expect(formatCharacter(character)).toBe(expected);
  });
});

describe('INVALID_CHARACTERS', () => {
  it('names an emoji by its code point', () => {
    const token = `${signClaims(ssoClaims())}😀`;
    const params = invalidCharacters(token);

    expect(params.characters).toBe('"😀" (U+1F600)');
    expect(params.position).toBe(token.length - 1);
  });

  it('names an emoji in the message text', () => {
    const report = analyzeToken('abc😀def', { now: NOW });

    expect(report.messages[0]!.text).toContain(': "😀" (U+1F600), the first at position 4.');
    expect(report.messages[0]!.text).not.toMatch(LONE_SURROGATE);
  });

  it('counts an emoji as one character', () => {
    const params = invalidCharacters('ab😀c😀d!e😃');

    expect(params.position).toBe(3);
    expect(params.characters).toBe('"😀" (U+1F600), "!", "😃" (U+1F603)');
  });

  it('lists five characters at most', () => {
    const params = invalidCharacters('😀a😁b😂c🤣d😃e😄f😅');

    expect(params.characters).toBe(
      '"😀" (U+1F600), "😁" (U+1F601), "😂" (U+1F602), "🤣" (U+1F923), "😃" (U+1F603)',
    );
  });

  it('names lone surrogates by code point', () => {
    const params = invalidCharacters('ab\uD83Dcd\uDE00');

    expect(params.characters).toBe('U+D83D, U+DE00');
    expect(params.position).toBe(3);
  });

  it('names invisible characters by code point', () => {
    const params = invalidCharacters('ab\u200Ecd\u0301');

    expect(params.characters).toBe('U+200E, U+0301');
    expect(params.position).toBe(3);
  });

  it('shows a look-alike letter with its code point', () => {
    const params = invalidCharacters('eyJ\u0430bc');

    expect(params.characters).toBe('"\u0430" (U+0430)');
    expect(params.position).toBe(4);
  });
});

describe('truncate', () => {
  it('keeps short text', () => {
    expect(truncate('😀😀😀', 3)).toBe('😀😀😀');
  });

  it('counts code points, not code units', () => {
    expect(truncate('😀😀😀😀', 4)).toBe('😀😀😀😀');
  });

  it('never splits a surrogate pair', () => {
    const cut = truncate(`a${'😀'.repeat(100)}`, 10);

    expect(cut).toBe(`a${'😀'.repeat(8)}…`);
    expect(cut).not.toMatch(LONE_SURROGATE);
  });

  it('keeps the text without a maximum', () => {
    const text = '😀'.repeat(100);

    expect(truncate(text, Number.POSITIVE_INFINITY)).toBe(text);
  });
});
