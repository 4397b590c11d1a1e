import { formatJsonValue, formatList } from './format.ts';
import { createMessage } from './messages.ts';
import type { ReportMessage, StepStatus } from './types.ts';

/** Signature length in bytes of each HMAC algorithm (RFC 7518 section 3.2). */
const HMAC_SIGNATURE_BYTES: ReadonlyMap<string, number> = new Map([
  ['HS256', 32],
  ['HS384', 48],
  ['HS512', 64],
]);

/** Returns the signature length of an HMAC algorithm, or undefined for any other algorithm. */
export function hmacSignatureBytes(alg: string | null): number | undefined {
  return alg === null ? undefined : HMAC_SIGNATURE_BYTES.get(alg);
}

export interface AlgorithmCheck {
  /** The alg header parameter when it is a string, otherwise null. */
  alg: string | null;
  status: Extract<StepStatus, 'pass' | 'fail'>;
  reason: ReportMessage;
  finding: ReportMessage | null;
}

/** Checks the alg header parameter as PyJWT does before it verifies a signature. */
export function checkAlgorithm(
  header: Record<string, unknown>,
  algorithms: readonly string[],
): AlgorithmCheck {
  const value = header['alg'];
  const alg = typeof value === 'string' ? value : null;
  if (value === undefined || value === null || value === '') {
    return fail(alg, createMessage('STEP_ALG_MISSING'), createMessage('ALG_MISSING'));
  }
  if (value === 'none') {
    return fail(alg, createMessage('STEP_ALG_NONE'), createMessage('ALG_NONE'));
  }
  if (alg === null || !algorithms.includes(alg)) {
    const params = { alg: formatJsonValue(value), accepted: formatList(algorithms) };
    return fail(
      alg,
      createMessage('STEP_ALG_FAIL', params),
      createMessage('ALG_NOT_ACCEPTED', params),
    );
  }
  return { alg, status: 'pass', reason: createMessage('STEP_ALG_PASS', { alg }), finding: null };
}

function fail(alg: string | null, reason: ReportMessage, finding: ReportMessage): AlgorithmCheck {
  return { alg, status: 'fail', reason, finding };
}

/**
 * Returns a finding when the signature cannot be an HMAC signature of `alg` because of its
 * length, or null when the length fits or `alg` is not an HMAC algorithm.
 */
export function checkSignatureLength(alg: string | null, actual: number): ReportMessage | null {
  const expected = hmacSignatureBytes(alg);
  if (expected === undefined || actual === expected) return null;
  return createMessage('SIGNATURE_MALFORMED', { alg: alg ?? '', actual, expected });
}
