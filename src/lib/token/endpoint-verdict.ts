/**
 * The endpoint verdict: the token report's verdict applied to one operation's auth mode, as
 * `deriveOperationAuth` derives it from the OpenAPI `security`.
 */
import { deriveOperationAuth, SECURITY_SCHEMES, type OperationAuth } from '../openapi/auth-mode.ts';
import { formatList } from './format.ts';
import { createMessage } from './messages.ts';
import type { Certainty, ReportMessage, TokenReport } from './types.ts';

/**
 * `token-not-read`: the operation declares `security: []`.
 * `accepted`: the operation checks the Bearer token and the token passes.
 * `unauthorized`: a required Bearer token fails, so the API responds with 401.
 * `anonymous`: an optional Bearer token fails, so the request goes on without a user.
 * `header-credential`: the operation reads header tokens only, never the Bearer token.
 * `not-judged`: the document states no security, or only combinations of schemes.
 */
export type EndpointOutcome =
  'token-not-read' | 'accepted' | 'unauthorized' | 'anonymous' | 'header-credential' | 'not-judged';

/** A header token that an operation accepts, with the API Explorer scheme that sends it. */
export interface HeaderCredential {
  scheme: string;
  header: string;
}

export interface EndpointVerdict {
  outcome: EndpointOutcome;
  /** The user the request goes on as, for `accepted`; null otherwise. */
  acceptedAs: 'sso' | 'admin' | null;
  /** The token verdict's certainty when the outcome depends on the token, else `confirmed`. */
  certainty: Certainty;
  /** The API's response for `unauthorized`, null otherwise. */
  response: { status: 401; wwwAuthenticate: 'Bearer' } | null;
  headerCredentials: HeaderCredential[];
  /** The summary first, then the facts that qualify it. */
  messages: ReportMessage[];
}

/**
 * The auth of the decoder's default choice, "any route that needs a Bearer JWT", derived from
 * `security: [{ BearerAuth: [] }]` with the BearerAuth scheme of the Miles USP documents.
 */
export const ANY_BEARER_ROUTE: OperationAuth = deriveOperationAuth(
  [{ BearerAuth: [] }],
  undefined,
  {
    BearerAuth: {
      type: SECURITY_SCHEMES.BearerAuth.type,
      scheme: SECURITY_SCHEMES.BearerAuth.scheme,
    },
  },
);

/** Decides what a request with the token of `report` gets from an operation with `auth`. */
export function endpointVerdict(report: TokenReport, auth: OperationAuth): EndpointVerdict {
  if (auth.mode === 'none') {
    return tokenIndependent('token-not-read', [createMessage('ENDPOINT_NO_AUTH')]);
  }
  if (auth.mode === 'unspecified') {
    return tokenIndependent('not-judged', [createMessage('ENDPOINT_AUTH_NOT_STATED')]);
  }

  const optional = auth.mode === 'optional';
  const headerCredentials = auth.alternatives.flatMap((alternative) =>
    alternative.kind === 'header'
      ? [{ scheme: alternative.scheme, header: alternative.header }]
      : [],
  );
  const combined = auth.alternatives.flatMap((alternative) =>
    alternative.kind === 'other'
      ? [createMessage('ENDPOINT_COMBINED_SCHEMES', { schemes: formatList(alternative.schemes) })]
      : [],
  );
  const readsBearer = auth.alternatives.some((alternative) => alternative.kind === 'bearer');

  if (!readsBearer) {
    if (headerCredentials.length === 0) {
      return tokenIndependent('not-judged', combined);
    }
    return headerOnly(headerCredentials, optional, combined);
  }
  return bearerChecked(report, headerCredentials, optional, combined);
}

