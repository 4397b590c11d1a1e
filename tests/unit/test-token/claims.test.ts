import { describe, expect, it } from 'vitest';

import {
  buildTestClaims,
  checkTestTokenInput,
  formatJti,
  MAX_LIFETIME_DAYS,
  parseLifetime,
  type CheckedInput,
  type InputCheck,
  type TestTokenInput,
} from '../../../src/scripts/test-token/claims.ts';

const VALID: TestTokenInput = {
  kind: 'admin',
  userId: '7',
  phone: '+910000000007',
  lifetime: '15m',
  secret: 'demo-local-secret',
};

function inputOf(result: InputCheck): CheckedInput {
  if (!result.ok)
    throw new Error(`Expected valid input, got errors on ${Object.keys(result.errors)}`);
  return result.input;
}

function errorsOf(result: InputCheck) {
  if (result.ok) throw new Error('Expected errors, got valid input.');
  return result.errors;
}

describe('parseLifetime', () => {
  it.each([
    ['900', 900],
    ['900s', 900],
    ['15m', 900],
    ['2h', 7200],
    ['1d', 86_400],
    [' 2 H ', 7200],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseLifetime(text)).toBe(seconds);
  });

  it.each(['', '0', '0m', '-5m', '1.5h', '15 minutes', 'm', '1w', '9'.repeat(30)])(
    'rejects %j',
    (text) => {
      expect(parseLifetime(text)).toBeUndefined();
    },
  );
});

describe('checkTestTokenInput', () => {
  it('returns the checked input', () => {
    expect(checkTestTokenInput({ ...VALID, userId: ' 7 ', phone: ' +910000000007 ' })).toEqual({
      ok: true,
      input: {
        kind: 'admin',
        userId: 7,
        phone: '+910000000007',
        lifetimeSeconds: 900,
        secret: 'demo-local-secret',
      },
    });
  });

  it('keeps spaces in the secret', () => {
    expect(inputOf(checkTestTokenInput({ ...VALID, secret: ' spaced ' })).secret).toBe(' spaced ');
  });

  it.each([
    ['userId', 'abc', 'TEST_TOKEN_USER_ID_INVALID'],
    ['userId', '0', 'TEST_TOKEN_USER_ID_INVALID'],
    ['userId', '-3', 'TEST_TOKEN_USER_ID_INVALID'],
    ['userId', '1.5', 'TEST_TOKEN_USER_ID_INVALID'],
    ['userId', '', 'TEST_TOKEN_USER_ID_INVALID'],
    ['userId', '9007199254740993', 'TEST_TOKEN_USER_ID_TOO_LARGE'],
    ['phone', '  ', 'TEST_TOKEN_PHONE_MISSING'],
    ['lifetime', '0', 'TEST_TOKEN_LIFETIME_INVALID'],
    ['lifetime', 'soon', 'TEST_TOKEN_LIFETIME_INVALID'],
    ['lifetime', `${MAX_LIFETIME_DAYS + 1}d`, 'TEST_TOKEN_LIFETIME_TOO_LONG'],
    ['secret', '', 'TEST_TOKEN_SECRET_MISSING'],
  ] as const)('flags %s %j', (field, value, code) => {
    const errors = errorsOf(checkTestTokenInput({ ...VALID, [field]: value }));

    expect(errors[field]?.code).toBe(code);
    expect(Object.keys(errors)).toEqual([field]);
  });

  it('accepts the longest lifetime', () => {
    expect(checkTestTokenInput({ ...VALID, lifetime: `${MAX_LIFETIME_DAYS}d` }).ok).toBe(true);
  });

  it('flags every invalid field at once', () => {
    const errors = errorsOf(
      checkTestTokenInput({ kind: 'sso', userId: 'x', phone: '', lifetime: '', secret: '' }),
    );

    expect(Object.keys(errors).sort()).toEqual(['lifetime', 'phone', 'secret', 'userId']);
  });

  it('names the invalid value', () => {
    const errors = errorsOf(checkTestTokenInput({ ...VALID, lifetime: 'soon' }));

    expect(errors.lifetime?.text).toContain('"soon"');
    expect(errors.lifetime?.text).toContain('15m, 2h or 1d');
  });
});

describe('buildTestClaims', () => {
  const input = { kind: 'admin' as const, userId: 7, phone: '+910000000007', lifetimeSeconds: 900 };

  it('builds SimpleJWT access claims', () => {
    expect(buildTestClaims(input, 1_700_000_000.9, 'a'.repeat(32))).toEqual({
      token_type: 'access',
      exp: 1_700_000_900,
      iat: 1_700_000_000,
      jti: 'a'.repeat(32),
      user_id: 7,
      phone: '+910000000007',
    });
  });

  it('builds SSO claims', () => {
    expect(buildTestClaims({ ...input, kind: 'sso' }, 1_700_000_000, 'unused')).toEqual({
      userId: 7,
      phone: '+910000000007',
      iat: 1_700_000_000,
      exp: 1_700_000_900,
    });
  });
});

describe('formatJti', () => {
  it('formats bytes as lowercase hex', () => {
    expect(formatJti(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
  });

  it('gives 32 digits for 16 bytes', () => {
    expect(formatJti(new Uint8Array(16).fill(171))).toMatch(/^[0-9a-f]{32}$/);
  });
});
