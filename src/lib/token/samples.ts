import { SignJWT, type JWTPayload } from 'jose';

/** Demo SSO_SECRET_KEY of the sample tokens. It is public, so never use it on a server. */
export const DEMO_SSO_SECRET = 'demo-sso-secret-not-for-production';

/** Demo JWT_SIGNING_KEY of the sample tokens. It is public, so never use it on a server. */
export const DEMO_ADMIN_SIGNING_KEY = 'demo-admin-signing-key-not-for-production';

export type SampleTokenId = 'sso' | 'admin-access' | 'sso-expired' | 'admin-refresh';

export type SampleTokens = Readonly<Record<SampleTokenId, string>>;

/** SimpleJWT's default ACCESS_TOKEN_LIFETIME (5 minutes) and REFRESH_TOKEN_LIFETIME (1 day). */
const ACCESS_LIFETIME_SECONDS = 5 * 60;
const REFRESH_LIFETIME_SECONDS = 24 * 60 * 60;
/** Lifetime of the demo SSO token. The real SSO lifetime is not documented. */
const SSO_LIFETIME_SECONDS = 60 * 60;

const DEMO_SSO_USER = { userId: 1001, phone: '+910000001001' };
const DEMO_ADMIN_USER = { user_id: 7, phone: '+910000000007' };

/** Signs `payload` with HS256 and `secret` encoded as UTF-8. */
export async function signDemoToken(payload: JWTPayload, secret: string): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

/**
 * Builds the sample tokens relative to `now`: a valid SSO token, a valid admin access token,
 * an SSO token that expired an hour ago and an admin refresh token. SSO tokens are signed with
 * `DEMO_SSO_SECRET`, admin tokens with `DEMO_ADMIN_SIGNING_KEY`.
 */
export async function buildSampleTokens(now: Date): Promise<SampleTokens> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const [sso, adminAccess, ssoExpired, adminRefresh] = await Promise.all([
    signDemoToken(
      { ...DEMO_SSO_USER, iat: issuedAt, exp: issuedAt + SSO_LIFETIME_SECONDS },
      DEMO_SSO_SECRET,
    ),
    signDemoToken(
      {
        token_type: 'access',
        exp: issuedAt + ACCESS_LIFETIME_SECONDS,
        iat: issuedAt,
        jti: 'demo-access-jti-0001',
        ...DEMO_ADMIN_USER,
      },
      DEMO_ADMIN_SIGNING_KEY,
    ),
    signDemoToken(
      {
        ...DEMO_SSO_USER,
        iat: issuedAt - 2 * SSO_LIFETIME_SECONDS,
        exp: issuedAt - SSO_LIFETIME_SECONDS,
      },
      DEMO_SSO_SECRET,
    ),
    signDemoToken(
      {
        token_type: 'refresh',
        exp: issuedAt + REFRESH_LIFETIME_SECONDS,
        iat: issuedAt,
        jti: 'demo-refresh-jti-0001',
        ...DEMO_ADMIN_USER,
      },
      DEMO_ADMIN_SIGNING_KEY,
    ),
  ]);
  return {
    sso,
    'admin-access': adminAccess,
    'sso-expired': ssoExpired,
    'admin-refresh': adminRefresh,
  };
}
