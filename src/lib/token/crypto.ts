/**
 * The outcome type of a signature check and the test for the Web Crypto API, apart from the check
 * itself in `verify.ts`, so the decoder can load jose's verification code only once a secret is
 * typed.
 */

export type SignatureCheck =
  | { kind: 'match' }
  | { kind: 'no-match' }
  | { kind: 'no-secret' }
  | { kind: 'crypto-unavailable' }
  | { kind: 'uncheckable'; error: string };

export const NO_SECRET: SignatureCheck = { kind: 'no-secret' };

/** Returns whether the Web Crypto API is present. Browsers offer it only in secure contexts. */
export function isCryptoAvailable(): boolean {
  const subtle: unknown = (globalThis as { crypto?: { subtle?: unknown } }).crypto?.subtle;
  return typeof subtle === 'object' && subtle !== null;
}
