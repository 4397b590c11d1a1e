import { describe, expect, it } from 'vitest';

import { checkOperations } from '../../../src/lib/openapi/rules';

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

/** A `401` response as the rules require it. */
const UNAUTHORIZED = { description: 'Unauthorized', headers: { 'WWW-Authenticate': {} } };

/**
 * Checks a document with one operation, GET /me, with the given description and security. The
 * operation has a valid `401` response unless `responses` replaces it.
 */
function checkOne(
  description: string,
  security: unknown,
  responses: Record<string, unknown> = { '401': UNAUTHORIZED },
) {
  const document = {
    paths: { '/me': { get: { description, security, responses } } },
    components: { securitySchemes: SCHEMES },
  };
  return checkOperations(document, 'api.yaml');
}

describe('checkOperations 401 response', () => {
  const REQUIRED = '**Authentication: Bearer JWT (required).**';

  it('names a Bearer operation without 401', () => {
    expect(checkOne(REQUIRED, [{ BearerAuth: [] }], {})).toEqual([
      {
        file: 'api.yaml',
        location: '/paths/~1me/get/responses',
        message: 'GET /me requires a Bearer JWT but documents no 401 response.',
        fix: "Add \"'401': { $ref: '#/components/responses/Unauthorized' }\" to its responses.",
      },
    ]);
  });

  it.each<[string, unknown]>([
    ['**Authentication: none.**', []],
    ['**Authentication: Bearer JWT (optional).**', [{ BearerAuth: [] }, {}]],
    ['**Authentication: X-Vendor-Token header (required).**', [{ VendorTokenAuth: [] }]],
  ])('needs no 401 for %s', (description, security) => {
    expect(checkOne(description, security, {})).toEqual([]);
  });
});

describe('checkOperations auth statement', () => {
  it.each<[string, unknown]>([
    ['**Authentication: none.** Returns public data.', []],
    ['**Authentication: Bearer JWT (required).** Returns the caller.', [{ BearerAuth: [] }]],
    ['**Authentication: Bearer JWT (optional).** More when signed in.', [{ BearerAuth: [] }, {}]],
    ['Returns the caller. authentication: bearer jwt (required).', [{ BearerAuth: [] }]],
    [
      '**Authentication: X-Vendor-Token header (required).** For vendors.',
      [{ VendorTokenAuth: [] }],
    ],
  ])('accepts %j', (description, security) => {
    expect(checkOne(description, security)).toEqual([]);
  });

  it('names the missing statement', () => {
    expect(checkOne('Returns the caller.', [{ BearerAuth: [] }])).toEqual([
      {
        file: 'api.yaml',
        location: '/paths/~1me/get/description',
        message: 'The description of GET /me does not state its auth mode.',
        fix: 'Start the description with "**Authentication: Bearer JWT (required).**".',
      },
    ]);
  });

  it('names both modes when they disagree', () => {
    expect(checkOne('**Authentication: none.** Returns the caller.', [{ BearerAuth: [] }])).toEqual(
      [
        {
          file: 'api.yaml',
          location: '/paths/~1me/get/description',
          message:
            'The description of GET /me states "Authentication: none", but its security, ' +
            '[{"BearerAuth":[]}], gives "Authentication: Bearer JWT (required)".',
          fix:
            'Replace "Authentication: none" with "Authentication: Bearer JWT (required)" in the ' +
            'description, or change "security" if the description is right.',
        },
      ],
    );
  });

  it.each<[string, unknown, string, string]>([
    [
      '**Authentication: Bearer JWT (required).** More when signed in.',
      [{ BearerAuth: [] }, {}],
      'Authentication: Bearer JWT (required)',
      'Authentication: Bearer JWT (optional)',
    ],
    [
      '**Authentication: Bearer JWT (required).** For partners.',
      [{ ApiKeyAuth: [] }],
      'Authentication: Bearer JWT (required)',
      'Authentication: X-LMS-OPEN-API-KEY header (required)',
    ],
    [
      'Returns public data.\n\nAuthentication: Bearer JWT (optional)\nMore text.',
      [],
      'Authentication: Bearer JWT (optional)',
      'Authentication: none',
    ],
  ])('names the stated mode of %j', (description, security, stated, expected) => {
    const [problem, ...others] = checkOne(description, security);

    expect(others).toEqual([]);
    expect(problem?.message).toContain(`states "${stated}", but its security`);
    expect(problem?.message).toContain(`gives "${expected}".`);
    expect(problem?.fix).toContain(`Replace "${stated}" with "${expected}" in the description`);
  });
});
