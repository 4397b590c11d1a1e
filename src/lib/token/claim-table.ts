import { formatJsonValue, truncate } from './format.ts';
import type { UnsafeInteger } from './types.ts';

export type ClaimGroup = 'registered' | 'sso' | 'simplejwt' | 'other';

export interface ClaimRow {
  claim: string;
  /** Value as short JSON text. Integers above 2^53 keep the digits as sent. */
  value: string;
  group: ClaimGroup;
  description: string;
}

interface ClaimDescription {
  group: ClaimGroup;
  description: string;
}

/** Descriptions of the claims that JWT libraries or the Miles USP backend read. */
export const KNOWN_CLAIMS: Readonly<Record<string, ClaimDescription>> = {
  exp: {
    group: 'registered',
    description:
      'Expiration time in seconds since 1970-01-01 UTC. PyJWT rejects the token from this second on.',
  },
  nbf: {
    group: 'registered',
    description:
      'Not-before time in seconds since 1970-01-01 UTC. PyJWT rejects the token before it.',
  },
  iat: {
    group: 'registered',
    description:
      'Issued-at time in seconds since 1970-01-01 UTC. PyJWT 2.6.0 and later reject a time in the future.',
  },
  sub: {
    group: 'registered',
    description: 'Subject, the party the token is about. PyJWT 2.10.0 and later require a string.',
  },
  jti: {
    group: 'registered',
    description:
      'JWT ID, a unique id of the token. SimpleJWT requires it, and PyJWT 2.10.0 and later require a string.',
  },
  iss: {
    group: 'registered',
    description: 'Issuer, the party that created the token. PyJWT checks it only when asked to.',
  },
  aud: {
    group: 'registered',
    description:
      'Audience, the parties the token is meant for. PyJWT rejects the token unless the decoding code names an audience.',
  },
  userId: {
    group: 'sso',
    description: 'MilesOne SSO user id. The backend looks the SSO user up by userId and phone.',
  },
  phone: {
    group: 'sso',
    description:
      'Phone number of the user. Both paths look the user up by it together with the user id.',
  },
  user_id: {
    group: 'simplejwt',
    description: 'SimpleJWT user id of the admin user, looked up together with phone.',
  },
  token_type: {
    group: 'simplejwt',
    description:
      'SimpleJWT token type: "access" for API requests, "refresh" only for getting new access tokens.',
  },
};

export const UNKNOWN_CLAIM_DESCRIPTION = 'Not used by the Miles USP backend as far as documented.';

/**
 * Formats a claim value as JSON text, using the exact digits of an integer above 2^53. The
 * text is cut to `maxLength` characters when given.
 */
export function formatClaimValue(
  payload: Record<string, unknown>,
  claim: string,
  unsafeIntegers: readonly UnsafeInteger[] = [],
  maxLength?: number,
): string {
  const exact = unsafeIntegers.find((integer) => integer.path === claim);
  const text = exact?.raw ?? formatJsonValue(payload[claim], Number.POSITIVE_INFINITY);
  return maxLength === undefined ? text : truncate(text, maxLength);
}

/** Lists the payload's claims in payload order with a short description of each. */
export function describeClaims(
  payload: Record<string, unknown>,
  unsafeIntegers: readonly UnsafeInteger[] = [],
): ClaimRow[] {
  return Object.keys(payload).map((claim) => {
    const known = Object.hasOwn(KNOWN_CLAIMS, claim) ? KNOWN_CLAIMS[claim] : undefined;
    return {
      claim,
      value: formatClaimValue(payload, claim, unsafeIntegers),
      group: known?.group ?? 'other',
      description: known?.description ?? UNKNOWN_CLAIM_DESCRIPTION,
    };
  });
}
