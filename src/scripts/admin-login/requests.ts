/**
 * Checks the login form's input and builds the two requests of the admin phone OTP login. Pure
 * functions: nothing here sends, stores or logs the phone number or the OTP.
 */
import type { LoginContract } from './contract';
import { loginMessage, type LoginMessage } from './messages';

/** A request as the page sends it and shows it. */
export interface PreparedRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  /** The JSON body as sent. */
  body: string;
}

export type CheckResult = { ok: true; value: string } | { ok: false; message: LoginMessage };

/** `+`, a country code that does not start with 0, and 8 to 15 digits in all, as in E.164. */
const PHONE_PATTERN = /^\+[1-9][0-9]{7,14}$/;
/** Separators people type inside phone numbers, removed before the check. */
const PHONE_SEPARATORS = /[\s\-.()]/g;

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/**
 * Checks a typed phone number and returns it without spaces, hyphens, dots or brackets, such as
 * `+919876543210` for `+91 98765-43210`.
 */
export function checkPhone(raw: string): CheckResult {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, message: loginMessage('LOGIN_PHONE_MISSING') };

  const phone = trimmed.replace(PHONE_SEPARATORS, '');
  if (!PHONE_PATTERN.test(phone)) {
    return { ok: false, message: loginMessage('LOGIN_PHONE_INVALID', { value: trimmed }) };
  }
  return { ok: true, value: phone };
}

/** Checks a typed OTP. The backend decides its format, so only an empty OTP is rejected here. */
export function checkOtp(raw: string, phone: string): CheckResult {
  const otp = raw.trim();
  if (otp === '') return { ok: false, message: loginMessage('LOGIN_OTP_MISSING', { phone }) };
  return { ok: true, value: otp };
}

/** Builds `POST <server>/v7/login-with-phone-otp` with the phone field of the document. */
export function buildSendOtpRequest(
  serverUrl: string,
  contract: LoginContract,
  phone: string,
): PreparedRequest {
  return {
    method: 'POST',
    url: joinUrl(serverUrl, contract.sendOtp.path),
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ [contract.sendOtp.phoneField]: phone }),
  };
}

/** Builds `POST <server>/v7/verify-otp` with the phone and OTP fields of the document. */
export function buildVerifyOtpRequest(
  serverUrl: string,
  contract: LoginContract,
  phone: string,
  otp: string,
): PreparedRequest {
  const { path, phoneField, otpField } = contract.verifyOtp;
  return {
    method: 'POST',
    url: joinUrl(serverUrl, path),
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ [phoneField]: phone, [otpField]: otp }),
  };
}

/** Joins a server URL, which may end with a path, and an operation path. */
export function joinUrl(serverUrl: string, path: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Formats a request as text: the request line, the headers, a blank line and the body. */
export function formatRequest(request: PreparedRequest): string {
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`);
  return [`${request.method} ${request.url}`, ...headers, '', request.body].join('\n');
}
