import { describe, expect, it } from 'vitest';

import { analyzeToken, MAX_INPUT_LENGTH } from '../../../src/lib/token/index.ts';
import { codesOf, NOW, signClaims, ssoClaims } from './token-fixtures.ts';

const token = signClaims(ssoClaims());

describe('input clean-up', () => {
  const wrapped: Array<{ name: string; input: string; codes: string[] }> = [
    { name: 'bare token', input: token, codes: ['STRUCTURE_JWS'] },
    {
      name: 'surrounding whitespace',
      input: `  \n${token}\t `,
      codes: ['INPUT_TRIMMED', 'STRUCTURE_JWS'],
    },
    {
      name: 'Bearer prefix',
      input: `Bearer ${token}`,
      codes: ['BEARER_PREFIX_REMOVED', 'STRUCTURE_JWS'],
    },
    {
      name: 'lower-case prefix',
      input: `bearer ${token}`,
      codes: ['BEARER_PREFIX_REMOVED', 'STRUCTURE_JWS'],
    },
    {
      name: 'upper-case prefix with tabs',
      input: `BEARER\t\t${token}`,
      codes: ['BEARER_PREFIX_REMOVED', 'STRUCTURE_JWS'],
    },
    {
      name: 'repeated prefix',
      input: `Bearer Bearer bearer ${token}`,
      codes: ['BEARER_PREFIX_REMOVED', 'BEARER_PREFIX_REPEATED', 'STRUCTURE_JWS'],
    },
    {
      name: 'whole header line',
      input: `Authorization: Bearer ${token}`,
      codes: ['AUTH_HEADER_NAME_REMOVED', 'BEARER_PREFIX_REMOVED', 'STRUCTURE_JWS'],
    },
    {
      name: 'quoted token',
      input: `"${token}"`,
      codes: ['QUOTES_REMOVED', 'STRUCTURE_JWS'],
    },
    {
      name: 'quoted header value',
      input: `'Bearer ${token}'`,
      codes: ['QUOTES_REMOVED', 'BEARER_PREFIX_REMOVED', 'STRUCTURE_JWS'],
    },
    {
      name: 'line breaks inside',
      input: `${token.slice(0, 40)}\n${token.slice(40, 90)}\r\n${token.slice(90)}`,
      codes: ['INNER_WHITESPACE_REMOVED', 'STRUCTURE_JWS'],
    },
    {
      name: 'zero-width space inside',
      input: `${token.slice(0, 10)}\u200b${token.slice(10)}`,
      codes: ['INNER_WHITESPACE_REMOVED', 'STRUCTURE_JWS'],
    },
  ];

  it.each(wrapped)('recovers the token from $name', ({ input, codes }) => {
    const report = analyzeToken(input, { now: NOW });

    expect(report.input.token).toBe(token);
    expect(codesOf(report)).toEqual(codes);
    expect(report.verdict.verdict).toBe('sso');
  });

  const rejected: Array<{ name: string; input: string; codes: string[] }> = [
    { name: 'empty input', input: '', codes: ['INPUT_EMPTY'] },
    { name: 'whitespace only', input: ' \n\t ', codes: ['INPUT_EMPTY'] },
    { name: 'bare Bearer', input: 'Bearer', codes: ['BEARER_WITHOUT_TOKEN'] },
    {
      name: 'Bearer and spaces',
      input: 'bearer   ',
      codes: ['INPUT_TRIMMED', 'BEARER_WITHOUT_TOKEN'],
    },
    {
      name: 'Bearer twice without token',
      input: 'Bearer Bearer',
      codes: ['BEARER_PREFIX_REPEATED', 'BEARER_WITHOUT_TOKEN'],
    },
    {
      name: 'Bearer [object Object]',
      input: 'Bearer [object Object]',
      codes: ['BEARER_PREFIX_REMOVED', 'STRINGIFIED_VALUE'],
    },
    {
      name: 'Bearer undefined',
      input: 'Bearer undefined',
      codes: ['BEARER_PREFIX_REMOVED', 'STRINGIFIED_VALUE'],
    },
    {
      name: 'Bearer null',
      input: 'Bearer null',
      codes: ['BEARER_PREFIX_REMOVED', 'STRINGIFIED_VALUE'],
    },
    { name: 'stringified promise', input: '[object Promise]', codes: ['STRINGIFIED_VALUE'] },
    { name: 'empty quotes', input: '""', codes: ['QUOTES_REMOVED', 'INPUT_EMPTY'] },
    {
      name: 'a login response',
      input: `{"refresh":"${token}","access":"${token}"}`,
      codes: ['INPUT_IS_JSON_OBJECT'],
    },
  ];

  it.each(rejected)('rejects $name', ({ input, codes }) => {
    const report = analyzeToken(input, { now: NOW });

    expect(codesOf(report)).toEqual(codes);
    expect(report.input.token).toBeNull();
    expect(report.verdict.verdict).toBe('not-a-token');
  });

  it('pins the bare Bearer text', () => {
    const [message] = analyzeToken('Bearer', { now: NOW }).messages;

    expect(message?.text).toBe(
      'The input is only "Bearer" with no token after it. The client sent the scheme with an empty token: check that the token is set before the header is built.',
    );
  });

  it('pins the stringified value text', () => {
    const report = analyzeToken('Bearer [object Object]', { now: NOW });

    expect(report.messages[1]?.text).toBe(
      'The token is the text "[object Object]", which is what JavaScript writes for a value that is not a string, such as an object, undefined or null. Fix the code that builds the Authorization header so that it inserts the token string.',
    );
  });

  it('names the field of a pasted login response', () => {
    const [message] = analyzeToken(`{ "access": "${token}" }`, { now: NOW }).messages;

    expect(message?.text).toBe(
      'The input is a JSON object, such as the body of a login response, not a token. Paste only the value of "access": the text between the quotes after "access":.',
    );
  });

  it('leaves a JSON object without a token to the other checks', () => {
    const report = analyzeToken('{"detail":"Not found"}', { now: NOW });

    expect(codesOf(report)).not.toContain('INPUT_IS_JSON_OBJECT');
  });

  it('counts removed whitespace', () => {
    const report = analyzeToken(`  ${token.slice(0, 5)} \n ${token.slice(5)}`, { now: NOW });

    expect(report.messages[0]?.params).toEqual({ count: 2 });
    expect(report.messages[1]?.params).toEqual({ count: 3 });
  });
});

describe('input size limit', () => {
  it('rejects input over the limit before decoding', () => {
    const input = 'a'.repeat(MAX_INPUT_LENGTH + 1);
    const report = analyzeToken(input, { now: NOW });

    expect(codesOf(report)).toEqual(['INPUT_TOO_LARGE']);
    expect(report.messages[0]?.params).toEqual({ size: 65_537, limit: 65_536 });
    expect(report.messages[0]?.text).toBe(
      'The input is 65537 characters long, over the limit of 65536 characters, so it was not decoded. Check that you pasted only the token.',
    );
    expect(report.structure).toBeNull();
    expect(report.input).toEqual({ length: 65_537, token: null });
  });

  it('accepts input at the limit', () => {
    const input = `${token}${' '.repeat(MAX_INPUT_LENGTH - token.length)}`;
    const report = analyzeToken(input, { now: NOW });

    expect(input.length).toBe(MAX_INPUT_LENGTH);
    expect(codesOf(report)).toEqual(['INPUT_TRIMMED', 'STRUCTURE_JWS']);
  });
});
