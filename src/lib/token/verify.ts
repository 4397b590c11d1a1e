import { compactVerify } from 'jose';

import { NO_SECRET, isCryptoAvailable, type SignatureCheck } from './crypto.ts';
import { errorText } from './format.ts';

/**
 * Verifies the HMAC signature of `token` with `secret` encoded as UTF-8, allowing only `alg`.
 * `token` must be the text as sent, because the signature covers the segments as written.
 * An empty or missing secret counts as not given. Never rejects.
 */
export async function checkHmacSignature(
  token: string,
  alg: string,
  secret: string | undefined,
): Promise<SignatureCheck> {
  if (secret === undefined || secret === '') return NO_SECRET;
  if (!isCryptoAvailable()) return { kind: 'crypto-unavailable' };
  try {
    await compactVerify(token, new TextEncoder().encode(secret), { algorithms: [alg] });
    return { kind: 'match' };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return { kind: 'no-match' };
    return { kind: 'uncheckable', error: errorText(error) };
  }
}
