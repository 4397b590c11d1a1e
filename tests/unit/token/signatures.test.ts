import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  analyzeTokenWithSecrets,
  buildSampleTokens,
  DEMO_ADMIN_SIGNING_KEY,
  DEMO_SSO_SECRET,
  type Certainty,
  type Verdict,
} from '../../../src/lib/token/index.ts';
import {
  adminClaims,
  base64url,
  codesOf,
  HOUR,
  NOW,
  NOW_SECONDS,
  signClaims,
  signSegments,
  ssoClaims,
  stepCode,
} from './token-fixtures.ts';

const SSO_SECRET = 'sso-secret-of-the-test';
const ADMIN_KEY = 'admin-key-of-the-test';
const secrets = { now: NOW, ssoSecret: SSO_SECRET, adminSigningKey: ADMIN_KEY };

interface SignatureCase {
  name: string;
  token: string;
  options?: { ssoSecret?: string; adminSigningKey?: string };
  verdict: Verdict;
  certainty: Certainty;
  ssoSignature: string;
  adminSignature: string;
}

const cases: SignatureCase[] = [
  {
    name: 'SSO token with the right SSO secret',
    token: signClaims(ssoClaims(), SSO_SECRET),
    verdict: 'sso',
    certainty: 'confirmed',
    ssoSignature: 'STEP_SIGNATURE_MATCH',
    adminSignature: 'STEP_NOT_REACHED',
  },
  {
    name: 'SSO token with a wrong SSO secret',
    token: signClaims(ssoClaims(), 'another-secret'),
    verdict: 'rejected',
    certainty: 'confirmed',
    ssoSignature: 'STEP_SIGNATURE_NO_MATCH',
    adminSignature: 'STEP_SIGNATURE_NO_MATCH',
  },
  {
    name: 'admin token with the right admin key',
    token: signClaims(adminClaims(), ADMIN_KEY),
    verdict: 'admin',
    certainty: 'confirmed',
    ssoSignature: 'STEP_SIGNATURE_NO_MATCH',
    adminSignature: 'STEP_SIGNATURE_MATCH',
  },
  {
    name: 'admin token with a wrong admin key',
    token: signClaims(adminClaims(), 'another-key'),
    verdict: 'rejected',
    certainty: 'confirmed',
    ssoSignature: 'STEP_SIGNATURE_NO_MATCH',
    adminSignature: 'STEP_SIGNATURE_NO_MATCH',
  },
  {
    name: 'SSO claims signed with the admin key',
    token: signClaims({ ...ssoClaims(), ...adminClaims() }, ADMIN_KEY),
    verdict: 'admin',
    certainty: 'confirmed',
    ssoSignature: 'STEP_SIGNATURE_NO_MATCH',
    adminSignature: 'STEP_SIGNATURE_MATCH',
  },
  {
    name: 'SSO token with only the admin key',
    token: signClaims(ssoClaims(), SSO_SECRET),
    options: { adminSigningKey: ADMIN_KEY },
    verdict: 'sso',
    certainty: 'likely',
    ssoSignature: 'STEP_SIGNATURE_NO_SECRET',
    adminSignature: 'STEP_SIGNATURE_NO_MATCH',
  },
  {
    name: 'admin token with only the admin key',
    token: signClaims(adminClaims(), ADMIN_KEY),
    options: { adminSigningKey: ADMIN_KEY },
    verdict: 'admin',
    certainty: 'confirmed',
    ssoSignature: 'STEP_SIGNATURE_NO_SECRET',
    adminSignature: 'STEP_SIGNATURE_MATCH',
  },
  {
    name: 'empty secrets',
    token: signClaims(ssoClaims(), SSO_SECRET),
    options: { ssoSecret: '', adminSigningKey: '' },
    verdict: 'sso',
    certainty: 'likely',
    ssoSignature: 'STEP_SIGNATURE_NO_SECRET',
    adminSignature: 'STEP_SIGNATURE_NO_SECRET',
  },
  {
    name: 'expired SSO token with the right secret',
    token: signClaims(ssoClaims({ exp: NOW_SECONDS - HOUR }), SSO_SECRET),
    verdict: 'rejected',
    certainty: 'confirmed',
    ssoSignature: 'STEP_SIGNATURE_MATCH',
    adminSignature: 'STEP_SIGNATURE_NO_MATCH',
  },
];

