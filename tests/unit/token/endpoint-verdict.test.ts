import { describe, expect, it } from 'vitest';

import { deriveOperationAuth, type OperationAuth } from '../../../src/lib/openapi/auth-mode.ts';
import {
  ANY_BEARER_ROUTE,
  endpointTitle,
  endpointVerdict,
} from '../../../src/lib/token/endpoint-verdict.ts';
import { analyzeToken, analyzeTokenWithSecrets } from '../../../src/lib/token/index.ts';
import { adminClaims, HOUR, NOW, signClaims, ssoClaims } from './token-fixtures.ts';

/** `components.securitySchemes` as written in openapi/miles-usp.yaml. */
const SCHEMES = {
  BearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
  ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-LMS-OPEN-API-KEY' },
  VendorTokenAuth: { type: 'apiKey', in: 'header', name: 'X-Vendor-Token' },
  EnrollmentFormVendorTokenAuth: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Enrollment-Form-Vendor-Token',
  },
};

function auth(operationSecurity: unknown, documentSecurity?: unknown): OperationAuth {
  return deriveOperationAuth(operationSecurity, documentSecurity, SCHEMES);
}

const options = { now: NOW };
const sso = analyzeToken(signClaims(ssoClaims()), options);
const admin = analyzeToken(signClaims(adminClaims()), options);
const expired = analyzeToken(signClaims(ssoClaims({ exp: NOW.getTime() / 1000 - HOUR })), options);
const refresh = analyzeToken(signClaims(adminClaims({ token_type: 'refresh' })), options);
const garbage = analyzeToken('not-a-jwt', options);
const empty = analyzeToken('', options);

const codes = (messages: Array<{ code: string }>) => messages.map((message) => message.code);

describe('endpointVerdict on a required Bearer operation', () => {
  const required = auth([{ BearerAuth: [] }]);

  it('accepts an SSO token as the user', () => {
    const verdict = endpointVerdict(sso, required);

    expect(verdict.outcome).toBe('accepted');
    expect(verdict.acceptedAs).toBe('sso');
    expect(verdict.response).toBeNull();
    expect(verdict.certainty).toBe('likely');
    expect(codes(verdict.messages)).toEqual(['ENDPOINT_ACCEPTED_SSO']);
    expect(verdict.messages[0]!.text).toContain('userId 1001');
    expect(verdict.messages[0]!.text).toContain('phone "+910000001001"');
  });

  it('accepts an admin token as the admin', () => {
    const verdict = endpointVerdict(admin, required);

    expect(verdict.outcome).toBe('accepted');
    expect(verdict.acceptedAs).toBe('admin');
    expect(codes(verdict.messages)).toEqual(['ENDPOINT_ACCEPTED_ADMIN']);
    expect(verdict.messages[0]!.text).toContain('user_id 7');
  });

  it('rejects an expired token with 401', () => {
    const verdict = endpointVerdict(expired, required);

    expect(verdict.outcome).toBe('unauthorized');
    expect(verdict.response).toEqual({ status: 401, wwwAuthenticate: 'Bearer' });
    expect(verdict.certainty).toBe('confirmed');
    expect(codes(verdict.messages)).toEqual(['ENDPOINT_UNAUTHORIZED']);
  });

  it('rejects a refresh token with 401', () => {
    expect(endpointVerdict(refresh, required).outcome).toBe('unauthorized');
  });

  it('rejects non-JWT input with 401', () => {
    expect(endpointVerdict(garbage, required).outcome).toBe('unauthorized');
  });

  it('rejects empty input with 401', () => {
    expect(endpointVerdict(empty, required).outcome).toBe('unauthorized');
  });

  it('takes the certainty of a checked signature', async () => {
    const token = signClaims(ssoClaims(), 'endpoint-secret');
    const checked = await analyzeTokenWithSecrets(token, {
      ...options,
      ssoSecret: 'endpoint-secret',
    });

    expect(endpointVerdict(checked, required).certainty).toBe('confirmed');
  });

  it('treats a global requirement like a per-operation one', () => {
    const global = auth(undefined, [{ BearerAuth: [] }]);

    expect(global.declaredOnOperation).toBe(false);
    expect(endpointVerdict(expired, global).outcome).toBe('unauthorized');
    expect(endpointVerdict(admin, global).outcome).toBe('accepted');
  });

  it('lets an operation override a global requirement', () => {
    const overridden = auth([], [{ BearerAuth: [] }]);

    expect(endpointVerdict(expired, overridden).outcome).toBe('token-not-read');
  });

  it('matches the default choice of the decoder', () => {
    expect(ANY_BEARER_ROUTE).toEqual(required);
  });
});

