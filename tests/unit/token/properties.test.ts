import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  analyzeToken,
  analyzeTokenWithSecrets,
  createMessage,
  listPlaceholders,
  MESSAGE_CATALOGUE,
  VERDICTS,
  type ReportMessage,
  type TokenReport,
} from '../../../src/lib/token/index.ts';
import {
  adminClaims,
  base64url,
  HS256_HEADER,
  NOW,
  NOW_SECONDS,
  signClaims,
  signRaw,
  ssoClaims,
} from './token-fixtures.ts';

/** Thousands of runs per test take seconds, and longer on a loaded machine. */
const PROPERTY_TIMEOUT_MS = 120_000;

const STEP_STATUSES = ['pass', 'fail', 'unknown', 'skipped'];
const OUTCOMES = ['accepted', 'rejected', 'undecided', 'not-reached'];

function everyMessage(report: TokenReport): ReportMessage[] {
  const verdict = report.verdict;
  return [
    ...report.messages,
    ...report.paths.flatMap((path) => [path.note, ...path.steps.map((step) => step.reason)]),
    verdict.summary,
    ...verdict.openQuestions,
    ...verdict.cannotKnow,
    ...(verdict.optionalAuthNote ? [verdict.optionalAuthNote] : []),
  ];
}

function expectWellFormedMessage(message: ReportMessage): void {
  expect(Object.hasOwn(MESSAGE_CATALOGUE, message.code)).toBe(true);
  const entry = MESSAGE_CATALOGUE[message.code];
  expect(message.severity).toBe(entry.severity);
  for (const name of listPlaceholders(entry.text)) {
    expect(Object.hasOwn(message.params, name), `${message.code} lacks {${name}}`).toBe(true);
  }
  expect(message.text).toBe(createMessage(message.code, message.params).text);
  expect(message.code).not.toBe('INTERNAL_ERROR');
}

function expectConsistentVerdict(report: TokenReport): void {
  const { verdict } = report.verdict;
  const [sso, admin] = report.paths;
  expect(VERDICTS).toContain(verdict);
  expect(['confirmed', 'likely']).toContain(report.verdict.certainty);
  if (verdict === 'sso') expect(sso.outcome).not.toBe('rejected');
  if (verdict === 'admin')
    expect([sso.outcome, admin.outcome]).toEqual(['rejected', expect.any(String)]);
  if (verdict === 'admin') expect(admin.outcome).not.toBe('rejected');
  const rejected = verdict === 'rejected' || verdict === 'not-a-token';
  expect(report.verdict.response !== null).toBe(rejected);
  expect(report.verdict.openQuestions.length === 0).toBe(report.verdict.certainty === 'confirmed');
}

function expectWellFormed(report: TokenReport): void {
  expectConsistentVerdict(report);
  expect(report.paths.map((path) => path.id)).toEqual(['sso', 'admin']);
  for (const path of report.paths) {
    expect(OUTCOMES).toContain(path.outcome);
    for (const step of path.steps) expect(STEP_STATUSES).toContain(step.status);
  }
  for (const message of everyMessage(report)) expectWellFormedMessage(message);
  for (const claim of report.timeClaims) {
    expect(claim.epochSeconds === null || Number.isInteger(claim.epochSeconds)).toBe(true);
  }
  expect(() => JSON.stringify(report)).not.toThrow();
}

function analyzeWellFormed(input: string): TokenReport {
  const report = analyzeToken(input, { now: NOW });
  expectWellFormed(report);
  return report;
}

const baseTokens = [
  signClaims(ssoClaims()),
  signClaims(adminClaims()),
  signClaims(adminClaims({ token_type: 'refresh' })),
  signClaims(ssoClaims({ exp: NOW_SECONDS - 10, sub: 5 })),
  signRaw('{"user_id":9007199254740993,"phone":"x"}', 'k'),
];

const tokenCharacter = fc.constantFrom(...'AZaz09-_.+/= \n\t\u0000\u00e9\u200b\ud83d'.split(''));

type Mutation = (token: string) => string;

