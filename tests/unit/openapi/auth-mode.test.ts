import { describe, expect, it } from 'vitest';
import {
  alternativeLabel,
  authBadges,
  authStatement,
  deriveOperationAuth,
  SECURITY_SCHEMES,
  type OperationAuth,
} from '../../../src/lib/openapi/auth-mode';

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

function derive(operationSecurity: unknown, documentSecurity?: unknown): OperationAuth {
  return deriveOperationAuth(operationSecurity, documentSecurity, SCHEMES);
}

describe('deriveOperationAuth', () => {
  it('reads an empty security as none', () => {
    expect(derive([])).toEqual({ mode: 'none', alternatives: [], declaredOnOperation: true });
  });

  it('reads a missing security as unspecified', () => {
    expect(derive(undefined)).toEqual({
      mode: 'unspecified',
      alternatives: [],
      declaredOnOperation: false,
    });
  });

  it('reads a security that is not a list as unspecified', () => {
    const auth = derive({ BearerAuth: [] });

    expect(auth.mode).toBe('unspecified');
    expect(auth.declaredOnOperation).toBe(false);
  });

  it('inherits the document security', () => {
    expect(derive(undefined, [{ BearerAuth: [] }])).toEqual({
      mode: 'required',
      alternatives: [{ kind: 'bearer', scheme: 'BearerAuth' }],
      declaredOnOperation: false,
    });
  });

  it('inherits an empty document security as none', () => {
    expect(derive(undefined, [])).toEqual({
      mode: 'none',
      alternatives: [],
      declaredOnOperation: false,
    });
  });

  it('prefers operation over document security', () => {
    expect(derive([], [{ BearerAuth: [] }])).toEqual({
      mode: 'none',
      alternatives: [],
      declaredOnOperation: true,
    });
  });

  it('reads a lone empty requirement as none', () => {
    expect(derive([{}])).toEqual({ mode: 'none', alternatives: [], declaredOnOperation: true });
  });

  it('reads Bearer or anonymous as optional', () => {
    expect(derive([{ BearerAuth: [] }, {}])).toEqual({
      mode: 'optional',
      alternatives: [{ kind: 'bearer', scheme: 'BearerAuth' }],
      declaredOnOperation: true,
    });
  });

  it('reads anonymous first as optional too', () => {
    expect(derive([{}, { BearerAuth: [] }]).mode).toBe('optional');
  });

  it('reads a required Bearer scheme', () => {
    expect(derive([{ BearerAuth: [] }])).toEqual({
      mode: 'required',
      alternatives: [{ kind: 'bearer', scheme: 'BearerAuth' }],
      declaredOnOperation: true,
    });
  });

  it.each([
    ['ApiKeyAuth', 'X-LMS-OPEN-API-KEY'],
    ['VendorTokenAuth', 'X-Vendor-Token'],
    ['EnrollmentFormVendorTokenAuth', 'X-Enrollment-Form-Vendor-Token'],
  ])('reads %s as the header %s', (scheme, header) => {
    expect(derive([{ [scheme]: [] }])).toEqual({
      mode: 'required',
      alternatives: [{ kind: 'header', scheme, header }],
      declaredOnOperation: true,
    });
  });

  it('keeps several alternatives in document order', () => {
    const auth = derive([{ VendorTokenAuth: [] }, { BearerAuth: [] }, { ApiKeyAuth: [] }]);

    expect(auth.mode).toBe('required');
    expect(auth.alternatives).toEqual([
      { kind: 'header', scheme: 'VendorTokenAuth', header: 'X-Vendor-Token' },
      { kind: 'bearer', scheme: 'BearerAuth' },
      { kind: 'header', scheme: 'ApiKeyAuth', header: 'X-LMS-OPEN-API-KEY' },
    ]);
  });

  it('reads schemes combined in one requirement as other', () => {
    expect(derive([{ BearerAuth: [], ApiKeyAuth: [] }])).toEqual({
      mode: 'required',
      alternatives: [{ kind: 'other', schemes: ['BearerAuth', 'ApiKeyAuth'] }],
      declaredOnOperation: true,
    });
  });

  it('reads an undefined scheme as other', () => {
    expect(derive([{ UnknownAuth: [] }]).alternatives).toEqual([
      { kind: 'other', schemes: ['UnknownAuth'] },
    ]);
  });

  it('reads a query apiKey as other', () => {
    const auth = deriveOperationAuth([{ QueryKey: [] }], undefined, {
      QueryKey: { type: 'apiKey', in: 'query', name: 'key' },
    });

    expect(auth.alternatives).toEqual([{ kind: 'other', schemes: ['QueryKey'] }]);
  });

  it('matches the bearer scheme without regard to case', () => {
    const auth = deriveOperationAuth([{ Jwt: [] }], undefined, {
      Jwt: { type: 'http', scheme: 'Bearer' },
    });

    expect(auth.alternatives).toEqual([{ kind: 'bearer', scheme: 'Jwt' }]);
  });

  it('reads http basic as other', () => {
    const auth = deriveOperationAuth([{ Basic: [] }], undefined, {
      Basic: { type: 'http', scheme: 'basic' },
    });

    expect(auth.alternatives).toEqual([{ kind: 'other', schemes: ['Basic'] }]);
  });

  it('reads every scheme as other without schemes', () => {
    const auth = deriveOperationAuth([{ BearerAuth: [] }], undefined);

    expect(auth.alternatives).toEqual([{ kind: 'other', schemes: ['BearerAuth'] }]);
  });
});