describe('endpointVerdict on an optional Bearer operation', () => {
  const optional = auth([{ BearerAuth: [] }, {}]);

  it('accepts a valid token and names the fallback', () => {
    const verdict = endpointVerdict(sso, optional);

    expect(verdict.outcome).toBe('accepted');
    expect(codes(verdict.messages)).toEqual([
      'ENDPOINT_ACCEPTED_SSO',
      'ENDPOINT_OPTIONAL_FALLBACK',
    ]);
  });

  it('goes on as anonymous with an expired token', () => {
    const verdict = endpointVerdict(expired, optional);

    expect(verdict.outcome).toBe('anonymous');
    expect(verdict.response).toBeNull();
    expect(codes(verdict.messages)).toEqual(['ENDPOINT_OPTIONAL_ANONYMOUS']);
    expect(verdict.messages[0]!.text).toContain('does not cause a 401');
    expect(verdict.messages[0]!.text).toContain('public data');
  });

  it('goes on as anonymous with a refresh token', () => {
    expect(endpointVerdict(refresh, optional).outcome).toBe('anonymous');
  });

  it('goes on as anonymous with no token', () => {
    expect(endpointVerdict(empty, optional).outcome).toBe('anonymous');
  });

  it('reads an optional global requirement', () => {
    expect(endpointVerdict(expired, auth(undefined, [{}, { BearerAuth: [] }])).outcome).toBe(
      'anonymous',
    );
  });
});

describe('endpointVerdict on operations without a token', () => {
  it('ignores the token when security is empty', () => {
    const verdict = endpointVerdict(expired, auth([]));

    expect(verdict.outcome).toBe('token-not-read');
    expect(verdict.response).toBeNull();
    expect(codes(verdict.messages)).toEqual(['ENDPOINT_NO_AUTH']);
  });

  it('ignores the token when the only alternative is empty', () => {
    expect(endpointVerdict(sso, auth([{}])).outcome).toBe('token-not-read');
  });

  it('does not judge an unstated security', () => {
    const verdict = endpointVerdict(sso, auth(undefined));

    expect(verdict.outcome).toBe('not-judged');
    expect(codes(verdict.messages)).toEqual(['ENDPOINT_AUTH_NOT_STATED']);
  });
});

describe('endpointVerdict on header token operations', () => {
  for (const [scheme, header] of [
    ['ApiKeyAuth', 'X-LMS-OPEN-API-KEY'],
    ['VendorTokenAuth', 'X-Vendor-Token'],
    ['EnrollmentFormVendorTokenAuth', 'X-Enrollment-Form-Vendor-Token'],
  ] as const) {
    it(`names ${header} and ${scheme}`, () => {
      const verdict = endpointVerdict(admin, auth([{ [scheme]: [] }]));

      expect(verdict.outcome).toBe('header-credential');
      expect(verdict.acceptedAs).toBeNull();
      expect(verdict.headerCredentials).toEqual([{ scheme, header }]);
      expect(codes(verdict.messages)).toEqual([
        'ENDPOINT_BEARER_NOT_READ',
        'ENDPOINT_HEADER_REQUIRED',
        'ENDPOINT_HEADER_SCHEME',
      ]);
      expect(verdict.messages[0]!.text).toContain(`the ${header} header`);
      expect(verdict.messages[2]!.text).toContain(`select the security scheme ${scheme}`);
    });
  }

  it('ignores which token is sent', () => {
    const route = auth([{ VendorTokenAuth: [] }]);

    expect(endpointVerdict(expired, route)).toEqual(endpointVerdict(sso, route));
  });

  it('says when the header is optional', () => {
    const verdict = endpointVerdict(sso, auth([{ ApiKeyAuth: [] }, {}]));

    expect(codes(verdict.messages)).toContain('ENDPOINT_HEADER_OPTIONAL');
    expect(codes(verdict.messages)).not.toContain('ENDPOINT_HEADER_REQUIRED');
  });

  it('reads a global header requirement', () => {
    const verdict = endpointVerdict(sso, auth(undefined, [{ VendorTokenAuth: [] }]));

    expect(verdict.headerCredentials).toEqual([
      { scheme: 'VendorTokenAuth', header: 'X-Vendor-Token' },
    ]);
  });
});

