import type { ClaimChecks } from './claims.ts';
import { formatJsonValue } from './format.ts';
import { createMessage, type MessageCode } from './messages.ts';
import { hmacSignatureBytes, type AlgorithmCheck } from './header.ts';
import type { SignatureCheck } from './crypto.ts';
import type { AuthPathReport, PathOutcome, PathStep, StepId, StepStatus } from './types.ts';

/** Facts about the token that both paths check, as far as it decoded. */
export interface PathInputs {
  /** True for a JWS whose header and payload decode to JSON objects. */
  decodable: boolean;
  versionDependent: boolean;
  payload: Record<string, unknown> | null;
  algorithm: AlgorithmCheck | null;
  /** Decoded signature length in bytes, or null when not decoded. */
  signatureBytes: number | null;
  claims: ClaimChecks | null;
  signatures: { sso: SignatureCheck; admin: SignatureCheck };
}

const SSO_STEPS: readonly StepId[] = ['algorithm', 'signature', 'time', 'claim-types', 'identity'];
const ADMIN_STEPS: readonly StepId[] = [
  'algorithm',
  'signature',
  'time',
  'claim-types',
  'simplejwt',
  'identity',
];

/** The claims by which a path looks the user up, with the step reasons for pass and fail. */
interface IdentityClaims {
  claims: readonly string[];
  passCode: MessageCode;
  failCode: MessageCode;
}

const SSO_IDENTITY: IdentityClaims = {
  claims: ['userId', 'phone'],
  passCode: 'STEP_SSO_IDENTITY_PASS',
  failCode: 'STEP_SSO_IDENTITY_FAIL',
};
const ADMIN_IDENTITY: IdentityClaims = {
  claims: ['user_id', 'phone'],
  passCode: 'STEP_ADMIN_IDENTITY_PASS',
  failCode: 'STEP_ADMIN_IDENTITY_FAIL',
};

/** Builds the SSO path and then the admin path, which runs only when the SSO decode fails. */
export function buildPaths(inputs: PathInputs): [AuthPathReport, AuthPathReport] {
  const sso = buildSsoPath(inputs);
  if (sso.outcome === 'accepted') return [sso, notReachedAdminPath()];

  const noteCode = sso.outcome === 'rejected' ? 'PATH_ADMIN_TRIED' : 'PATH_ADMIN_IF_SSO_FAILS';
  const steps = inputs.decodable ? adminSteps(inputs) : undecodedSteps(ADMIN_STEPS);
  const admin: AuthPathReport = {
    id: 'admin',
    outcome: outcomeOf(steps),
    note: createMessage(noteCode),
    steps,
  };
  return [sso, admin];
}

function buildSsoPath(inputs: PathInputs): AuthPathReport {
  const note = createMessage('PATH_SSO_FIRST');
  if (!inputs.decodable) {
    return { id: 'sso', outcome: 'rejected', note, steps: undecodedSteps(SSO_STEPS) };
  }

  const payload = inputs.payload ?? {};
  const steps = [
    structureStep(inputs),
    ...commonSteps(inputs, inputs.signatures.sso, 'SSO_SECRET_KEY'),
  ];
  if (Object.hasOwn(payload, 'aud')) {
    steps.push(step('audience', 'unknown', 'STEP_AUDIENCE_UNKNOWN'));
  }
  steps.push(identityStep(payload, SSO_IDENTITY));
  return { id: 'sso', outcome: outcomeOf(steps), note, steps };
}

function adminSteps(inputs: PathInputs): PathStep[] {
  const payload = inputs.payload ?? {};
  return [
    structureStep(inputs),
    ...commonSteps(inputs, inputs.signatures.admin, 'JWT_SIGNING_KEY'),
    simpleJwtStep(payload),
    identityStep(payload, ADMIN_IDENTITY),
  ];
}

function notReachedAdminPath(): AuthPathReport {
  const steps = ['structure' as const, ...ADMIN_STEPS].map((id) =>
    step(id, 'skipped', 'STEP_NOT_REACHED'),
  );
  return {
    id: 'admin',
    outcome: 'not-reached',
    note: createMessage('PATH_ADMIN_NOT_REACHED'),
    steps,
  };
}

/** Returns `rejected` when a step fails, `undecided` when a step is unknown, else `accepted`. */
export function outcomeOf(steps: readonly PathStep[]): PathOutcome {
  if (steps.some((item) => item.status === 'fail')) return 'rejected';
  if (steps.some((item) => item.status === 'unknown')) return 'undecided';
  return 'accepted';
}

function step(id: StepId, status: StepStatus, code: MessageCode, params = {}): PathStep {
  return { id, status, reason: createMessage(code, params) };
}