describe('analyzeTokenWithSecrets', () => {
  it.each(cases)('$name', async (testCase) => {
    const options = testCase.options ? { now: NOW, ...testCase.options } : secrets;
    const report = await analyzeTokenWithSecrets(testCase.token, options);

    expect(report.verdict.verdict).toBe(testCase.verdict);
    expect(report.verdict.certainty).toBe(testCase.certainty);
    expect(stepCode(report, 'sso', 'signature')).toBe(testCase.ssoSignature);
    expect(stepCode(report, 'admin', 'signature')).toBe(testCase.adminSignature);
  });

  it('encodes non-ASCII secrets as UTF-8', async () => {
    const secret = 'sécret-🔑-गुप्त';
    const report = await analyzeTokenWithSecrets(signClaims(ssoClaims(), secret), {
      now: NOW,
      ssoSecret: secret,
    });

    expect(report.verdict.verdict).toBe('sso');
    expect(report.verdict.certainty).toBe('confirmed');
  });

  it('falls through to admin after SSO mismatch', async () => {
    const token = signClaims({ ...ssoClaims(), ...adminClaims() }, ADMIN_KEY);
    const report = await analyzeTokenWithSecrets(token, secrets);

    expect(report.paths[0].outcome).toBe('rejected');
    expect(report.paths[1].note.code).toBe('PATH_ADMIN_TRIED');
    expect(report.verdict.summary.text).toBe(
      'The API accepts the token as a SimpleJWT admin access token (user_id 7, phone "+910000000007").',
    );
  });

  it('skips verifying a malformed signature', async () => {
    const truncated = signClaims(ssoClaims(), SSO_SECRET).slice(0, -3);
    const report = await analyzeTokenWithSecrets(truncated, secrets);

    expect(stepCode(report, 'sso', 'signature')).toBe('STEP_SIGNATURE_MALFORMED');
    expect(report.verdict.verdict).toBe('rejected');
  });

  it('verifies padded segments as sent', async () => {
    const header = base64url(JSON.stringify({ alg: 'HS256' }));
    const unpadded = ['a', 'ab', 'abc']
      .map((n) => base64url(JSON.stringify(ssoClaims({ n }))))
      .find((segment) => segment.length % 4 !== 0);
    const payload = `${unpadded}${'='.repeat((4 - ((unpadded?.length ?? 0) % 4)) % 4)}`;
    const report = await analyzeTokenWithSecrets(
      signSegments(header, payload, SSO_SECRET),
      secrets,
    );

    expect(payload).toMatch(/=$/);
    expect(codesOf(report)).toContain('SEGMENT_PADDED');
    expect(stepCode(report, 'sso', 'signature')).toBe('STEP_SIGNATURE_MATCH');
    expect(stepCode(report, 'sso', 'structure')).toBe('STEP_STRUCTURE_VERSION');
    expect(report.verdict.certainty).toBe('likely');
  });

  it('leaves standard base64 signature unchecked', async () => {
    const header = base64url(JSON.stringify({ alg: 'HS256' }));
    const payload = Buffer.from(JSON.stringify(ssoClaims({ n: '???>>>' })))
      .toString('base64')
      .replaceAll('=', '');
    const report = await analyzeTokenWithSecrets(
      signSegments(header, payload, SSO_SECRET),
      secrets,
    );

    expect(payload).toMatch(/[+/]/);
    expect(stepCode(report, 'sso', 'signature')).toBe('STEP_SIGNATURE_UNCHECKABLE');
    expect(report.verdict.verdict).toBe('sso');
    expect(report.verdict.certainty).toBe('likely');
  });
});

describe('analyzeTokenWithSecrets without Web Crypto', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reports the missing crypto.subtle', async () => {
    vi.stubGlobal('crypto', {});
    const report = await analyzeTokenWithSecrets(signClaims(ssoClaims(), SSO_SECRET), secrets);

    expect(codesOf(report)).toContain('CRYPTO_UNAVAILABLE');
    expect(stepCode(report, 'sso', 'signature')).toBe('STEP_SIGNATURE_UNAVAILABLE');
    expect(report.verdict.verdict).toBe('sso');
    expect(report.verdict.certainty).toBe('likely');
  });
});

describe('buildSampleTokens', () => {
  const expectations: Array<[string, Verdict, Certainty]> = [
    ['sso', 'sso', 'confirmed'],
    ['admin-access', 'admin', 'confirmed'],
    ['sso-expired', 'rejected', 'confirmed'],
    ['admin-refresh', 'rejected', 'confirmed'],
  ];

  it.each(expectations)('builds the %s sample', async (id, verdict, certainty) => {
    const samples = await buildSampleTokens(NOW);
    const token = samples[id as keyof typeof samples];
    const report = await analyzeTokenWithSecrets(token, {
      now: NOW,
      ssoSecret: DEMO_SSO_SECRET,
      adminSigningKey: DEMO_ADMIN_SIGNING_KEY,
    });

    expect(report.verdict.verdict).toBe(verdict);
    expect(report.verdict.certainty).toBe(certainty);
  });

  it('names the demo secrets as demo values', () => {
    expect(DEMO_SSO_SECRET).toBe('demo-sso-secret-not-for-production');
    expect(DEMO_ADMIN_SIGNING_KEY).toContain('demo');
  });

  it('builds the same tokens for the same time', async () => {
    expect(await buildSampleTokens(NOW)).toEqual(await buildSampleTokens(NOW));
  });
});