/** Edits that copying, truncation or careless code do to real tokens. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), tokenCharacter).map(([index, character]): Mutation => (token) => {
    const at = index % Math.max(token.length, 1);
    return token.slice(0, at) + character + token.slice(at + 1);
  }),
  fc.nat().map((index): Mutation => (token) => {
    const at = index % (token.length + 1);
    return `${token.slice(0, at)}.${token.slice(at)}`;
  }),
  fc.nat().map(
    (index): Mutation =>
      (token) =>
        token.slice(0, index % (token.length + 1)),
  ),
  fc.tuple(fc.nat(2), fc.nat(2)).map(([first, second]): Mutation => (token) => {
    const segments = token.split('.');
    const swapped = [...segments];
    swapped[first] = segments[second] ?? '';
    swapped[second] = segments[first] ?? '';
    return swapped.join('.');
  }),
  fc.nat(2).map((index): Mutation => (token) => {
    const segments = token.split('.');
    segments.splice(index, 0, segments[index] ?? '');
    return segments.join('.');
  }),
  fc.constantFrom<Mutation>(
    (token) => `Bearer ${token}`,
    (token) => token.replaceAll('-', '+').replaceAll('_', '/'),
    (token) => `${token}==`,
    (token) => token.toUpperCase(),
  ),
);

const mutatedToken = fc
  .tuple(fc.constantFrom(...baseTokens), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([token, mutations]) => mutations.reduce((current, apply) => apply(current), token));

const claimValue = fc.oneof(
  fc.integer({ min: NOW_SECONDS - 10_000, max: NOW_SECONDS + 10_000 }),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: NOW_SECONDS - 10_000, max: NOW_SECONDS + 10_000 }).map(String),
  fc.constantFrom('access', 'refresh', '9007199254740993', ' 17 ', '1_700_000_000'),
  fc.jsonValue({ maxDepth: 2 }),
);

/** JSON text of a claim value, including number literals that JavaScript cannot keep exactly. */
const claimText = fc.oneof(
  claimValue.map((value) => JSON.stringify(value) ?? 'null'),
  fc.constantFrom(
    '1e400',
    '-1e400',
    '9007199254740993',
    '-0',
    '1E3',
    '17.9',
    `"${'9'.repeat(400)}"`,
  ),
);

const claimName = fc.constantFrom(
  'exp',
  'nbf',
  'iat',
  'sub',
  'jti',
  'aud',
  'userId',
  'phone',
  'user_id',
  'token_type',
  '__proto__',
  'constructor',
);

/** Payload text with random claims. Numbers may have more digits than JavaScript keeps. */
const claimsPayload = fc
  .array(fc.tuple(claimName, claimText), { maxLength: 10 })
  .map(
    (entries) => `{${entries.map(([name, text]) => `${JSON.stringify(name)}:${text}`).join(',')}}`,
  );

const header = fc.oneof(
  fc.constant(HS256_HEADER),
  fc.record(
    {
      alg: fc.oneof(
        fc.constantFrom('HS256', 'HS384', 'HS512', 'none', 'RS256', ''),
        fc.jsonValue(),
      ),
      typ: fc.constant('JWT'),
    },
    { requiredKeys: [] },
  ),
);

describe('analyzeToken properties', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('reports on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (input) => void analyzeWellFormed(input)),
      {
        numRuns: 1500,
      },
    );
  });

  it('reports on any code points', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        (input) => void analyzeWellFormed(input),
      ),
      { numRuns: 1000 },
    );
  });

  it('reports on mutated tokens', () => {
    fc.assert(
      fc.property(mutatedToken, (input) => void analyzeWellFormed(input)),
      { numRuns: 2000 },
    );
  });

  it('reports on random JSON payloads', () => {
    const payload = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null');
    fc.assert(
      fc.property(
        payload,
        header,
        (text, headerValue) => void analyzeWellFormed(signRaw(text, 'k', headerValue)),
      ),
      { numRuns: 1000 },
    );
  });

  it('reports on random claims', () => {
    fc.assert(
      fc.property(claimsPayload, (text) => void analyzeWellFormed(signRaw(text, 'k'))),
      {
        numRuns: 1500,
      },
    );
  });

  it('reports on random bytes as segments', () => {
    const segment = fc.uint8Array({ maxLength: 64 }).map((bytes) => base64url(bytes));
    fc.assert(
      fc.property(segment, segment, segment, (first, second, third) => {
        analyzeWellFormed(`${first}.${second}.${third}`);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps verdict through any wrapping', () => {
    const wrapping = fc.record({
      prefix: fc.constantFrom('', 'Bearer ', 'bearer\t', 'BEARER  ', 'Authorization: Bearer '),
      outer: fc.constantFrom('', ' ', '\n', ' \r\n\t'),
      breakAt: fc.nat(),
    });
    fc.assert(
      fc.property(fc.constantFrom(...baseTokens), wrapping, (token, { prefix, outer, breakAt }) => {
        const at = breakAt % token.length;
        const input = `${outer}${prefix}${token.slice(0, at)}\n${token.slice(at)}${outer}`;
        const report = analyzeWellFormed(input);

        expect(report.input.token).toBe(token);
        expect(report.verdict).toEqual(analyzeToken(token, { now: NOW }).verdict);
      }),
      { numRuns: 500 },
    );
  });
});

describe('analyzeTokenWithSecrets properties', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('reports on mutated tokens with secrets', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutatedToken,
        fc.constantFrom('', 'k', 'test-secret'),
        async (input, secret) => {
          const report = await analyzeTokenWithSecrets(input, {
            now: NOW,
            ssoSecret: secret,
            adminSigningKey: 'test-secret',
          });
          expectWellFormed(report);
        },
      ),
      { numRuns: 300 },
    );
  });
});