describe('endpointVerdict on several alternatives', () => {
  const either = auth([{ BearerAuth: [] }, { ApiKeyAuth: [] }]);

  it('accepts a valid token and names the header', () => {
    const verdict = endpointVerdict(admin, either);

    expect(verdict.outcome).toBe('accepted');
    expect(codes(verdict.messages)).toEqual([
      'ENDPOINT_ACCEPTED_ADMIN',
      'ENDPOINT_HEADER_ALTERNATIVE',
      'ENDPOINT_HEADER_SCHEME',
    ]);
    expect(verdict.messages[1]!.text).toContain('X-LMS-OPEN-API-KEY');
  });

  it('rejects a failing token, names the header', () => {
    const verdict = endpointVerdict(expired, either);

    expect(verdict.outcome).toBe('unauthorized');
    expect(verdict.response).toEqual({ status: 401, wwwAuthenticate: 'Bearer' });
    expect(codes(verdict.messages)).toEqual([
      'ENDPOINT_UNAUTHORIZED_UNLESS_HEADER',
      'ENDPOINT_HEADER_SCHEME',
    ]);
    expect(verdict.messages[0]!.text).toContain('the X-LMS-OPEN-API-KEY header');
    expect(verdict.messages[1]!.text).toContain('ApiKeyAuth');
  });

  it('names every header of several header schemes', () => {
    const verdict = endpointVerdict(sso, auth([{ VendorTokenAuth: [] }, { ApiKeyAuth: [] }]));

    expect(verdict.messages[0]!.text).toContain('the X-Vendor-Token or X-LMS-OPEN-API-KEY header');
    expect(verdict.headerCredentials).toHaveLength(2);
  });

  it('does not judge schemes needed together', () => {
    const verdict = endpointVerdict(sso, auth([{ ApiKeyAuth: [], VendorTokenAuth: [] }]));

    expect(verdict.outcome).toBe('not-judged');
    expect(codes(verdict.messages)).toEqual(['ENDPOINT_COMBINED_SCHEMES']);
    expect(verdict.messages[0]!.text).toContain('ApiKeyAuth, VendorTokenAuth');
  });

  it('judges the Bearer part next to a combination', () => {
    const verdict = endpointVerdict(
      expired,
      auth([{ BearerAuth: [] }, { ApiKeyAuth: [], VendorTokenAuth: [] }]),
    );

    expect(verdict.outcome).toBe('unauthorized');
    expect(codes(verdict.messages)).toEqual(['ENDPOINT_UNAUTHORIZED', 'ENDPOINT_COMBINED_SCHEMES']);
  });
});

describe('endpointTitle', () => {
  it.each([
    [sso, auth([{ BearerAuth: [] }]), 'Likely: Accepted as an SSO user'],
    [admin, auth([{ BearerAuth: [] }]), 'Likely: Accepted as an admin'],
    [expired, auth([{ BearerAuth: [] }]), 'Confirmed: 401 Unauthorized'],
    [
      expired,
      auth([{ BearerAuth: [] }, {}]),
      'Confirmed: No 401, the request goes on as anonymous with public data',
    ],
    [
      sso,
      auth([{ VendorTokenAuth: [] }]),
      'Bearer token not checked: this operation reads the X-Vendor-Token header',
    ],
    [sso, auth([]), 'Token not checked: this operation takes no authentication'],
  ])('titles case %#', (report, route, title) => {
    expect(endpointTitle(endpointVerdict(report, route))).toBe(title);
  });
});
