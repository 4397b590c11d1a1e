/**
 * Every message of the guided admin login, keyed by a stable code. Placeholders such as
 * `{phone}` are filled from the message's params.
 */

export type LoginSeverity = 'error' | 'info';

/** One rendered message of the login panel. */
export interface LoginMessage {
  code: LoginMessageCode;
  severity: LoginSeverity;
  /** The template with every placeholder replaced. */
  text: string;
}

function entry(severity: LoginSeverity, text: string) {
  return { severity, text };
}

export const LOGIN_MESSAGES = {
  // Checks before a request is sent
  LOGIN_PHONE_MISSING: entry(
    'error',
    'Enter the phone number of the admin account in international form: "+", the country code and the number, such as +919876543210.',
  ),
  LOGIN_PHONE_INVALID: entry(
    'error',
    'The phone number "{value}" is invalid. Enter it in international form: "+", then 8 to 15 digits that start with the country code, such as +919876543210.',
  ),
  LOGIN_OTP_MISSING: entry('error', 'Enter the OTP from the SMS sent to {phone}.'),

  // Responses
  LOGIN_OTP_SENT: entry(
    'info',
    '{server} accepted the request with {status}: it sends an OTP by SMS to {phone}. Enter it in step 2.',
  ),
  LOGIN_PHONE_REJECTED: entry(
    'error',
    '{server} rejected the phone number {phone} with 400 Bad Request. Check the number and that it belongs to an admin account. Response body: {body}',
  ),
  LOGIN_OTP_REJECTED: entry(
    'error',
    '{server} rejected the OTP with 400 Bad Request: it is wrong or has expired. Enter the newest OTP sent to {phone}, or go back to step 1 to request a new one. Response body: {body}',
  ),
  LOGIN_CLIENT_ERROR: entry(
    'error',
    '{server} rejected {operation} with {status}. Response body: {body}',
  ),
  LOGIN_SERVER_ERROR: entry(
    'error',
    '{server} failed on {operation} with {status}, an error on the server side. Try again later, or send the response body to the backend team. Response body: {body}',
  ),
  LOGIN_UNEXPECTED_STATUS: entry(
    'error',
    '{server} answered {operation} with {status}, which the login does not expect. Response body: {body}',
  ),
  LOGIN_NO_TOKEN: entry(
    'error',
    '{server} answered {status} to the OTP check, but the response has no "{field}" string, the field where the OpenAPI document puts the admin JWT. Response body: {body}',
  ),
  LOGIN_NOT_JSON: entry(
    'error',
    '{server} answered {status} to the OTP check, but the response body is not a JSON object, so it has no "{field}" token. Response body: {body}',
  ),
  LOGIN_TOKEN_RECEIVED: entry(
    'info',
    '{server} returned an admin JWT in "{field}". The token decoder on this page shows what the API does with it.',
  ),

  // Requests that got no response
  LOGIN_CORS: entry(
    'error',
    '{apiOrigin} answered, but its CORS settings do not allow requests from this page ({docsOrigin}), so the browser blocked the response. Add {docsOrigin} to the allowed origins of the API, and allow the request headers {headers} in Access-Control-Allow-Headers.',
  ),
  LOGIN_UNREACHABLE: entry(
    'error',
    'No response from {apiOrigin}: the server is not running, the URL is wrong, or the network blocks it. Check that {server} is up and reachable from this computer.',
  ),
  LOGIN_MIXED_CONTENT: entry(
    'error',
    'The browser blocked the request to {apiOrigin}, because this page is served over https and the API over plain http. Choose an https server, or open these docs over http for local work.',
  ),
  LOGIN_TIMEOUT: entry(
    'error',
    'No response from {apiOrigin} within {seconds} seconds, so the request was cancelled. Check that {server} is up, then try again.',
  ),
  LOGIN_REQUEST_FAILED: entry(
    'error',
    'The browser could not send {operation} to {server}: {error}.',
  ),
} as const;

export type LoginMessageCode = keyof typeof LOGIN_MESSAGES;

/** Renders the message `code`, replacing each `{name}` that `params` has in a single pass. */
export function loginMessage(
  code: LoginMessageCode,
  params: Readonly<Record<string, string | number>> = {},
): LoginMessage {
  const { severity, text } = LOGIN_MESSAGES[code];
  const rendered = text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
  return { code, severity, text: rendered };
}
