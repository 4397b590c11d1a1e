import { describe, expect, it } from 'vitest';

import {
  analyzeToken,
  describeClaims,
  type TimeClaimReport,
} from '../../../src/lib/token/index.ts';
import {
  adminClaims,
  codesOf,
  DAY,
  HOUR,
  NOW,
  NOW_SECONDS,
  signClaims,
  signRaw,
  ssoClaims,
  stepCode,
} from './token-fixtures.ts';

function timeClaim(claims: object, name: string): TimeClaimReport | undefined {
  return analyzeToken(signClaims(claims), { now: NOW }).timeClaims.find(
    (claim) => claim.claim === name,
  );
}

describe('time claim wording', () => {
  const cases: Array<{ claims: object; claim: string; relative: string }> = [
    {
      claims: { exp: NOW_SECONDS - 3 * HOUR - 1200 },
      claim: 'exp',
      relative: 'expired 3 hours ago',
    },
    { claims: { exp: NOW_SECONDS + 2 * DAY + 5 }, claim: 'exp', relative: 'valid for 2 more days' },
    { claims: { exp: NOW_SECONDS + 60 }, claim: 'exp', relative: 'valid for 1 more minute' },
    { claims: { exp: NOW_SECONDS }, claim: 'exp', relative: 'expired 0 seconds ago' },
    { claims: { exp: NOW_SECONDS + 400 * DAY }, claim: 'exp', relative: 'valid for 1 more year' },
    { claims: { nbf: NOW_SECONDS + 300 }, claim: 'nbf', relative: 'valid in 5 minutes' },
    { claims: { nbf: NOW_SECONDS - DAY }, claim: 'nbf', relative: 'valid since 1 day ago' },
    { claims: { iat: NOW_SECONDS - 45 }, claim: 'iat', relative: 'issued 45 seconds ago' },
    {
      claims: { iat: NOW_SECONDS + 2 * HOUR },
      claim: 'iat',
      relative: 'issued 2 hours in the future',
    },
  ];

  it.each(cases)('renders $relative', ({ claims, claim, relative }) => {
    expect(timeClaim(claims, claim)?.relative).toBe(relative);
  });

  it('reports epoch seconds and the UTC date', () => {
    expect(timeClaim({ exp: NOW_SECONDS + HOUR }, 'exp')).toEqual({
      claim: 'exp',
      value: NOW_SECONDS + HOUR,
      epochSeconds: 1_736_946_000,
      isoUtc: '2025-01-15T13:00:00.000Z',
      relative: 'valid for 1 more hour',
    });
  });

  it('pins the expired message text', () => {
    const report = analyzeToken(signClaims(ssoClaims({ exp: NOW_SECONDS - 3 * HOUR })), {
      now: NOW,
    });
    const expired = report.messages.find((message) => message.code === 'TOKEN_EXPIRED');

    expect(expired?.text).toBe(
      'The token expired at 2025-01-15 09:00:00 UTC (expired 3 hours ago). PyJWT raises ExpiredSignatureError.',
    );
    expect(stepCode(report, 'sso', 'time')).toBe('STEP_TIME_EXPIRED');
  });

  it('pins iat-in-future text', () => {
    const report = analyzeToken(signClaims(ssoClaims({ iat: NOW_SECONDS + 600 })), { now: NOW });
    const future = report.messages.find((message) => message.code === 'IAT_IN_FUTURE');

    expect(future?.text).toBe(
      'The token was issued in the future: iat is 2025-01-15 12:10:00 UTC (issued 10 minutes in the future). PyJWT 2.6.0 and later raise ImmatureSignatureError for it. Check the clock of the system that issued the token.',
    );
  });
});

