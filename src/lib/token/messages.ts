import type { MessageParams, PathId, ReportMessage, Severity, StepId } from './types.ts';

/** A catalogue entry: `text` is the template, `meaning` one line for the documentation page. */
export interface CatalogueEntry {
  severity: Severity;
  text: string;
  meaning: string;
}

function entry(severity: Severity, text: string, meaning: string): CatalogueEntry {
  return { severity, text, meaning };
}

/**
 * Every message of the token analysis, keyed by its stable code. Placeholders such as `{claim}`
 * are filled from the message's params. Facts about PyJWT name the versions they apply to:
 * "tested" marks behaviour run against PyJWT 2.6.0 and 2.15.1, other versions come from the
 * PyJWT changelog.
 */
export const MESSAGE_CATALOGUE = {
  // Input clean-up
  INPUT_NOT_STRING: entry(
    'error',
    'The input is a {type}, not a string. Pass the token as text.',
    'The analysis received a value that is not a string.',
  ),
  INPUT_TOO_LARGE: entry(
    'error',
    'The input is {size} characters long, over the limit of {limit} characters, so it was not decoded. Check that you pasted only the token.',
    'Input longer than 65,536 characters is rejected before any decoding.',
  ),
  INPUT_EMPTY: entry(
    'error',
    'The input is empty. Paste the token from the Authorization header.',
    'Nothing but whitespace was entered.',
  ),
  INPUT_TRIMMED: entry(
    'info',
    'Removed the whitespace around the token (count: {count}).',
    'Leading and trailing whitespace was removed before decoding.',
  ),
  AUTH_HEADER_NAME_REMOVED: entry(
    'info',
    'Removed the header name "Authorization:" in front of the token.',
    'The input was a whole header line; only its value is analyzed.',
  ),
  BEARER_PREFIX_REMOVED: entry(
    'info',
    'Removed the "{prefix}" prefix. The API reads the header "Authorization: Bearer <token>", and this analysis reads the token after the prefix.',
    'The authentication scheme in front of the token was removed.',
  ),
  BEARER_PREFIX_REPEATED: entry(
    'warning',
    'The input starts with "Bearer" {count} times. The header must contain it once, so fix the client code that adds it. The analysis continues with the text after the last one.',
    'The client added the Bearer scheme more than once.',
  ),
  INPUT_IS_JSON_OBJECT: entry(
    'error',
    'The input is a JSON object, such as the body of a login response, not a token. Paste only the value of "{key}": the text between the quotes after "{key}":.',
    'A JSON object that holds a token in one of its fields was pasted whole.',
  ),
  BEARER_WITHOUT_TOKEN: entry(
    'error',
    'The input is only "{prefix}" with no token after it. The client sent the scheme with an empty token: check that the token is set before the header is built.',
    'The Authorization header had the Bearer scheme but no token.',
  ),
  QUOTES_REMOVED: entry(
    'info',
    'Removed the quotation marks around the token.',
    'The token was pasted with surrounding quotes, for example from JSON.',
  ),
  INNER_WHITESPACE_REMOVED: entry(
    'warning',
    'Removed whitespace, line breaks or zero-width characters from inside the token (count: {count}). They usually come from copying a wrapped line. A token that contains them is invalid, so send it without them.',
    'Characters inside the token that a JWT cannot contain were removed before decoding.',
  ),
  STRINGIFIED_VALUE: entry(
    'error',
    'The token is the text "{value}", which is what JavaScript writes for a value that is not a string, such as an object, undefined or null. Fix the code that builds the Authorization header so that it inserts the token string.',
    'A programming error converted a non-string value to text in the header.',
  ),
  INVALID_CHARACTERS: entry(
    'error',
    'The token contains characters that a JWT cannot contain: {characters}, the first at position {position}. A JWT uses only the letters A-Z and a-z, the digits 0-9, "-", "_" and ".".',
    'The token has characters outside the base64url alphabet and the dot.',
  ),

  // Structure and base64url
  STRUCTURE_JWS: entry(
    'info',
    'The token has 3 segments, header.payload.signature: a signed JWT in JWS compact serialization.',
    'The token has the shape of a signed JWT.',
  ),
  STRUCTURE_JWE: entry(
    'error',
    'The token has 5 segments: an encrypted JWT (JWE). The API reads only signed JWTs with 3 segments, so it cannot read this token.',
    'The token is encrypted, which the backend does not support.',
  ),
  STRUCTURE_NOT_JWT: entry(
    'error',
    'Number of dot-separated segments: {count}. A signed JWT has exactly 3 (header.payload.signature), so this is not a JWT the API can read.',
    'The token does not have the 3 segments of a signed JWT.',
  ),
  SEGMENT_EMPTY: entry(
    'error',
    'The {segment} segment is empty, so PyJWT cannot decode the token.',
    'The header or payload segment has no content.',
  ),
  SEGMENT_BAD_LENGTH: entry(
    'error',
    'The {segment} segment has a length of {length} characters, which base64url text never has. A character was probably lost when copying.',
    'A segment has a length that leaves a remainder of 1 when divided by 4.',
  ),
  SEGMENT_BAD_PADDING: entry(
    'error',
    'The {segment} segment has "=" inside it, where base64 does not allow it. PyJWT rejects the token with DecodeError (tested with 2.6.0 and 2.15.1).',
    'A segment has "=" padding before its end.',
  ),
  SEGMENT_STANDARD_BASE64: entry(
    'warning',
    'The {segment} segment contains "+" or "/", characters of standard base64. JWT segments use base64url, with "-" and "_" in their place. PyJWT before 2.14.0 decodes them anyway (tested with 2.6.0), but PyJWT 2.14.0 and later reject the token with DecodeError. Encode the segments with base64url.',
    'A segment uses the standard base64 alphabet, which only older PyJWT versions accept.',
  ),
  SEGMENT_PADDED: entry(
    'warning',
    'The {segment} segment ends with "=" padding, which base64url in a JWT leaves out. PyJWT 2.14.0 rejects it, while PyJWT 2.6.0 and 2.15.1 accept it (tested). Remove the "=" characters.',
    'A segment has trailing "=" padding, which some PyJWT versions reject.',
  ),
  SEGMENT_WRONG_PADDING: entry(
    'warning',
    'The {segment} segment ends with {count} "=" characters, which does not fit its length. PyJWT 2.6.0 ignores them, but PyJWT 2.15.1 rejects the token with DecodeError (tested). Remove the "=" characters.',
    'A segment has more or fewer "=" padding characters than base64 needs.',
  ),
  SEGMENT_NONCANONICAL: entry(
    'warning',
    'The last character of the {segment} segment sets bits that a base64url encoder always leaves at zero, so the segment was not produced as is by an encoder. PyJWT 2.14.0 and later reject it, earlier versions accept it. A character may have been changed by hand.',
    'A segment is not in the canonical base64url form that PyJWT 2.14.0 and later require.',
  ),
  INVALID_UTF8: entry(
    'error',
    'The {segment} segment decodes to bytes that are not valid UTF-8 text. PyJWT raises DecodeError on it, so the token is invalid.',
    'A JSON segment is not UTF-8 text.',
  ),
  HEADER_NOT_JSON: entry(
    'error',
    'The header is not JSON: {error}. PyJWT raises DecodeError "Invalid header string".',
    'The header segment does not decode to JSON.',
  ),
  HEADER_NOT_OBJECT: entry(
    'error',
    'The header is a JSON {type}, not an object. PyJWT raises DecodeError "Invalid header string: must be a json object".',
    'The header is valid JSON but not an object.',
  ),
  PAYLOAD_NOT_JSON: entry(
    'error',
    'The payload is not JSON: {error}. PyJWT raises DecodeError "Invalid payload string".',
    'The payload segment does not decode to JSON.',
  ),
  PAYLOAD_NOT_OBJECT: entry(
    'error',
    'The payload is a JSON {type}, not an object. PyJWT raises DecodeError "Invalid payload string: must be a json object".',
    'The payload is valid JSON but not an object, for example an array.',
  ),
  DECODE_FAILED: entry(
    'error',
    'The jose library could not decode the {segment}: {error}.',
    'jose rejected a segment that this analysis decoded without error.',
  ),
  UNSAFE_INTEGER: entry(
    'warning',
    '{path} is {raw} in the token. That is above 2^53, so JavaScript rounds it to {parsed} when it parses the JSON, while the backend (Python) reads the exact value. The raw JSON text keeps the exact digits.',
    'An integer in the payload is too large for a JavaScript number.',
  ),

  // Header and signature
  ALG_MISSING: entry(
    'error',
    'The header has no "alg" parameter. PyJWT raises InvalidAlgorithmError.',
    'The header does not name a signing algorithm.',
  ),
  ALG_NONE: entry(
    'error',
    'The header has "alg": "none", so the token is unsigned. The backend never accepts it: PyJWT rejects alg none whenever it verifies signatures (tested with 2.6.0 and 2.15.1).',
    'The token is unsigned, which the backend always rejects.',
  ),
  ALG_NOT_ACCEPTED: entry(
    'error',
    'The header has "alg": {alg}, but the accepted algorithms are {accepted}. PyJWT raises InvalidAlgorithmError "The specified alg value is not allowed".',
    'The signing algorithm is not in the accepted list.',
  ),
  SIGNATURE_MALFORMED: entry(
    'error',
    'The signature is {actual} bytes long, but {alg} always produces {expected} bytes, so no key can verify it.',
    'The signature length does not fit the algorithm, so verification must fail.',
  ),
  CRYPTO_UNAVAILABLE: entry(
    'warning',
    'Signatures were not checked because this browser offers no Web Crypto API (crypto.subtle). Browsers offer it only on HTTPS pages and on localhost.',
    'Signature verification needs crypto.subtle, which insecure (HTTP) pages lack.',
  ),

  // Claims
  TOKEN_EXPIRED: entry(
    'error',
    'The token expired at {date} UTC ({relative}). PyJWT raises ExpiredSignatureError.',
    'exp is at or before the reference time.',
  ),
  TOKEN_NOT_YET_VALID: entry(
    'error',
    'The token is not valid before {date} UTC ({relative}). PyJWT raises ImmatureSignatureError.',
    'nbf is after the reference time.',
  ),
  IAT_IN_FUTURE: entry(
    'error',
    'The token was issued in the future: iat is {date} UTC ({relative}). PyJWT 2.6.0 and later raise ImmatureSignatureError for it. Check the clock of the system that issued the token.',
    'iat is after the reference time, which PyJWT 2.6.0 and later reject.',
  ),
  CLAIM_IN_MILLISECONDS: entry(
    'warning',
    '{claim} is {value}, which looks like milliseconds: PyJWT reads it as seconds, which puts it in the year {year}. JWT times are seconds since 1970-01-01 UTC. Read as milliseconds it would be {date} UTC.',
    'A time claim is about 1000 times too large, as if given in milliseconds.',
  ),
  CLAIM_NUMERIC_STRING: entry(
    'warning',
    '{claim} is the string {value}, not a number. PyJWT 2.7.0 and later (tested with 2.15.1) convert it with int() and check it as a number, but RFC 7519 requires a number and other JWT libraries reject it. Issue {claim} as a number.',
    'A time claim is a string of digits instead of a number.',
  ),
  CLAIM_BOOLEAN: entry(
    'warning',
    '{claim} is the boolean {value}, not a number. PyJWT converts it with int() to {number}, a time in 1970 (tested with 2.15.1). Issue {claim} as a number of seconds.',
    'A time claim is true or false instead of a number.',
  ),
  CLAIM_NOT_INTEGER: entry(
    'error',
    '{claim} is {value}, which is not a number of seconds. PyJWT raises {error} "{detail}".',
    'A time claim cannot be converted to an integer, so PyJWT rejects the token.',
  ),
  CLAIM_NOT_STRING: entry(
    'warning',
    '{claim} is a JSON {type}, not a string. PyJWT 2.10.0 and later reject the token with {error}, earlier versions accept it.',
    'sub or jti is not a string, which PyJWT checks from version 2.10.0.',
  ),
  EXP_MISSING: entry(
    'warning',
    'The token has no exp claim, so it never expires. PyJWT accepts that, but SimpleJWT rejects an admin token without exp ("Token has no \'exp\' claim").',
    'The token has no expiration time.',
  ),
  AUD_PRESENT: entry(
    'warning',
    'The token has an aud claim. PyJWT rejects it with InvalidAudienceError "Invalid audience" unless the code that decodes it passes an audience, and whether the SSO decode does is not documented. SimpleJWT ignores aud unless its AUDIENCE setting is set.',
    'An audience claim can make PyJWT reject the token.',
  ),
  REFRESH_TOKEN: entry(
    'error',
    'This is a SimpleJWT refresh token (token_type "refresh"). The API accepts only access tokens, so exchange the refresh token for an access token first.',
    'A refresh token was sent where the API needs an access token.',
  ),

  // Path steps
  STEP_STRUCTURE_PASS: entry(
    'info',
    'The token is a signed JWT whose header and payload decode to JSON objects.',
    'Path step: PyJWT can decode the token.',
  ),
  STEP_STRUCTURE_FAIL: entry(
    'error',
    'PyJWT cannot decode the input as a signed JWT, so this path fails at its first step.',
    'Path step: the token cannot be decoded.',
  ),
  STEP_STRUCTURE_VERSION: entry(
    'warning',
    'Whether PyJWT decodes the token depends on its version, because a segment is not strict base64url.',
    'Path step: decoding depends on the PyJWT version.',
  ),
  STEP_SKIPPED_NOT_DECODED: entry(
    'info',
    'Not checked, because the token could not be decoded.',
    'Path step skipped after a decoding failure.',
  ),
  STEP_ALG_PASS: entry(
    'info',
    'The algorithm {alg} is accepted.',
    'Path step: the algorithm is in the accepted list.',
  ),
  STEP_ALG_FAIL: entry(
    'error',
    'PyJWT raises InvalidAlgorithmError because {alg} is not in the accepted algorithms ({accepted}).',
    'Path step: the algorithm is not accepted.',
  ),
  STEP_ALG_MISSING: entry(
    'error',
    'PyJWT raises InvalidAlgorithmError because the header has no alg.',
    'Path step: the header names no algorithm.',
  ),
  STEP_ALG_NONE: entry(
    'error',
    'PyJWT never accepts alg none when it verifies signatures.',
    'Path step: the token is unsigned.',
  ),
  STEP_SIGNATURE_MATCH: entry(
    'info',
    'The signature matches {key}.',
    'Path step: the signature was verified with the given secret.',
  ),
  STEP_SIGNATURE_NO_MATCH: entry(
    'error',
    'The signature does not match {key}, so PyJWT raises InvalidSignatureError.',
    'Path step: the signature does not match the given secret.',
  ),
  STEP_SIGNATURE_NO_SECRET: entry(
    'warning',
    'Not checked, because {key} was not given.',
    'Path step: no secret was given to verify the signature.',
  ),
  STEP_SIGNATURE_UNAVAILABLE: entry(
    'warning',
    'Not checked, because this browser offers no Web Crypto API (crypto.subtle).',
    'Path step: the browser cannot compute HMAC signatures on this page.',
  ),
  STEP_SIGNATURE_UNCHECKABLE: entry(
    'warning',
    'Not checked, because the jose library could not read the token for verification: {error}.',
    'Path step: the token is not in a form that jose verifies.',
  ),
  STEP_SIGNATURE_NOT_HMAC: entry(
    'warning',
    'Not checked, because {alg} is not an HMAC algorithm, and this page verifies only HMAC signatures made with a shared secret.',
    'Path step: the algorithm needs a public key, which this page does not take.',
  ),
  STEP_SIGNATURE_SKIPPED_ALG: entry(
    'info',
    'Not checked, because PyJWT rejects the algorithm before it checks the signature.',
    'Path step skipped after an algorithm failure.',
  ),
  STEP_SIGNATURE_MALFORMED: entry(
    'error',
    'The signature is {actual} bytes long instead of {expected}, so it cannot match any key.',
    'Path step: the signature length does not fit the algorithm.',
  ),
  STEP_TIME_PASS: entry(
    'info',
    'exp, nbf and iat pass the checks of PyJWT, assuming the default leeway of 0 seconds.',
    'Path step: the time claims are valid at the reference time.',
  ),
  STEP_TIME_NONE: entry(
    'info',
    'The token has no exp, nbf or iat to check.',
    'Path step: the token has no time claims.',
  ),
  STEP_TIME_EXPIRED: entry(
    'error',
    'PyJWT raises ExpiredSignatureError because exp is in the past ({relative}).',
    'Path step: the token has expired.',
  ),
  STEP_TIME_NOT_YET_VALID: entry(
    'error',
    'PyJWT raises ImmatureSignatureError because nbf is in the future ({relative}).',
    'Path step: the token is not valid yet.',
  ),
  STEP_TIME_IAT_FUTURE: entry(
    'error',
    'PyJWT 2.6.0 and later raise ImmatureSignatureError because iat is in the future ({relative}).',
    'Path step: the token was issued in the future.',
  ),
  STEP_TIME_NOT_INTEGER: entry(
    'error',
    'PyJWT raises {error} because {claim} is not a number of seconds.',
    'Path step: a time claim has the wrong type.',
  ),
  STEP_CLAIM_TYPES_PASS: entry(
    'info',
    'sub and jti are strings or absent.',
    'Path step: sub and jti have the type that PyJWT 2.10.0 and later require.',
  ),
  STEP_CLAIM_TYPES_VERSION: entry(
    'warning',
    '{claim} is not a string, so PyJWT 2.10.0 and later reject the token, while earlier versions accept it.',
    'Path step: the outcome depends on the PyJWT version.',
  ),
  STEP_AUDIENCE_UNKNOWN: entry(
    'warning',
    'The token has aud, which PyJWT rejects unless the SSO decode passes an audience, and that is not documented.',
    'Path step: the outcome depends on how the SSO decode is called.',
  ),
  STEP_SSO_IDENTITY_PASS: entry(
    'info',
    'The payload has userId and phone, by which the backend looks up the user.',
    'Path step: the SSO identity claims are present.',
  ),
  STEP_SSO_IDENTITY_FAIL: entry(
    'error',
    'The payload has no {claims}, so it is not an SSO token.',
    'Path step: the SSO identity claims are missing.',
  ),
  STEP_SIMPLEJWT_PASS: entry(
    'info',
    'exp and jti are present and token_type is "access", as SimpleJWT requires.',
    'Path step: the SimpleJWT checks pass.',
  ),
  STEP_SIMPLEJWT_NO_EXP: entry(
    'error',
    'SimpleJWT rejects the token because it has no exp claim ("Token has no \'exp\' claim").',
    'Path step: SimpleJWT requires exp.',
  ),
  STEP_SIMPLEJWT_NO_JTI: entry(
    'error',
    'SimpleJWT rejects the token because it has no jti claim ("Token has no id").',
    'Path step: SimpleJWT requires jti.',
  ),
  STEP_SIMPLEJWT_NO_TYPE: entry(
    'error',
    'SimpleJWT rejects the token because it has no token_type claim ("Token has no type").',
    'Path step: SimpleJWT requires token_type.',
  ),
  STEP_SIMPLEJWT_REFRESH: entry(
    'error',
    'SimpleJWT rejects the token because it is a refresh token and the API takes only access tokens ("Token has wrong type").',
    'Path step: a refresh token was sent.',
  ),
  STEP_SIMPLEJWT_WRONG_TYPE: entry(
    'error',
    'SimpleJWT rejects the token because token_type is {type}, not "access" ("Token has wrong type").',
    'Path step: token_type is not "access".',
  ),
  STEP_ADMIN_IDENTITY_PASS: entry(
    'info',
    'The payload has user_id and phone, by which the backend looks up the admin user.',
    'Path step: the admin identity claims are present.',
  ),
  STEP_ADMIN_IDENTITY_FAIL: entry(
    'error',
    'The payload has no {claims}, so the backend cannot look up an admin user.',
    'Path step: the admin identity claims are missing.',
  ),
  STEP_NOT_REACHED: entry(
    'info',
    'Not checked, because the backend stops at the SSO path, which accepts the token.',
    'Path step skipped because an earlier path accepted the token.',
  ),

  // Paths
  PATH_SSO_FIRST: entry(
    'info',
    'The backend tries the SSO JWT first, verifying it with SSO_SECRET_KEY.',
    'Path note: the SSO path always runs first.',
  ),
  PATH_ADMIN_TRIED: entry(
    'info',
    'The backend tries the token as a SimpleJWT admin token next, because the SSO decode fails.',
    'Path note: the admin path runs because the SSO path failed.',
  ),
  PATH_ADMIN_IF_SSO_FAILS: entry(
    'info',
    'The backend tries the SimpleJWT admin token only if the SSO decode fails, which depends on the unchecked SSO steps.',
    'Path note: the admin path runs only if an unchecked SSO step fails.',
  ),
  PATH_ADMIN_NOT_REACHED: entry(
    'info',
    'The backend does not try the SimpleJWT admin token, because the SSO path accepts the token.',
    'Path note: the admin path does not run.',
  ),

  // Verdict
  VERDICT_SSO: entry(
    'info',
    'The API accepts the token as a MilesOne SSO user (userId {userId}, phone {phone}).',
    'Verdict: accepted on the SSO path.',
  ),
  VERDICT_ADMIN: entry(
    'info',
    'The API accepts the token as a SimpleJWT admin access token (user_id {userId}, phone {phone}).',
    'Verdict: accepted on the admin path.',
  ),
  VERDICT_REJECTED: entry(
    'error',
    'The API rejects the token because neither the SSO path nor the admin path accepts it, and answers 401 Unauthorized with the header WWW-Authenticate: Bearer.',
    'Verdict: both paths reject the token.',
  ),
  VERDICT_NOT_A_TOKEN: entry(
    'error',
    'The input is not a JWT that the API can read, so the API answers 401 Unauthorized with the header WWW-Authenticate: Bearer.',
    'Verdict: the input is malformed or was rejected before decoding.',
  ),
  OPTIONAL_AUTH_ANONYMOUS: entry(
    'info',
    'On a route with optional authentication (the backend helper get_optional_user), the request is not rejected: it goes on as anonymous and gets only public data.',
    'Optional-auth routes treat a rejected token as no token.',
  ),
  UNKNOWN_USER_ACCOUNT: entry(
    'info',
    'This page cannot check whether the user exists and is active, because the backend looks the user up in its database.',
    'The browser cannot see the user database.',
  ),
  UNKNOWN_REVOCATION: entry(
    'info',
    'This page cannot check whether the token was revoked or blacklisted on the server.',
    'The browser cannot see server-side revocation.',
  ),
  UNKNOWN_BACKEND_SETTINGS: entry(
    'info',
    'This page assumes the accepted algorithms {algorithms} and a leeway of 0 seconds. Only the server knows its real settings and secrets.',
    'The analysis relies on assumed backend settings.',
  ),
  CLOCK_INVALID: entry(
    'warning',
    'The reference time is not a valid date, so the current time of this computer was used.',
    'The caller passed an invalid reference time.',
  ),
  INTERNAL_ERROR: entry(
    'error',
    'The analysis stopped on an unexpected error ({error}), so this report is incomplete.',
    'A defect in the analysis; the report is partial.',
  ),

  // Endpoint verdicts: what one operation does with the token, from its OpenAPI security
  ENDPOINT_NO_AUTH: entry(
    'info',
    'This operation declares no authentication (security: []), so the API does not check the token: the request gets the same response with this token, another token or none.',
    'Endpoint verdict: the operation takes no credential, so the token does not matter.',
  ),
  ENDPOINT_AUTH_NOT_STATED: entry(
    'warning',
    'The OpenAPI document states no security for this operation, neither on the operation nor at the top level, so this page cannot tell whether the API checks the token.',
    'Endpoint verdict: the document does not say how the operation authenticates.',
  ),
  ENDPOINT_ACCEPTED_SSO: entry(
    'info',
    'This operation checks the Bearer token, and the API accepts it as the SSO user with userId {userId} and phone {phone}. The request goes on as that user.',
    'Endpoint verdict: the operation reads the Bearer token and accepts it as an SSO user.',
  ),
  ENDPOINT_ACCEPTED_ADMIN: entry(
    'info',
    'This operation checks the Bearer token, and the API accepts it as the admin with user_id {userId} and phone {phone}. The request goes on as that admin.',
    'Endpoint verdict: the operation reads the Bearer token and accepts it as an admin.',
  ),
  ENDPOINT_UNAUTHORIZED: entry(
    'error',
    'This operation requires a Bearer token and rejects this one, so the API answers 401 Unauthorized with the header WWW-Authenticate: Bearer.',
    'Endpoint verdict: a required Bearer token fails, so the request gets 401.',
  ),
  ENDPOINT_UNAUTHORIZED_UNLESS_HEADER: entry(
    'error',
    'This operation rejects this Bearer token, so a request that carries only the token gets 401 Unauthorized with the header WWW-Authenticate: Bearer. The operation also accepts {headers} in place of the Bearer token.',
    'Endpoint verdict: the Bearer token fails, and only the other credential of the operation can still pass.',
  ),
  ENDPOINT_OPTIONAL_ANONYMOUS: entry(
    'warning',
    'Authentication is optional on this operation, so the failing token does not cause a 401: the request goes on as anonymous and gets only public data. Fix the token to get the data of its user.',
    'Endpoint verdict: on an optional-auth operation a failing token counts as no token.',
  ),
  ENDPOINT_OPTIONAL_FALLBACK: entry(
    'info',
    'Authentication is optional on this operation. Should the API reject the token after all, for a reason this page cannot check, the request goes on as anonymous with public data only, not with a 401.',
    'Endpoint verdict: an accepted token on an optional-auth operation, and what happens if it fails after all.',
  ),
  ENDPOINT_BEARER_NOT_READ: entry(
    'warning',
    'This operation does not check the Bearer token: it authenticates with {headers}. The verdict on the token above does not apply here.',
    'Endpoint verdict: the operation reads a header token, not the Authorization header.',
  ),
  ENDPOINT_HEADER_ALTERNATIVE: entry(
    'info',
    'This operation also accepts {headers} in place of the Bearer token.',
    'Endpoint verdict: the operation takes a header token as another way in.',
  ),
  ENDPOINT_HEADER_SCHEME: entry(
    'info',
    'To send the {header} header from the API Explorer, select the security scheme {scheme} there and enter its value.',
    'Endpoint verdict: the API Explorer scheme that sends one header token.',
  ),
  ENDPOINT_HEADER_REQUIRED: entry(
    'error',
    'A request without {headers} lacks the credential this operation requires, so the API rejects it whatever the Bearer token.',
    'Endpoint verdict: the header token of the operation is required.',
  ),
  ENDPOINT_HEADER_OPTIONAL: entry(
    'info',
    'Authentication is optional on this operation: a request without {headers} goes on as anonymous and gets only public data.',
    'Endpoint verdict: the header token of the operation is optional.',
  ),
  ENDPOINT_COMBINED_SCHEMES: entry(
    'warning',
    'One way to call this operation needs the schemes {schemes} together in one request. This page does not judge combined schemes, so check each credential on its own.',
    'Endpoint verdict: an alternative needs several schemes at once, which the page does not evaluate.',
  ),
} as const satisfies Record<string, CatalogueEntry>;

