/**
 * Reads the responses of the admin phone OTP login, and explains requests that got none. Pure
 * functions over what `fetch` returned, so every case has a unit test.
 */
import type { RequestFailure } from '../api-reference/request-failure';
import { EXPLORER_HEADERS } from '../api-reference/request-failure';
import { loginMessage, type LoginMessage } from './messages';

/** A response as the page read it. */
export interface ReceivedResponse {
  status: number;
  statusText: string;
  /** The headers that CORS lets the page read, in the order the browser lists them. */
  headers: Array<[string, string]>;
  body: string;
}

/** The server a request went to, and the phone number of the login. */
export interface ServerContext {
  /** Such as `the Local server (http://localhost:8000)`. */
  server: string;
  /** The phone number the OTP was requested for. */
  phone: string;
}

export type StepOutcome =
  { ok: true; message: LoginMessage; token?: string } | { ok: false; message: LoginMessage };

/** Maximum length of a response body quoted in a message. The request log shows the whole body. */
const MAX_QUOTED_BODY = 300;

/** Reads the response of `POST /v7/login-with-phone-otp`. Any 2xx status means the OTP was sent. */
export function readSendOtpResponse(
  response: ReceivedResponse,
  context: ServerContext,
  operation: string,
): StepOutcome {
  const params = responseParams(response, context, operation);
  if (isSuccess(response.status))
    return { ok: true, message: loginMessage('LOGIN_OTP_SENT', params) };
  if (response.status === 400) {
    return { ok: false, message: loginMessage('LOGIN_PHONE_REJECTED', params) };
  }
  return { ok: false, message: errorStatusMessage(response.status, params) };
}

/**
 * Reads the response of `POST /v7/verify-otp`: a 2xx whose JSON object has a non-empty string in
 * `tokenField` carries the admin JWT.
 */
export function readVerifyOtpResponse(
  response: ReceivedResponse,
  context: ServerContext,
  operation: string,
  tokenField: string,
): StepOutcome {
  const params = { ...responseParams(response, context, operation), field: tokenField };
  if (response.status === 400) {
    return { ok: false, message: loginMessage('LOGIN_OTP_REJECTED', params) };
  }
  if (!isSuccess(response.status)) {
    return { ok: false, message: errorStatusMessage(response.status, params) };
  }

  const body = parseObject(response.body);
  if (!body) return { ok: false, message: loginMessage('LOGIN_NOT_JSON', params) };
  const token = body[tokenField];
  if (typeof token !== 'string' || token.trim() === '') {
    return { ok: false, message: loginMessage('LOGIN_NO_TOKEN', params) };
  }
  return { ok: true, message: loginMessage('LOGIN_TOKEN_RECEIVED', params), token: token.trim() };
}

/** Explains a request that failed without a response, as `diagnosingFetch` classified it. */
export function explainRequestFailure(failure: RequestFailure, server: string): LoginMessage {
  const params = { ...failure, server, headers: EXPLORER_HEADERS.join(', ') };
  switch (failure.kind) {
    case 'cors':
      return loginMessage('LOGIN_CORS', params);
    case 'unreachable':
      return loginMessage('LOGIN_UNREACHABLE', params);
    case 'mixed-content':
      return loginMessage('LOGIN_MIXED_CONTENT', params);
  }
}

/** Explains a request cancelled after `seconds` without a response. */
export function explainTimeout(apiOrigin: string, server: string, seconds: number): LoginMessage {
  return loginMessage('LOGIN_TIMEOUT', { apiOrigin, server, seconds });
}

/** Explains an error that is neither a network failure nor a timeout, such as an invalid URL. */
export function explainRequestError(
  error: unknown,
  server: string,
  operation: string,
): LoginMessage {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return loginMessage('LOGIN_REQUEST_FAILED', { error: text, server, operation });
}

/** Formats a response as text: the status line, the readable headers, a blank line and the body. */
export function formatResponse(response: ReceivedResponse): string {
  const headers = response.headers.map(([name, value]) => `${name}: ${value}`);
  return [statusLine(response), ...headers, '', response.body || '(empty body)'].join('\n');
}

/** Such as `400 Bad Request`, or `400` when the browser gives no status text (HTTP/2). */
export function statusLine(response: Pick<ReceivedResponse, 'status' | 'statusText'>): string {
  return response.statusText
    ? `${response.status} ${response.statusText}`
    : String(response.status);
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function errorStatusMessage(status: number, params: Record<string, string>): LoginMessage {
  if (status >= 500 && status < 600) return loginMessage('LOGIN_SERVER_ERROR', params);
  if (status >= 400 && status < 500) return loginMessage('LOGIN_CLIENT_ERROR', params);
  return loginMessage('LOGIN_UNEXPECTED_STATUS', params);
}

function responseParams(
  response: ReceivedResponse,
  context: ServerContext,
  operation: string,
): Record<string, string> {
  return {
    server: context.server,
    phone: context.phone,
    operation,
    status: statusLine(response),
    body: quoteBody(response.body),
  };
}

function quoteBody(body: string): string {
  const text = body.trim();
  if (text === '') return '(empty)';
  return text.length <= MAX_QUOTED_BODY ? text : `${text.slice(0, MAX_QUOTED_BODY - 1)}…`;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
