import { describe, expect, it } from 'vitest';

import { analyzeToken, type Certainty, type Verdict } from '../../../src/lib/token/index.ts';
import {
  adminClaims,
  base64url,
  codesOf,
  DAY,
  HOUR,
  HS256_HEADER,
  NOW,
  NOW_SECONDS,
  signClaims,
  signRaw,
  ssoClaims,
  stepCode,
  stepStatus,
} from './token-fixtures.ts';

interface Scenario {
  name: string;
  token: string;
  algorithms?: string[];
  verdict: Verdict;
  certainty: Certainty;
  /** Exact message codes of the report, in order. */
  codes: string[];
}

const ssoToken = signClaims(ssoClaims());
const adminToken = signClaims(adminClaims());

/** Rewrites a token's segments from base64url to padded standard base64. */
function toStandardBase64(token: string): string {
  return token
    .split('.')
    .map((segment) => Buffer.from(segment, 'base64url').toString('base64'))
    .join('.');
}

const scenarios: Scenario[] = [
  {
    name: 'valid SSO token',
    token: ssoToken,
    verdict: 'sso',
    certainty: 'likely',
    codes: ['STRUCTURE_JWS'],
  },
  {
    name: 'valid admin access token',
    token: adminToken,
    verdict: 'admin',
    certainty: 'likely',
    codes: ['STRUCTURE_JWS'],
  },
  {
    name: 'admin refresh token',
    token: signClaims(adminClaims({ token_type: 'refresh', exp: NOW_SECONDS + DAY })),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'REFRESH_TOKEN'],
  },
  {
    name: 'expired SSO token',
    token: signClaims(ssoClaims({ iat: NOW_SECONDS - 2 * HOUR, exp: NOW_SECONDS - 3 * HOUR })),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'TOKEN_EXPIRED'],
  },
  {
    name: 'expired admin token',
    token: signClaims(adminClaims({ exp: NOW_SECONDS - 60 })),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'TOKEN_EXPIRED'],
  },
  {
    name: 'iat in the future',
    token: signClaims(ssoClaims({ iat: NOW_SECONDS + 600 })),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'IAT_IN_FUTURE'],
  },
  {
    name: 'nbf in the future',
    token: signClaims(ssoClaims({ nbf: NOW_SECONDS + 600 })),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'TOKEN_NOT_YET_VALID'],
  },
  {
    name: 'exp in milliseconds',
    token: signClaims(ssoClaims({ exp: (NOW_SECONDS + HOUR) * 1000 })),
    verdict: 'sso',
    certainty: 'likely',
    codes: ['STRUCTURE_JWS', 'CLAIM_IN_MILLISECONDS'],
  },
  {
    name: 'iat in milliseconds',
    token: signClaims(ssoClaims({ iat: NOW_SECONDS * 1000 })),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'CLAIM_IN_MILLISECONDS', 'IAT_IN_FUTURE'],
  },
  {
    name: 'numeric string exp',
    token: signClaims(ssoClaims({ exp: String(NOW_SECONDS + HOUR) })),
    verdict: 'sso',
    certainty: 'likely',
    codes: ['STRUCTURE_JWS', 'CLAIM_NUMERIC_STRING'],
  },
  {
    name: 'non-numeric string exp',
    token: signClaims(ssoClaims({ exp: 'tomorrow' })),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'CLAIM_NOT_INTEGER'],
  },
  {
    name: 'numeric sub',
    token: signClaims(ssoClaims({ sub: 1001 })),
    verdict: 'sso',
    certainty: 'likely',
    codes: ['STRUCTURE_JWS', 'CLAIM_NOT_STRING'],
  },
  {
    name: 'alg none',
    token: `${base64url('{"alg":"none"}')}.${base64url(JSON.stringify(ssoClaims()))}.`,
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'ALG_NONE'],
  },
  {
    name: 'RS256 when only HS256 is accepted',
    token: signClaims(ssoClaims(), 'test-secret', { alg: 'RS256' }),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'ALG_NOT_ACCEPTED'],
  },
  {
    name: 'RS256 when RS256 is accepted',
    token: signClaims(ssoClaims(), 'test-secret', { alg: 'RS256' }),
    algorithms: ['RS256'],
    verdict: 'sso',
    certainty: 'likely',
    codes: ['STRUCTURE_JWS'],
  },
  {
    name: 'header without alg',
    token: signClaims(ssoClaims(), 'test-secret', { typ: 'JWT' }),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'ALG_MISSING'],
  },
  {
    name: 'truncated signature',
    token: ssoToken.slice(0, -3),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'SIGNATURE_MALFORMED'],
  },
  {
    name: 'empty signature with HS256',
    token: ssoToken.slice(0, ssoToken.lastIndexOf('.') + 1),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'SIGNATURE_MALFORMED'],
  },
  {
    name: 'JWE with 5 segments',
    token: `${base64url('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y2lwaGVy.dGFn`,
    verdict: 'not-a-token',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWE'],
  },
  {
    name: 'two segments',
    token: ssoToken.slice(0, ssoToken.lastIndexOf('.')),
    verdict: 'not-a-token',
    certainty: 'confirmed',
    codes: ['STRUCTURE_NOT_JWT'],
  },
  {
    name: 'payload that is not JSON',
    token: signRaw('hello', 'test-secret'),
    verdict: 'not-a-token',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'PAYLOAD_NOT_JSON'],
  },
  {
    name: 'JSON array payload',
    token: signRaw('[1,2,3]', 'test-secret'),
    verdict: 'not-a-token',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'PAYLOAD_NOT_OBJECT'],
  },
  {
    name: 'JSON string payload',
    token: signRaw('"text"', 'test-secret'),
    verdict: 'not-a-token',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'PAYLOAD_NOT_OBJECT'],
  },
  {
    name: 'header that is not an object',
    token: `${base64url('42')}.${base64url(JSON.stringify(ssoClaims()))}.c2ln`,
    verdict: 'not-a-token',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'HEADER_NOT_OBJECT'],
  },
  {
    name: 'empty payload segment',
    token: `${base64url(JSON.stringify(HS256_HEADER))}..c2ln`,
    verdict: 'not-a-token',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'SEGMENT_EMPTY'],
  },
  {
    name: 'payload that is not UTF-8',
    token: signRaw(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), 'k'),
    verdict: 'not-a-token',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'INVALID_UTF8'],
  },
  {
    name: 'segment with a lost character',
    token: `${base64url(JSON.stringify(HS256_HEADER))}.eyJhY.c2ln`,
    verdict: 'not-a-token',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'SEGMENT_BAD_LENGTH'],
  },
  {
    name: 'padding inside a segment',
    token: ssoToken.replace('.', '.=A'),
    verdict: 'not-a-token',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'SEGMENT_BAD_PADDING'],
  },
  {
    name: 'payload with aud',
    token: signClaims(ssoClaims({ aud: 'milesone' })),
    verdict: 'sso',
    certainty: 'likely',
    codes: ['STRUCTURE_JWS', 'AUD_PRESENT'],
  },
  {
    name: 'admin token without exp',
    token: signClaims(adminClaims({ exp: undefined })),
    verdict: 'rejected',
    certainty: 'confirmed',
    codes: ['STRUCTURE_JWS', 'EXP_MISSING'],
  },
  {
    name: 'binary garbage',
    token: '\u0000\u00ff\u0007\ud800garbage\u0010',
    verdict: 'not-a-token',
    certainty: 'confirmed',
    codes: ['INVALID_CHARACTERS'],
  },
];

