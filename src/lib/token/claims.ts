import { formatJsonValue, jsonTypeName } from './format.ts';
import { createMessage } from './messages.ts';
import { formatRelative, toIsoUtc, utcText, yearOf, type RelativeTemplate } from './time.ts';
import type { ReportMessage, TimeClaimName, TimeClaimReport } from './types.ts';

export interface ClaimChecks {
  timeClaims: TimeClaimReport[];
  /** Step reason of the first time check that fails, in PyJWT's order iat, nbf, exp. */
  timeFailure: ReportMessage | null;
  /** Step reason when sub or jti is not a string, which depends on the PyJWT version. */
  typeProblem: ReportMessage | null;
  messages: ReportMessage[];
}

/** PyJWT validates the time claims in this order and raises on the first failure. */
const TIME_CLAIMS: readonly TimeClaimName[] = ['iat', 'nbf', 'exp'];

/** Time claims above this many seconds (year 5138) are taken to be milliseconds. */
const MILLISECONDS_THRESHOLD = 1e11;

/** The exception and message of PyJWT 2.15.1 for a time claim that int() cannot convert. */
const NOT_INTEGER_ERRORS: Record<TimeClaimName, { error: string; detail: string }> = {
  iat: { error: 'InvalidIssuedAtError', detail: 'Issued At claim (iat) must be an integer.' },
  nbf: { error: 'DecodeError', detail: 'Not Before claim (nbf) must be an integer.' },
  exp: { error: 'DecodeError', detail: 'Expiration Time claim (exp) must be an integer.' },
};

const STRING_CLAIM_ERRORS: Record<'sub' | 'jti', string> = {
  sub: 'InvalidSubjectError "Subject must be a string"',
  jti: 'InvalidJTIError "JWT ID must be a string"',
};

/** Python int() accepts surrounding whitespace, a sign and underscores between digits. */
const PYTHON_INT_STRING = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/**
 * Checks the payload's claims as PyJWT does at `nowSeconds` with a leeway of 0: the types and
 * values of exp, nbf and iat, and the types of sub and jti. Also flags a missing exp, an aud
 * claim and a SimpleJWT refresh token.
 */
export function checkClaims(payload: Record<string, unknown>, nowSeconds: number): ClaimChecks {
  const checks: ClaimChecks = {
    timeClaims: [],
    timeFailure: null,
    typeProblem: null,
    messages: [],
  };
  for (const claim of TIME_CLAIMS) {
    if (Object.hasOwn(payload, claim)) checkTimeClaim(claim, payload[claim], nowSeconds, checks);
  }
  checkStringClaims(payload, checks);
  if (!Object.hasOwn(payload, 'exp')) checks.messages.push(createMessage('EXP_MISSING'));
  if (Object.hasOwn(payload, 'aud')) checks.messages.push(createMessage('AUD_PRESENT'));
  if (payload['token_type'] === 'refresh') checks.messages.push(createMessage('REFRESH_TOKEN'));
  return checks;
}

/**
 * Converts a claim as Python's int() does, or returns null when int() raises. A digit string
 * beyond the range of a double becomes +/-Number.MAX_VALUE, which compares with any time as
 * Python's exact integer does.
 */
function toPythonInt(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && PYTHON_INT_STRING.test(value)) {
    const parsed = Number(value.replaceAll('_', '').trim());
    return Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, parsed));
  }
  return null;
}

function checkTimeClaim(
  claim: TimeClaimName,
  value: unknown,
  nowSeconds: number,
  checks: ClaimChecks,
): void {
  const seconds = toPythonInt(value);
  const report: TimeClaimReport = {
    claim,
    value,
    epochSeconds: seconds,
    isoUtc: seconds === null ? null : toIsoUtc(seconds),
    relative:
      seconds === null
        ? null
        : formatRelative(templateFor(claim, seconds, nowSeconds), seconds - nowSeconds),
  };
  checks.timeClaims.push(report);

  if (seconds === null) {
    const { error, detail } = NOT_INTEGER_ERRORS[claim];
    const valueText = formatJsonValue(value);
    checks.messages.push(
      createMessage('CLAIM_NOT_INTEGER', { claim, value: valueText, error, detail }),
    );
    checks.timeFailure ??= createMessage('STEP_TIME_NOT_INTEGER', { claim, error });
    return;
  }
  reportCoercion(claim, value, seconds, checks.messages);
  reportMilliseconds(claim, seconds, checks.messages);
  checkTimeValue(report, seconds, nowSeconds, checks);
}

/** Picks the relative-time wording. exp counts as expired at the reference time itself. */
function templateFor(claim: TimeClaimName, seconds: number, nowSeconds: number): RelativeTemplate {
  if (claim === 'exp') return seconds <= nowSeconds ? 'expPast' : 'expFuture';
  if (claim === 'nbf') return seconds > nowSeconds ? 'nbfFuture' : 'nbfPast';
  return seconds > nowSeconds ? 'iatFuture' : 'iatPast';
}

function reportCoercion(
  claim: TimeClaimName,
  value: unknown,
  seconds: number,
  messages: ReportMessage[],
): void {
  if (typeof value === 'string') {
    messages.push(createMessage('CLAIM_NUMERIC_STRING', { claim, value: formatJsonValue(value) }));
  } else if (typeof value === 'boolean') {
    messages.push(createMessage('CLAIM_BOOLEAN', { claim, value: String(value), number: seconds }));
  }
}

function reportMilliseconds(
  claim: TimeClaimName,
  seconds: number,
  messages: ReportMessage[],
): void {
  if (seconds <= MILLISECONDS_THRESHOLD) return;
  const year = yearOf(seconds);
  const date = toIsoUtc(seconds / 1000);
  if (year === null || date === null) return;
  messages.push(
    createMessage('CLAIM_IN_MILLISECONDS', { claim, value: seconds, year, date: utcText(date) }),
  );
}

/** Applies PyJWT's comparisons: iat > now and nbf > now are immature, exp <= now is expired. */
function checkTimeValue(
  report: TimeClaimReport,
  seconds: number,
  nowSeconds: number,
  checks: ClaimChecks,
): void {
  const params = {
    date: report.isoUtc ? utcText(report.isoUtc) : String(seconds),
    relative: report.relative ?? '',
  };
  const reasonParams = { relative: params.relative };
  if (report.claim === 'iat' && seconds > nowSeconds) {
    checks.messages.push(createMessage('IAT_IN_FUTURE', params));
    checks.timeFailure ??= createMessage('STEP_TIME_IAT_FUTURE', reasonParams);
  } else if (report.claim === 'nbf' && seconds > nowSeconds) {
    checks.messages.push(createMessage('TOKEN_NOT_YET_VALID', params));
    checks.timeFailure ??= createMessage('STEP_TIME_NOT_YET_VALID', reasonParams);
  } else if (report.claim === 'exp' && seconds <= nowSeconds) {
    checks.messages.push(createMessage('TOKEN_EXPIRED', params));
    checks.timeFailure ??= createMessage('STEP_TIME_EXPIRED', reasonParams);
  }
}

function checkStringClaims(payload: Record<string, unknown>, checks: ClaimChecks): void {
  for (const claim of ['sub', 'jti'] as const) {
    if (!Object.hasOwn(payload, claim) || typeof payload[claim] === 'string') continue;
    const type = jsonTypeName(payload[claim]);
    checks.messages.push(
      createMessage('CLAIM_NOT_STRING', { claim, type, error: STRING_CLAIM_ERRORS[claim] }),
    );
    checks.typeProblem ??= createMessage('STEP_CLAIM_TYPES_VERSION', { claim });
  }
}
