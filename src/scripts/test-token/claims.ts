/**
 * Checks the test token form and builds the claims of a test token for a local backend. Pure
 * functions: the secret is checked here but never kept, logged or put in a claim.
 */
import { testTokenMessage, type TestTokenMessage } from './messages';

export type TestTokenKind = 'sso' | 'admin';

/** The form's fields as typed. */
export interface TestTokenInput {
  kind: TestTokenKind;
  userId: string;
  phone: string;
  lifetime: string;
  secret: string;
}

export type TestTokenField = 'userId' | 'phone' | 'lifetime' | 'secret';

/** Checked input, ready to sign. */
export interface CheckedInput {
  kind: TestTokenKind;
  userId: number;
  phone: string;
  lifetimeSeconds: number;
  secret: string;
}

export type InputCheck =
  | { ok: true; input: CheckedInput }
  | { ok: false; errors: Partial<Record<TestTokenField, TestTokenMessage>> };

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
const LIFETIME_PATTERN = /^(\d+)\s*([smhd]?)$/i;

/**
 * Maximum lifetime, in days: a chosen bound, far inside what the backend reads. SimpleJWT converts
 * exp with Python's `datetime.fromtimestamp` (rest_framework_simplejwt/utils.py), which fails
 * after the year 9999, so an unbounded lifetime could make a token that the backend cannot check.
 */
export const MAX_LIFETIME_DAYS = 3650;

/** Parses `900`, `900s`, `15m`, `2h` or `1d` into seconds; returns undefined for anything else. */
export function parseLifetime(text: string): number | undefined {
  const match = LIFETIME_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] || 's').toLowerCase() as keyof typeof UNIT_SECONDS;
  const seconds = Number(match[1]) * UNIT_SECONDS[unit];
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : undefined;
}

/** Checks every field and returns either the checked input or one message per invalid field. */
export function checkTestTokenInput(input: TestTokenInput): InputCheck {
  const errors: Partial<Record<TestTokenField, TestTokenMessage>> = {};

  const userIdText = input.userId.trim();
  let userId = 0;
  if (!/^\d+$/.test(userIdText) || /^0+$/.test(userIdText)) {
    errors.userId = testTokenMessage('TEST_TOKEN_USER_ID_INVALID', { value: input.userId });
  } else if (!Number.isSafeInteger(Number(userIdText))) {
    errors.userId = testTokenMessage('TEST_TOKEN_USER_ID_TOO_LARGE', {
      value: userIdText,
      max: Number.MAX_SAFE_INTEGER,
    });
  } else {
    userId = Number(userIdText);
  }

  const phone = input.phone.trim();
  if (phone === '') errors.phone = testTokenMessage('TEST_TOKEN_PHONE_MISSING');

  const lifetimeSeconds = parseLifetime(input.lifetime);
  if (lifetimeSeconds === undefined) {
    errors.lifetime = testTokenMessage('TEST_TOKEN_LIFETIME_INVALID', { value: input.lifetime });
  } else if (lifetimeSeconds > MAX_LIFETIME_DAYS * UNIT_SECONDS.d) {
    errors.lifetime = testTokenMessage('TEST_TOKEN_LIFETIME_TOO_LONG', {
      value: input.lifetime.trim(),
      maxDays: MAX_LIFETIME_DAYS,
    });
  }

  // The secret is used exactly as typed: spaces around it are part of the key.
  if (input.secret === '') errors.secret = testTokenMessage('TEST_TOKEN_SECRET_MISSING');

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      kind: input.kind,
      userId,
      phone,
      lifetimeSeconds: lifetimeSeconds!,
      secret: input.secret,
    },
  };
}

/**
 * Builds the claims of a test token issued at `nowSeconds`. An SSO token carries `userId` and
 * `phone`; an admin access token carries what SimpleJWT issues (`token_type`, `exp`, `iat`, `jti`)
 * and `user_id` and `phone`. Both carry `iat` and `exp`.
 */
export function buildTestClaims(
  input: Omit<CheckedInput, 'secret'>,
  nowSeconds: number,
  jti: string,
): Record<string, string | number> {
  const iat = Math.floor(nowSeconds);
  const exp = iat + input.lifetimeSeconds;
  if (input.kind === 'sso') return { userId: input.userId, phone: input.phone, iat, exp };
  return { token_type: 'access', exp, iat, jti, user_id: input.userId, phone: input.phone };
}

/**
 * Formats random bytes as lowercase hexadecimal digits. From 16 bytes this gives the form of
 * SimpleJWT's `jti`, `uuid4().hex`.
 */
export function formatJti(randomBytes: Uint8Array): string {
  return Array.from(randomBytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