describe('SECURITY_SCHEMES', () => {
  it('matches the headers of the real document', () => {
    expect(SECURITY_SCHEMES.ApiKeyAuth.header).toBe(SCHEMES.ApiKeyAuth.name);
    expect(SECURITY_SCHEMES.VendorTokenAuth.header).toBe(SCHEMES.VendorTokenAuth.name);
    expect(SECURITY_SCHEMES.EnrollmentFormVendorTokenAuth.header).toBe(
      SCHEMES.EnrollmentFormVendorTokenAuth.name,
    );
  });
});

describe('alternativeLabel', () => {
  it('labels a Bearer scheme', () => {
    expect(alternativeLabel({ kind: 'bearer', scheme: 'BearerAuth' })).toBe('Bearer');
  });

  it('labels a header scheme with its header', () => {
    expect(
      alternativeLabel({ kind: 'header', scheme: 'VendorTokenAuth', header: 'X-Vendor-Token' }),
    ).toBe('X-Vendor-Token');
  });

  it('labels combined schemes with a plus', () => {
    expect(alternativeLabel({ kind: 'other', schemes: ['BearerAuth', 'ApiKeyAuth'] })).toBe(
      'BearerAuth + ApiKeyAuth',
    );
  });
});

describe('authBadges and authStatement', () => {
  it.each<[string, OperationAuth, Array<{ label: string; tone: string }>, string]>([
    ['none', derive([]), [{ label: 'No auth', tone: 'none' }], 'Authentication: none'],
    [
      'unspecified',
      derive(undefined),
      [{ label: 'Auth not stated', tone: 'unspecified' }],
      'Authentication: not stated',
    ],
    [
      'Bearer required',
      derive([{ BearerAuth: [] }]),
      [{ label: 'Bearer required', tone: 'bearer-required' }],
      'Authentication: Bearer JWT (required)',
    ],
    [
      'Bearer optional',
      derive([{ BearerAuth: [] }, {}]),
      [{ label: 'Bearer optional', tone: 'bearer-optional' }],
      'Authentication: Bearer JWT (optional)',
    ],
    [
      'ApiKeyAuth',
      derive([{ ApiKeyAuth: [] }]),
      [{ label: 'X-LMS-OPEN-API-KEY', tone: 'header' }],
      'Authentication: X-LMS-OPEN-API-KEY header (required)',
    ],
    [
      'VendorTokenAuth',
      derive([{ VendorTokenAuth: [] }]),
      [{ label: 'X-Vendor-Token', tone: 'header' }],
      'Authentication: X-Vendor-Token header (required)',
    ],
    [
      'EnrollmentFormVendorTokenAuth',
      derive([{ EnrollmentFormVendorTokenAuth: [] }]),
      [{ label: 'X-Enrollment-Form-Vendor-Token', tone: 'header' }],
      'Authentication: X-Enrollment-Form-Vendor-Token header (required)',
    ],
    [
      'optional header',
      derive([{ VendorTokenAuth: [] }, {}]),
      [{ label: 'X-Vendor-Token (optional)', tone: 'header' }],
      'Authentication: X-Vendor-Token header (optional)',
    ],
    [
      'Bearer or ApiKeyAuth',
      derive([{ BearerAuth: [] }, { ApiKeyAuth: [] }]),
      [
        { label: 'Bearer required', tone: 'bearer-required' },
        { label: 'X-LMS-OPEN-API-KEY', tone: 'header' },
      ],
      'Authentication: Bearer JWT or X-LMS-OPEN-API-KEY header (required)',
    ],
    [
      'Bearer and ApiKeyAuth',
      derive([{ BearerAuth: [], ApiKeyAuth: [] }]),
      [{ label: 'BearerAuth + ApiKeyAuth', tone: 'other' }],
      'Authentication: BearerAuth + ApiKeyAuth (required)',
    ],
  ])('describes %s', (_case, auth, badges, statement) => {
    expect(authBadges(auth)).toEqual(badges);
    expect(authStatement(auth)).toBe(statement);
  });
});
