/**
 * Every message of the test token form, keyed by a stable code. Placeholders such as `{value}`
 * are filled from the message's params.
 */

export type TestTokenSeverity = 'error' | 'info';

/** One rendered message of the form. */
export interface TestTokenMessage {
  code: TestTokenMessageCode;
  severity: TestTokenSeverity;
  /** The template with every placeholder replaced. */
  text: string;
}

function entry(severity: TestTokenSeverity, text: string) {
  return { severity, text };
}

export const TEST_TOKEN_MESSAGES = {
  TEST_TOKEN_USER_ID_INVALID: entry(
    'error',
    'The user id "{value}" is not a positive integer. Enter the id of a user of your local database, such as 1001.',
  ),
  TEST_TOKEN_USER_ID_TOO_LARGE: entry(
    'error',
    'The user id {value} is above {max}, the largest integer a JavaScript number holds exactly, so the token would carry another id. Enter a smaller id.',
  ),
  TEST_TOKEN_PHONE_MISSING: entry(
    'error',
    'Enter the phone number of the user, such as +910000001001. The backend looks the user up by id and phone.',
  ),
  TEST_TOKEN_LIFETIME_INVALID: entry(
    'error',
    'The lifetime "{value}" is not a positive duration. Enter a whole number of seconds, or a whole number followed by s, m, h or d, such as 900, 15m, 2h or 1d.',
  ),
  TEST_TOKEN_LIFETIME_TOO_LONG: entry(
    'error',
    'The lifetime "{value}" is longer than {maxDays} days, the longest this form signs. Enter a shorter lifetime.',
  ),
  TEST_TOKEN_SECRET_MISSING: entry(
    'error',
    'Enter the secret of your local backend: SSO_SECRET_KEY for an SSO token, JWT_SIGNING_KEY for an admin token.',
  ),
  TEST_TOKEN_CRYPTO_UNAVAILABLE: entry(
    'error',
    'This browser offers no Web Crypto API (crypto.subtle) on this page, so it cannot sign. Browsers offer it only on https pages and on localhost.',
  ),
  TEST_TOKEN_SIGN_FAILED: entry('error', 'Signing failed: {error}.'),
  TEST_TOKEN_SIGNED: entry(
    'info',
    'Signed an {kind} that expires at {expires} UTC. The token decoder on this page shows its analysis, checked with the same secret.',
  ),
} as const;

export type TestTokenMessageCode = keyof typeof TEST_TOKEN_MESSAGES;

/** Renders the message `code`, replacing each `{name}` that `params` has in a single pass. */
export function testTokenMessage(
  code: TestTokenMessageCode,
  params: Readonly<Record<string, string | number>> = {},
): TestTokenMessage {
  const { severity, text } = TEST_TOKEN_MESSAGES[code];
  const rendered = text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
  return { code, severity, text: rendered };
}