describe('time claim checks', () => {
  it('treats exp equal to now as expired', () => {
    expect(codesOf(analyzeToken(signClaims({ exp: NOW_SECONDS }), { now: NOW }))).toContain(
      'TOKEN_EXPIRED',
    );
  });

  it('truncates a fractional exp as int() does', () => {
    const report = analyzeToken(signClaims({ exp: NOW_SECONDS + 0.5 }), { now: NOW });

    expect(report.timeClaims[0]?.epochSeconds).toBe(NOW_SECONDS);
    expect(codesOf(report)).toContain('TOKEN_EXPIRED');
  });

  it('accepts nbf equal to now', () => {
    expect(codesOf(analyzeToken(signClaims({ nbf: NOW_SECONDS }), { now: NOW }))).not.toContain(
      'TOKEN_NOT_YET_VALID',
    );
  });

  it('flags exp in milliseconds with both readings', () => {
    const report = analyzeToken(signClaims(ssoClaims({ exp: 1_736_946_000_000 })), { now: NOW });
    const message = report.messages.find((item) => item.code === 'CLAIM_IN_MILLISECONDS');

    expect(message?.text).toBe(
      'exp is 1736946000000, which looks like milliseconds: PyJWT reads it as seconds, which puts it in the year 57011. JWT times are seconds since 1970-01-01 UTC. Read as milliseconds it would be 2025-01-15 13:00:00 UTC.',
    );
    expect(report.timeClaims.find((claim) => claim.claim === 'exp')?.relative).toBe(
      'valid for 55023 more years',
    );
  });

  it('converts a numeric string exp as PyJWT does', () => {
    const report = analyzeToken(signClaims(ssoClaims({ exp: String(NOW_SECONDS - 10) })), {
      now: NOW,
    });

    expect(codesOf(report)).toEqual(['STRUCTURE_JWS', 'CLAIM_NUMERIC_STRING', 'TOKEN_EXPIRED']);
    expect(report.messages[1]?.params).toEqual({ claim: 'exp', value: '"1736942390"' });
  });

  it('rejects an exp that int() cannot convert', () => {
    const report = analyzeToken(signClaims(ssoClaims({ exp: null })), { now: NOW });
    const message = report.messages.find((item) => item.code === 'CLAIM_NOT_INTEGER');

    expect(message?.text).toBe(
      'exp is null, which is not a number of seconds. PyJWT raises DecodeError "Expiration Time claim (exp) must be an integer.".',
    );
    expect(stepCode(report, 'sso', 'time')).toBe('STEP_TIME_NOT_INTEGER');
  });

  it('names InvalidIssuedAtError for a bad iat', () => {
    const report = analyzeToken(signClaims(ssoClaims({ iat: [1] })), { now: NOW });

    expect(report.messages.find((item) => item.code === 'CLAIM_NOT_INTEGER')?.params).toMatchObject(
      {
        claim: 'iat',
        error: 'InvalidIssuedAtError',
      },
    );
  });

  it('reads a boolean exp as 1970', () => {
    const report = analyzeToken(signClaims(ssoClaims({ exp: true })), { now: NOW });

    expect(codesOf(report)).toEqual(['STRUCTURE_JWS', 'CLAIM_BOOLEAN', 'TOKEN_EXPIRED']);
    expect(report.timeClaims.find((claim) => claim.claim === 'exp')?.epochSeconds).toBe(1);
  });

  it('treats 1e400 as not convertible', () => {
    const payload = `{"userId":1,"phone":"p","exp":1e400}`;
    const report = analyzeToken(signRaw(payload, 'k'), { now: NOW });

    expect(codesOf(report)).toContain('CLAIM_NOT_INTEGER');
  });

  it('keeps a 400-digit exp string far in the future', () => {
    const report = analyzeToken(signClaims(ssoClaims({ exp: '9'.repeat(400) })), { now: NOW });
    const exp = report.timeClaims.find((claim) => claim.claim === 'exp');

    expect(exp?.epochSeconds).toBe(Number.MAX_VALUE);
    expect(exp?.isoUtc).toBeNull();
    expect(codesOf(report)).toEqual(['STRUCTURE_JWS', 'CLAIM_NUMERIC_STRING']);
  });

  it('reports the first time failure in PyJWT order', () => {
    const claims = ssoClaims({ iat: NOW_SECONDS + 100, exp: NOW_SECONDS - 100 });
    const report = analyzeToken(signClaims(claims), { now: NOW });

    expect(stepCode(report, 'sso', 'time')).toBe('STEP_TIME_IAT_FUTURE');
    expect(codesOf(report)).toEqual(['STRUCTURE_JWS', 'IAT_IN_FUTURE', 'TOKEN_EXPIRED']);
  });
});

describe('sub and jti types', () => {
  it('names the PyJWT version for a numeric sub', () => {
    const report = analyzeToken(signClaims(ssoClaims({ sub: 42 })), { now: NOW });
    const message = report.messages.find((item) => item.code === 'CLAIM_NOT_STRING');

    expect(message?.text).toBe(
      'sub is a JSON number, not a string. PyJWT 2.10.0 and later reject the token with InvalidSubjectError "Subject must be a string", earlier versions accept it.',
    );
    expect(stepCode(report, 'sso', 'claim-types')).toBe('STEP_CLAIM_TYPES_VERSION');
    expect(report.verdict.openQuestions.map((item) => item.code)).toEqual([
      'STEP_SIGNATURE_NO_SECRET',
      'STEP_CLAIM_TYPES_VERSION',
    ]);
  });

  it('flags a numeric jti on an admin token', () => {
    const report = analyzeToken(signClaims(adminClaims({ jti: 5 })), { now: NOW });

    expect(report.messages.find((item) => item.code === 'CLAIM_NOT_STRING')?.params).toEqual({
      claim: 'jti',
      type: 'number',
      error: 'InvalidJTIError "JWT ID must be a string"',
    });
    expect(report.verdict.verdict).toBe('admin');
  });
});

describe('describeClaims', () => {
  it('describes known and unknown claims in payload order', () => {
    const rows = describeClaims({
      userId: 1,
      phone: '+91',
      exp: 5,
      role: 'x',
      token_type: 'access',
    });

    expect(rows.map((row) => [row.claim, row.group, row.value])).toEqual([
      ['userId', 'sso', '1'],
      ['phone', 'sso', '"+91"'],
      ['exp', 'registered', '5'],
      ['role', 'other', '"x"'],
      ['token_type', 'simplejwt', '"access"'],
    ]);
    expect(rows[3]?.description).toBe('Not used by the Miles USP backend as far as documented.');
  });

  it('keeps the exact digits of an unsafe integer', () => {
    const report = analyzeToken(signRaw('{"user_id":9007199254740993}', 'k'), { now: NOW });
    const rows = describeClaims(report.payload?.value ?? {}, report.unsafeIntegers);

    expect(rows[0]?.value).toBe('9007199254740993');
  });

  it('ignores inherited property names', () => {
    const rows = describeClaims(
      JSON.parse('{"constructor":1,"__proto__":2}') as Record<string, unknown>,
    );

    expect(rows.map((row) => row.group)).toEqual(['other', 'other']);
  });

  it('describes every standard, SSO and SimpleJWT claim', () => {
    const names = [
      'exp',
      'nbf',
      'iat',
      'sub',
      'jti',
      'iss',
      'aud',
      'userId',
      'phone',
      'user_id',
      'token_type',
    ];
    const rows = describeClaims(Object.fromEntries(names.map((name) => [name, 1])));

    expect(rows.every((row) => row.group !== 'other')).toBe(true);
  });
});