describe('analyzeToken scenarios', () => {
  it.each(scenarios)('$name', (scenario) => {
    const report = analyzeToken(scenario.token, { now: NOW, algorithms: scenario.algorithms });

    expect(codesOf(report)).toEqual(scenario.codes);
    expect(report.verdict.verdict).toBe(scenario.verdict);
    expect(report.verdict.certainty).toBe(scenario.certainty);
  });
});

describe('analyzeToken paths', () => {
  it('fails SSO identity for admin token', () => {
    const report = analyzeToken(adminToken, { now: NOW });

    expect(stepCode(report, 'sso', 'identity')).toBe('STEP_SSO_IDENTITY_FAIL');
    expect(report.paths[0].outcome).toBe('rejected');
    expect(report.paths[1].note.code).toBe('PATH_ADMIN_TRIED');
    expect(report.paths[1].outcome).toBe('undecided');
    expect(report.verdict.openQuestions.map((message) => message.code)).toEqual([
      'STEP_SIGNATURE_NO_SECRET',
    ]);
  });

  it('leaves admin path conditional without secrets', () => {
    const report = analyzeToken(ssoToken, { now: NOW });

    expect(report.paths[0].outcome).toBe('undecided');
    expect(report.paths[1].note.code).toBe('PATH_ADMIN_IF_SSO_FAILS');
    expect(stepCode(report, 'admin', 'simplejwt')).toBe('STEP_SIMPLEJWT_NO_JTI');
  });

  it('falls back to admin after SSO expiry', () => {
    const expired = signClaims(ssoClaims({ exp: NOW_SECONDS - HOUR }));
    const report = analyzeToken(expired, { now: NOW });

    expect(stepCode(report, 'sso', 'time')).toBe('STEP_TIME_EXPIRED');
    expect(report.paths[1].note.code).toBe('PATH_ADMIN_TRIED');
    expect(stepStatus(report, 'admin', 'time')).toBe('fail');
    expect(report.verdict.response).toEqual({ status: 401, wwwAuthenticate: 'Bearer' });
    expect(report.verdict.optionalAuthNote?.code).toBe('OPTIONAL_AUTH_ANONYMOUS');
  });

  it('names refresh type in SimpleJWT step', () => {
    const refresh = signClaims(adminClaims({ token_type: 'refresh' }));
    const report = analyzeToken(refresh, { now: NOW });

    expect(stepCode(report, 'admin', 'simplejwt')).toBe('STEP_SIMPLEJWT_REFRESH');
  });

  it('checks SimpleJWT claims in its order', () => {
    const cases = [
      [adminClaims({ jti: undefined, token_type: undefined }), 'STEP_SIMPLEJWT_NO_JTI'],
      [adminClaims({ token_type: undefined }), 'STEP_SIMPLEJWT_NO_TYPE'],
      [adminClaims({ token_type: 'sliding' }), 'STEP_SIMPLEJWT_WRONG_TYPE'],
    ] as const;
    for (const [claims, code] of cases) {
      expect(stepCode(analyzeToken(signClaims(claims), { now: NOW }), 'admin', 'simplejwt')).toBe(
        code,
      );
    }
  });

  it('leaves non-HMAC signature unknown', () => {
    const token = signClaims(ssoClaims(), 'k', { alg: 'RS256' });
    const report = analyzeToken(token, { now: NOW, algorithms: ['RS256'] });

    expect(stepCode(report, 'sso', 'signature')).toBe('STEP_SIGNATURE_NOT_HMAC');
    expect(stepStatus(report, 'sso', 'signature')).toBe('unknown');
  });

  it('skips signature after algorithm failure', () => {
    const report = analyzeToken(signClaims(ssoClaims(), 'k', { alg: 'HS512' }), { now: NOW });

    expect(stepCode(report, 'sso', 'algorithm')).toBe('STEP_ALG_FAIL');
    expect(stepStatus(report, 'sso', 'signature')).toBe('skipped');
  });

  it('skips steps after decoding failure', () => {
    const report = analyzeToken('not.a.jwt', { now: NOW });
    const ssoSteps = report.paths[0].steps;

    expect(ssoSteps[0]?.status).toBe('fail');
    expect(ssoSteps.slice(1).every((step) => step.status === 'skipped')).toBe(true);
  });

  it('lists unknowable facts with every verdict', () => {
    for (const token of [ssoToken, adminToken, 'garbage', '']) {
      const codes = analyzeToken(token, { now: NOW }).verdict.cannotKnow.map((item) => item.code);
      expect(codes).toEqual([
        'UNKNOWN_USER_ACCOUNT',
        'UNKNOWN_REVOCATION',
        'UNKNOWN_BACKEND_SETTINGS',
      ]);
    }
  });
});

