/**
 * Speed of the token decoder's analysis without signature checks (`analyzeToken`), imported
 * from the snapshot's TypeScript sources with Node's type stripping.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize } from './stats.mjs';

/** The analysis runs against this clock, so every run gets the same tokens and verdicts. */
const FIXED_NOW = new Date('2025-06-01T12:00:00Z');
/** Size of the large token, in characters. */
const LARGE_TOKEN_LENGTH = 8 * 1024;
/** Each timed batch repeats one input until it has run at least this long. */
const MIN_BATCH_MS = 50;

const base64url = (text) => Buffer.from(text).toString('base64url');
/** A token with a fake signature from the JSON text of its header and payload. */
const unsignedToken = (headerJson, payloadJson) =>
  `${base64url(headerJson)}.${base64url(payloadJson)}.c2lnbmF0dXJl`;

/**
 * Builds the fixed inputs: the decoder's four sample tokens and the usual ways a pasted value goes
 * wrong (a `Bearer ` prefix, line breaks, `alg: none`, an encrypted token, an unsafe integer,
 * broken Base64url and text that is no JWT at all).
 */
async function buildInputs(token) {
  const samples = await token.buildSampleTokens(FIXED_NOW);
  const issuedAt = Math.floor(FIXED_NOW.getTime() / 1000);
  const adminAccess = samples['admin-access'];
  const fixedSet = {
    ...samples,
    'bearer-prefix': `Bearer ${adminAccess}`,
    'line-breaks': adminAccess.replace(/(.{40})/g, '$1\n'),
    'alg-none': unsignedToken(
      '{"alg":"none","typ":"JWT"}',
      `{"user_id":7,"exp":${issuedAt + 300}}`,
    ),
    // 2^53 + 1, which a JavaScript number cannot hold.
    'unsafe-integer': unsignedToken(
      '{"alg":"HS256","typ":"JWT"}',
      `{"user_id":9007199254740993,"exp":${issuedAt + 300}}`,
    ),
    jwe: `${base64url('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y2lwaGVy.dGFn`,
    'broken-base64url': `${adminAccess.split('.')[0]}.%%%not-base64url%%%.c2ln`,
    'not-a-jwt': 'this is not a token',
  };

  // A signed admin token padded with a claim up to LARGE_TOKEN_LENGTH characters.
  const payload = {
    token_type: 'access',
    user_id: 7,
    phone: '+910000000007',
    jti: 'bench-large-token',
    iat: issuedAt,
    exp: issuedAt + 300,
  };
  const emptyLength = (await token.signDemoToken({ ...payload, padding: '' }, 'key')).length;
  // Base64url turns 3 bytes into 4 characters.
  const padding = 'x'.repeat(Math.floor(((LARGE_TOKEN_LENGTH - emptyLength) * 3) / 4));
  const large = await token.signDemoToken({ ...payload, padding }, token.DEMO_ADMIN_SIGNING_KEY);

  const oversized = `${large}${'A'.repeat(token.MAX_INPUT_LENGTH + 1 - large.length)}`;
  return { fixedSet, large, oversized };
}

/** Microseconds per call of `analyze(input)`, from a batch of at least MIN_BATCH_MS. */
function timePerCall(analyze, input) {
  let iterations = 1;
  for (;;) {
    const started = performance.now();
    for (let index = 0; index < iterations; index += 1) analyze(input);
    const elapsed = performance.now() - started;
    if (elapsed >= MIN_BATCH_MS) return (elapsed * 1000) / iterations;
    iterations *= elapsed < MIN_BATCH_MS / 10 ? 10 : 2;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Times `analyzeToken` from the site at `siteDirectory`, `runs` times: the median over the
 * fixed set, the 8 KB token and the oversized input, in microseconds per call.
 */
export async function benchmarkDecoder(siteDirectory, runs) {
  const token = await import(pathToFileURL(join(siteDirectory, 'src/lib/token/index.ts')).href);
  const { fixedSet, large, oversized } = await buildInputs(token);
  const analyze = (input) => token.analyzeToken(input, { now: FIXED_NOW });

  // Each input must reach a verdict, or the timings would measure a failure path.
  const verdicts = {};
  for (const [name, input] of Object.entries({ ...fixedSet, large, oversized })) {
    verdicts[name] = analyze(input).verdict.verdict ?? 'unknown';
  }
  for (const input of [...Object.values(fixedSet), large, oversized]) timePerCall(analyze, input);

  const setMedians = [];
  const largeTimes = [];
  const oversizedTimes = [];
  for (let run = 0; run < runs; run += 1) {
    setMedians.push(median(Object.values(fixedSet).map((input) => timePerCall(analyze, input))));
    largeTimes.push(timePerCall(analyze, large));
    oversizedTimes.push(timePerCall(analyze, oversized));
  }
  return {
    fixedSetSize: Object.keys(fixedSet).length,
    fixedSet: Object.keys(fixedSet),
    largeTokenCharacters: large.length,
    oversizedCharacters: oversized.length,
    verdicts,
    perTokenMicroseconds: summarize(setMedians, 1),
    largeTokenMicroseconds: summarize(largeTimes, 1),
    oversizedMicroseconds: summarize(oversizedTimes, 1),
  };
}
