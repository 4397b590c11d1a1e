import { describe, expect, it } from 'vitest';

import {
  createMessage,
  listPlaceholders,
  MAX_INPUT_LENGTH,
  MESSAGE_CATALOGUE,
  MESSAGE_CODES,
  PATH_LABELS,
  STEP_LABELS,
} from '../../../src/lib/token/index.ts';

describe('MESSAGE_CATALOGUE', () => {
  it('states the input limit in use', () => {
    expect(MESSAGE_CATALOGUE.INPUT_TOO_LARGE.meaning).toContain(
      MAX_INPUT_LENGTH.toLocaleString('en-US'),
    );
  });

  it.each(MESSAGE_CODES)('%s has severity, text and meaning', (code) => {
    const entry = MESSAGE_CATALOGUE[code];

    expect(['error', 'warning', 'info']).toContain(entry.severity);
    expect(entry.text.length).toBeGreaterThan(0);
    expect(entry.meaning).toMatch(/^[^\n]+\.$/);
    expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  });

  it('keeps codes unique', () => {
    expect(new Set(MESSAGE_CODES).size).toBe(MESSAGE_CODES.length);
  });

  it('labels every path and step', () => {
    expect(Object.keys(PATH_LABELS)).toEqual(['sso', 'admin']);
    expect(Object.values(STEP_LABELS).every((label) => label.length > 0)).toBe(true);
  });
});

describe('createMessage', () => {
  it('fills named placeholders', () => {
    const message = createMessage('INPUT_TOO_LARGE', { size: 70_000, limit: 65_536 });

    expect(message).toEqual({
      code: 'INPUT_TOO_LARGE',
      severity: 'error',
      text: 'The input is 70000 characters long, over the limit of 65536 characters, so it was not decoded. Check that you pasted only the token.',
      params: { size: 70_000, limit: 65_536 },
    });
  });

  it('leaves braces inside a value alone', () => {
    const message = createMessage('STEP_ALG_PASS', { alg: '{alg}' });

    expect(message.text).toBe('The algorithm {alg} is accepted.');
  });

  it('keeps a placeholder without a param visible', () => {
    expect(createMessage('STEP_ALG_PASS').text).toBe('The algorithm {alg} is accepted.');
  });

  it('lists the placeholders of a template', () => {
    expect(listPlaceholders(MESSAGE_CATALOGUE.CLAIM_NOT_INTEGER.text)).toEqual([
      'claim',
      'value',
      'error',
      'detail',
    ]);
  });

  it('pins the alg none text', () => {
    expect(createMessage('ALG_NONE').text).toBe(
      'The header has "alg": "none", so the token is unsigned. The backend never accepts it: PyJWT rejects alg none whenever it verifies signatures (tested with 2.6.0 and 2.15.1).',
    );
  });
});