function undecodedSteps(ids: readonly StepId[]): PathStep[] {
  return [
    step('structure', 'fail', 'STEP_STRUCTURE_FAIL'),
    ...ids.map((id) => step(id, 'skipped', 'STEP_SKIPPED_NOT_DECODED')),
  ];
}

function structureStep(inputs: PathInputs): PathStep {
  return inputs.versionDependent
    ? step('structure', 'unknown', 'STEP_STRUCTURE_VERSION')
    : step('structure', 'pass', 'STEP_STRUCTURE_PASS');
}

/** Builds the steps of the PyJWT checks that both paths run: alg, signature, time, sub and jti. */
function commonSteps(inputs: PathInputs, check: SignatureCheck, key: string): PathStep[] {
  const claims = inputs.claims;
  const algorithm = inputs.algorithm;
  const algorithmStep: PathStep =
    algorithm === null
      ? step('algorithm', 'fail', 'STEP_ALG_MISSING')
      : { id: 'algorithm', status: algorithm.status, reason: algorithm.reason };
  return [
    algorithmStep,
    signatureStep(inputs, check, key),
    timeStep(claims),
    claims?.typeProblem
      ? { id: 'claim-types', status: 'unknown', reason: claims.typeProblem }
      : step('claim-types', 'pass', 'STEP_CLAIM_TYPES_PASS'),
  ];
}

function signatureStep(inputs: PathInputs, check: SignatureCheck, key: string): PathStep {
  const alg = inputs.algorithm?.alg ?? null;
  if (inputs.algorithm?.status !== 'pass' || alg === null) {
    return step('signature', 'skipped', 'STEP_SIGNATURE_SKIPPED_ALG');
  }
  const expected = hmacSignatureBytes(alg);
  if (expected === undefined) {
    return step('signature', 'unknown', 'STEP_SIGNATURE_NOT_HMAC', { alg });
  }
  if (inputs.signatureBytes !== expected) {
    const actual = inputs.signatureBytes ?? 0;
    return step('signature', 'fail', 'STEP_SIGNATURE_MALFORMED', { actual, expected });
  }
  switch (check.kind) {
    case 'match':
      return step('signature', 'pass', 'STEP_SIGNATURE_MATCH', { key });
    case 'no-match':
      return step('signature', 'fail', 'STEP_SIGNATURE_NO_MATCH', { key });
    case 'no-secret':
      return step('signature', 'unknown', 'STEP_SIGNATURE_NO_SECRET', { key });
    case 'crypto-unavailable':
      return step('signature', 'unknown', 'STEP_SIGNATURE_UNAVAILABLE');
    case 'uncheckable':
      return step('signature', 'unknown', 'STEP_SIGNATURE_UNCHECKABLE', { error: check.error });
  }
}

function timeStep(claims: ClaimChecks | null): PathStep {
  if (claims?.timeFailure) return { id: 'time', status: 'fail', reason: claims.timeFailure };
  if (claims === null || claims.timeClaims.length === 0) {
    return step('time', 'pass', 'STEP_TIME_NONE');
  }
  return step('time', 'pass', 'STEP_TIME_PASS');
}

/** Applies SimpleJWT's Token.verify checks in its order: exp, jti, then token_type. */
function simpleJwtStep(payload: Record<string, unknown>): PathStep {
  if (!Object.hasOwn(payload, 'exp')) return step('simplejwt', 'fail', 'STEP_SIMPLEJWT_NO_EXP');
  if (!Object.hasOwn(payload, 'jti')) return step('simplejwt', 'fail', 'STEP_SIMPLEJWT_NO_JTI');
  if (!Object.hasOwn(payload, 'token_type')) {
    return step('simplejwt', 'fail', 'STEP_SIMPLEJWT_NO_TYPE');
  }
  const tokenType = payload['token_type'];
  if (tokenType === 'refresh') return step('simplejwt', 'fail', 'STEP_SIMPLEJWT_REFRESH');
  if (tokenType !== 'access') {
    return step('simplejwt', 'fail', 'STEP_SIMPLEJWT_WRONG_TYPE', {
      type: formatJsonValue(tokenType),
    });
  }
  return step('simplejwt', 'pass', 'STEP_SIMPLEJWT_PASS');
}

/** Builds the identity step, which fails when a claim is absent or null. */
function identityStep(payload: Record<string, unknown>, identity: IdentityClaims): PathStep {
  const missing = identity.claims.filter(
    (claim) => !Object.hasOwn(payload, claim) || payload[claim] === null,
  );
  if (missing.length === 0) return step('identity', 'pass', identity.passCode);
  return step('identity', 'fail', identity.failCode, { claims: missing.join(' and ') });
}
