/**
 * Derives how an operation authenticates from its OpenAPI `security`. Every part of the site that
 * shows an auth mode (badges, descriptions, the token decoder's verdicts) uses this module.
 */

/** Names of the security schemes the Miles USP API defines, with the header each one reads. */
export const SECURITY_SCHEMES = {
  BearerAuth: { type: 'http', scheme: 'bearer', header: 'Authorization' },
  ApiKeyAuth: { type: 'apiKey', in: 'header', header: 'X-LMS-OPEN-API-KEY' },
  VendorTokenAuth: { type: 'apiKey', in: 'header', header: 'X-Vendor-Token' },
  EnrollmentFormVendorTokenAuth: {
    type: 'apiKey',
    in: 'header',
    header: 'X-Enrollment-Form-Vendor-Token',
  },
} as const;

export type SchemeName = keyof typeof SECURITY_SCHEMES;

/** One way to satisfy an operation's `security`. */
export type AuthAlternative =
  | { kind: 'anonymous' }
  | { kind: 'bearer'; scheme: string }
  | { kind: 'header'; scheme: string; header: string }
  | { kind: 'other'; schemes: string[] };

/**
 * The auth mode of an operation: `none` (`security: []`), `required` (every alternative needs a
 * credential), `optional` (an empty `{}` among the alternatives) or `unspecified` (no `security`
 * on the operation nor at the document's top level).
 */
export type AuthMode = 'none' | 'required' | 'optional' | 'unspecified';

export interface OperationAuth {
  mode: AuthMode;
  /** The alternatives that carry a credential, in document order. Empty for `none`. */
  alternatives: Exclude<AuthAlternative, { kind: 'anonymous' }>[];
  /** Whether the operation declares `security` itself rather than inheriting it. */
  declaredOnOperation: boolean;
}

type SecurityRequirement = Record<string, unknown>;
type SchemeObject = { type?: unknown; in?: unknown; name?: unknown; scheme?: unknown };

/**
 * Derives the auth mode of one operation. `schemes` is the document's
 * `components.securitySchemes`, used to tell header tokens from Bearer schemes.
 */
export function deriveOperationAuth(
  operationSecurity: unknown,
  documentSecurity: unknown,
  schemes: Record<string, unknown> = {},
): OperationAuth {
  const declaredOnOperation = Array.isArray(operationSecurity);
  const security = declaredOnOperation ? operationSecurity : documentSecurity;

  if (!Array.isArray(security)) {
    return { mode: 'unspecified', alternatives: [], declaredOnOperation };
  }
  if (security.length === 0) {
    return { mode: 'none', alternatives: [], declaredOnOperation };
  }

  const alternatives = security.map((requirement) =>
    toAlternative(requirement as SecurityRequirement, schemes),
  );
  const credentialed = alternatives.filter((item) => item.kind !== 'anonymous');
  const hasAnonymous = credentialed.length < alternatives.length;

  return {
    mode: hasAnonymous ? (credentialed.length === 0 ? 'none' : 'optional') : 'required',
    alternatives: credentialed,
    declaredOnOperation,
  };
}

function toAlternative(
  requirement: SecurityRequirement,
  schemes: Record<string, unknown>,
): AuthAlternative {
  const names = Object.keys(requirement ?? {});
  if (names.length === 0) return { kind: 'anonymous' };
  if (names.length > 1) return { kind: 'other', schemes: names };

  const name = names[0]!;
  const scheme = (schemes[name] ?? {}) as SchemeObject;
  if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') {
    return { kind: 'bearer', scheme: name };
  }
  if (scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string') {
    return { kind: 'header', scheme: name, header: scheme.name };
  }
  return { kind: 'other', schemes: names };
}

/** Returns a short label for one alternative, as shown on a badge. */
export function alternativeLabel(alternative: OperationAuth['alternatives'][number]): string {
  switch (alternative.kind) {
    case 'bearer':
      return 'Bearer';
    case 'header':
      return alternative.header;
    case 'other':
      return alternative.schemes.join(' + ');
  }
}

/** Returns one badge per alternative, with the text shown to the reader. */
export function authBadges(auth: OperationAuth): Array<{ label: string; tone: string }> {
  if (auth.mode === 'none') return [{ label: 'No auth', tone: 'none' }];
  if (auth.mode === 'unspecified') return [{ label: 'Auth not stated', tone: 'unspecified' }];

  return auth.alternatives.map((alternative) => {
    const base = alternativeLabel(alternative);
    if (alternative.kind === 'bearer') {
      const suffix = auth.mode === 'optional' ? 'optional' : 'required';
      return { label: `${base} ${suffix}`, tone: `bearer-${suffix}` };
    }
    const suffix = auth.mode === 'optional' ? ' (optional)' : '';
    return { label: `${base}${suffix}`, tone: alternative.kind === 'header' ? 'header' : 'other' };
  });
}

/**
 * The words an operation's description must contain to state its auth mode, such as
 * `Authentication: none` or `Authentication: Bearer JWT (required)`.
 */
export function authStatement(auth: OperationAuth): string {
  if (auth.mode === 'unspecified') return 'Authentication: not stated';
  if (auth.mode === 'none') return 'Authentication: none';

  const parts = auth.alternatives.map((alternative) => {
    if (alternative.kind === 'bearer') return 'Bearer JWT';
    if (alternative.kind === 'header') return `${alternative.header} header`;
    return alternative.schemes.join(' + ');
  });
  const suffix = auth.mode === 'optional' ? 'optional' : 'required';
  return `Authentication: ${parts.join(' or ')} (${suffix})`;
}