/** Builds the title shown above the endpoint verdict, such as `Likely: Accepted as an admin`. */
export function endpointTitle(verdict: EndpointVerdict): string {
  const certainty = verdict.certainty === 'confirmed' ? 'Confirmed' : 'Likely';
  switch (verdict.outcome) {
    case 'token-not-read':
      return 'Token not checked: this operation takes no authentication';
    case 'not-judged':
      return 'Not judged: the document does not state a single credential';
    case 'header-credential':
      return `Bearer token not checked: this operation reads ${headerList(verdict.headerCredentials)}`;
    case 'accepted':
      return `${certainty}: Accepted as ${verdict.acceptedAs === 'sso' ? 'an SSO user' : 'an admin'}`;
    case 'unauthorized':
      return `${certainty}: 401 Unauthorized`;
    case 'anonymous':
      return `${certainty}: No 401, the request goes on as anonymous with public data`;
  }
}

function tokenIndependent(outcome: EndpointOutcome, messages: ReportMessage[]): EndpointVerdict {
  return {
    outcome,
    acceptedAs: null,
    certainty: 'confirmed',
    response: null,
    headerCredentials: [],
    messages,
  };
}

function headerOnly(
  headerCredentials: HeaderCredential[],
  optional: boolean,
  combined: ReportMessage[],
): EndpointVerdict {
  const headers = headerList(headerCredentials);
  return {
    outcome: 'header-credential',
    acceptedAs: null,
    certainty: 'confirmed',
    response: null,
    headerCredentials,
    messages: [
      createMessage('ENDPOINT_BEARER_NOT_READ', { headers }),
      createMessage(optional ? 'ENDPOINT_HEADER_OPTIONAL' : 'ENDPOINT_HEADER_REQUIRED', {
        headers,
      }),
      ...headerSchemeMessages(headerCredentials),
      ...combined,
    ],
  };
}

function bearerChecked(
  report: TokenReport,
  headerCredentials: HeaderCredential[],
  optional: boolean,
  combined: ReportMessage[],
): EndpointVerdict {
  const { verdict } = report;
  const schemes = headerSchemeMessages(headerCredentials);
  const alternative =
    headerCredentials.length > 0
      ? [createMessage('ENDPOINT_HEADER_ALTERNATIVE', { headers: headerList(headerCredentials) })]
      : [];
  const base = { headerCredentials, certainty: verdict.certainty };

  if (verdict.verdict === 'sso' || verdict.verdict === 'admin') {
    const identity = {
      userId: verdict.summary.params.userId ?? '(missing)',
      phone: verdict.summary.params.phone ?? '(missing)',
    };
    const code = verdict.verdict === 'sso' ? 'ENDPOINT_ACCEPTED_SSO' : 'ENDPOINT_ACCEPTED_ADMIN';
    return {
      ...base,
      outcome: 'accepted',
      acceptedAs: verdict.verdict,
      response: null,
      messages: [
        createMessage(code, identity),
        ...(optional ? [createMessage('ENDPOINT_OPTIONAL_FALLBACK')] : []),
        ...alternative,
        ...schemes,
        ...combined,
      ],
    };
  }

  if (optional) {
    return {
      ...base,
      outcome: 'anonymous',
      acceptedAs: null,
      response: null,
      messages: [
        createMessage('ENDPOINT_OPTIONAL_ANONYMOUS'),
        ...alternative,
        ...schemes,
        ...combined,
      ],
    };
  }

  const summary =
    headerCredentials.length > 0
      ? createMessage('ENDPOINT_UNAUTHORIZED_UNLESS_HEADER', {
          headers: headerList(headerCredentials),
        })
      : createMessage('ENDPOINT_UNAUTHORIZED');
  return {
    ...base,
    outcome: 'unauthorized',
    acceptedAs: null,
    response: { status: 401, wwwAuthenticate: 'Bearer' },
    messages: [summary, ...schemes, ...combined],
  };
}

function headerSchemeMessages(headerCredentials: HeaderCredential[]): ReportMessage[] {
  return headerCredentials.map((credential) =>
    createMessage('ENDPOINT_HEADER_SCHEME', { ...credential }),
  );
}

/** Names the headers, such as `the X-Vendor-Token header` or `the A or B header`. */
function headerList(headerCredentials: HeaderCredential[]): string {
  const names = headerCredentials.map((credential) => credential.header);
  return `the ${names.join(' or ')} header`;
}
