import { createHmac } from 'node:crypto';

import type { PathId, StepId, StepStatus, TokenReport } from '../../../src/lib/token/index.ts';

/** Frozen reference time of the token tests: 2025-01-15T12:00:00Z. */
export const NOW = new Date('2025-01-15T12:00:00Z');
export const NOW_SECONDS = NOW.getTime() / 1000;

export const HOUR = 3600;
export const DAY = 86_400;

export function base64url(data: string | Uint8Array): string {
  return Buffer.from(data).toString('base64url');
}

export const HS256_HEADER = { alg: 'HS256', typ: 'JWT' };

/**
 * Builds an HS256 token from raw payload text, so tests can send JSON that JavaScript cannot
 * produce, such as integers above 2^53. The signature covers the segments as written.
 */
export function signRaw(
  payloadText: string | Uint8Array,
  secret: string,
  header: object = HS256_HEADER,
): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(payloadText)}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

/** Signs segments exactly as given, so tests can sign non-standard encodings. */
export function signSegments(header: string, payload: string, secret: string): string {
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export function signClaims(
  claims: object,
  secret = 'test-secret',
  header: object = HS256_HEADER,
): string {
  return signRaw(JSON.stringify(claims), secret, header);
}

export function ssoClaims(extra: object = {}): object {
  return {
    userId: 1001,
    phone: '+910000001001',
    iat: NOW_SECONDS - 60,
    exp: NOW_SECONDS + HOUR,
    ...extra,
  };
}

export function adminClaims(extra: object = {}): object {
  return {
    token_type: 'access',
    exp: NOW_SECONDS + 300,
    iat: NOW_SECONDS - 60,
    jti: 'e3b0c44298fc1c149afbf4c8996fb924',
    user_id: 7,
    phone: '+910000000007',
    ...extra,
  };
}

export function codesOf(report: TokenReport): string[] {
  return report.messages.map((message) => message.code);
}

export function stepStatus(
  report: TokenReport,
  path: PathId,
  step: StepId,
): StepStatus | undefined {
  const found = report.paths.find((candidate) => candidate.id === path);
  return found?.steps.find((candidate) => candidate.id === step)?.status;
}

export function stepCode(report: TokenReport, path: PathId, step: StepId): string | undefined {
  const found = report.paths.find((candidate) => candidate.id === path);
  return found?.steps.find((candidate) => candidate.id === step)?.reason.code;
}