export type MessageCode = keyof typeof MESSAGE_CATALOGUE;

export const MESSAGE_CODES = Object.keys(MESSAGE_CATALOGUE) as MessageCode[];

const PLACEHOLDER = /\{(\w+)\}/g;

/** Lists the placeholder names of a template, such as `['claim', 'value']`. */
export function listPlaceholders(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (match) => match[1] ?? '');
}

/**
 * Renders the message `code` with `params`. Replacement is a single pass, so braces inside a
 * param value stay as they are. A placeholder without a param stays visible as `{name}`.
 */
export function createMessage(code: MessageCode, params: MessageParams = {}): ReportMessage {
  const { severity, text } = MESSAGE_CATALOGUE[code];
  const rendered = text.replace(PLACEHOLDER, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
  return { code, severity, text: rendered, params };
}

/** Display names of the two authentication paths. */
export const PATH_LABELS: Readonly<Record<PathId, string>> = {
  sso: 'SSO JWT',
  admin: 'Admin token (SimpleJWT)',
};

/** Display names of the path steps. */
export const STEP_LABELS: Readonly<Record<StepId, string>> = {
  structure: 'Decoding',
  algorithm: 'Algorithm',
  signature: 'Signature',
  time: 'exp, nbf, iat',
  'claim-types': 'sub and jti types',
  audience: 'Audience',
  simplejwt: 'SimpleJWT checks',
  identity: 'Identity claims',
};

/** Templates of the relative times in `TimeClaimReport.relative`. */
export const RELATIVE_TIME_TEMPLATES = {
  expPast: 'expired {count} {unit} ago',
  expFuture: 'valid for {count} more {unit}',
  nbfPast: 'valid since {count} {unit} ago',
  nbfFuture: 'valid in {count} {unit}',
  iatPast: 'issued {count} {unit} ago',
  iatFuture: 'issued {count} {unit} in the future',
} as const;

/** Singular and plural names of the units of a relative time. */
export const TIME_UNIT_NAMES = {
  second: ['second', 'seconds'],
  minute: ['minute', 'minutes'],
  hour: ['hour', 'hours'],
  day: ['day', 'days'],
  year: ['year', 'years'],
} as const;