describe('analyzeToken decoding', () => {
  it('keeps UTF-8 claims intact', () => {
    const name = 'अनुराधा 🚀 Müller';
    const report = analyzeToken(signClaims(ssoClaims({ name })), { now: NOW });

    expect(report.payload?.value?.['name']).toBe(name);
    expect(report.payload?.rawJson).toContain(name);
    expect(report.verdict.verdict).toBe('sso');
  });

  it('shows an integer above 2^53 exactly', () => {
    const payload =
      '{"user_id":9007199254740993,"phone":"+910000000007","token_type":"access","jti":"j","exp":1736946000}';
    const report = analyzeToken(signRaw(payload, 'k'), { now: NOW });

    expect(report.unsafeIntegers).toEqual([
      { path: 'user_id', raw: '9007199254740993', parsed: '9007199254740992' },
    ]);
    expect(report.payload?.rawJson).toContain('9007199254740993');
    expect(report.verdict.summary.text).toBe(
      'The API accepts the token as a SimpleJWT admin access token (user_id 9007199254740993, phone "+910000000007").',
    );
    expect(report.messages.find((message) => message.code === 'UNSAFE_INTEGER')?.text).toBe(
      'user_id is 9007199254740993 in the token. That is above 2^53, so JavaScript rounds it to 9007199254740992 when it parses the JSON, while the backend (Python) reads the exact value. The raw JSON text keeps the exact digits.',
    );
  });

  it('names nested unsafe integers by path', () => {
    const payload = '{"a":{"ids":[1,-12345678901234567890]},"b":"9007199254740993"}';
    const report = analyzeToken(signRaw(payload, 'k'), { now: NOW });

    expect(report.unsafeIntegers).toEqual([
      { path: 'a.ids[1]', raw: '-12345678901234567890', parsed: '-12345678901234567168' },
    ]);
  });

  it('decodes the header of a JWE', () => {
    const report = analyzeToken(
      `${base64url('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y2lwaGVy.dGFn`,
      {
        now: NOW,
      },
    );

    expect(report.structure).toEqual({ form: 'jwe', segmentCount: 5 });
    expect(report.header?.value).toEqual({ alg: 'dir', enc: 'A256GCM' });
    expect(report.payload).toBeNull();
  });

  it('flags standard base64 as version dependent', () => {
    const token = toStandardBase64(signClaims(ssoClaims({ name: '???>>>~~~' }))).replaceAll(
      '=',
      '',
    );
    const report = analyzeToken(token, { now: NOW });
    const standardSegments = token.split('.').filter((segment) => /[+/]/.test(segment));

    expect(standardSegments.length).toBeGreaterThan(0);
    expect(codesOf(report).filter((code) => code === 'SEGMENT_STANDARD_BASE64').length).toBe(
      standardSegments.length,
    );
    expect(stepCode(report, 'sso', 'structure')).toBe('STEP_STRUCTURE_VERSION');
    expect(report.payload?.value?.['name']).toBe('???>>>~~~');
    expect(report.verdict.verdict).toBe('sso');
    expect(report.verdict.certainty).toBe('likely');
  });

  it('flags padded segments as version dependent', () => {
    const token = ssoToken
      .split('.')
      .map((segment) => segment + '='.repeat((4 - (segment.length % 4)) % 4))
      .join('.');
    const report = analyzeToken(token, { now: NOW });

    expect(codesOf(report).filter((code) => code === 'SEGMENT_PADDED').length).toBeGreaterThan(0);
    expect(stepStatus(report, 'sso', 'structure')).toBe('unknown');
    expect(report.verdict.verdict).toBe('sso');
  });

  it('flags wrong padding length', () => {
    const header = base64url(JSON.stringify(HS256_HEADER));
    const payload = base64url(JSON.stringify(ssoClaims()));
    const signature = ssoToken.split('.')[2] ?? '';
    for (const padding of ['====', '===']) {
      const report = analyzeToken(`${header}.${payload}${padding}.${signature}`, { now: NOW });
      const message = report.messages.find((item) => item.code === 'SEGMENT_WRONG_PADDING');

      expect(message?.params).toEqual({ segment: 'payload', count: padding.length });
      expect(stepCode(report, 'sso', 'structure')).toBe('STEP_STRUCTURE_VERSION');
      expect(report.payload?.value).toEqual(ssoClaims());
    }
  });

  it('reports a non-canonical last character', () => {
    const [header, payload, signature = ''] = ssoToken.split('.');
    const token = `${header}.${payload}.${signature.slice(0, -1)}B`;
    const report = analyzeToken(token, { now: NOW });

    expect(codesOf(report)).toContain('SEGMENT_NONCANONICAL');
    expect(
      report.messages.find((message) => message.code === 'SEGMENT_NONCANONICAL')?.params,
    ).toEqual({
      segment: 'signature',
    });
  });

  it('pins array payload text', () => {
    const report = analyzeToken(signRaw('[1,2,3]', 'k'), { now: NOW });

    expect(report.messages[1]?.text).toBe(
      'The payload is a JSON array, not an object. PyJWT raises DecodeError "Invalid payload string: must be a json object".',
    );
  });
});

describe('analyzeToken options', () => {
  it('accepts HS512 when listed', () => {
    const token = signRaw(JSON.stringify(ssoClaims()), 'k', { alg: 'HS512' });
    const report = analyzeToken(token, { now: NOW, algorithms: ['HS256', 'HS512'] });

    expect(stepStatus(report, 'sso', 'algorithm')).toBe('pass');
    expect(codesOf(report)).toContain('SIGNATURE_MALFORMED');
  });

  it('falls back on invalid reference time', () => {
    const report = analyzeToken(ssoToken, { now: new Date(Number.NaN) });

    expect(codesOf(report)).toContain('CLOCK_INVALID');
  });

  it('rejects a value that is not a string', () => {
    const report = analyzeToken({ token: 'x' } as unknown as string, { now: NOW });

    expect(codesOf(report)).toEqual(['INPUT_NOT_STRING']);
    expect(report.verdict.verdict).toBe('not-a-token');
  });
});
