import { describe, expect, it } from 'vitest';

import { LOGIN_MESSAGES } from '../../../src/scripts/admin-login/messages.ts';
import {
  explainRequestError,
  explainRequestFailure,
  explainTimeout,
  formatResponse,
  readSendOtpResponse,
  readVerifyOtpResponse,
  statusLine,
  type ReceivedResponse,
} from '../../../src/scripts/admin-login/responses.ts';

const CONTEXT = { server: 'Local (http://localhost:8000)', phone: '+919876543210' };
const SEND = 'POST /v7/login-with-phone-otp';
const VERIFY = 'POST /v7/verify-otp';

function response(status: number, body: string, statusText = ''): ReceivedResponse {
  return { status, statusText, headers: [['content-type', 'application/json']], body };
}

describe('readSendOtpResponse', () => {
  it('reads 200 as OTP sent', () => {
    const outcome = readSendOtpResponse(
      response(200, '{"detail":"OTP sent"}', 'OK'),
      CONTEXT,
      SEND,
    );

    expect(outcome.ok).toBe(true);
    expect(outcome.message.code).toBe('LOGIN_OTP_SENT');
    expect(outcome.message.text).toContain('+919876543210');
  });

  it('reads 400 as a rejected phone', () => {
    const outcome = readSendOtpResponse(
      response(400, '{"detail":"Invalid phone number."}'),
      CONTEXT,
      SEND,
    );

    expect(outcome.ok).toBe(false);
    expect(outcome.message.code).toBe('LOGIN_PHONE_REJECTED');
    expect(outcome.message.text).toContain('{"detail":"Invalid phone number."}');
  });

  it('reads 429 as a client error with its body', () => {
    const outcome = readSendOtpResponse(
      response(429, 'Slow down', 'Too Many Requests'),
      CONTEXT,
      SEND,
    );

    expect(outcome.message.code).toBe('LOGIN_CLIENT_ERROR');
    expect(outcome.message.text).toContain('429 Too Many Requests');
    expect(outcome.message.text).toContain('Slow down');
    expect(outcome.message.text).toContain(SEND);
  });

  it('reads 503 as a server error', () => {
    const outcome = readSendOtpResponse(response(503, '<h1>down</h1>'), CONTEXT, SEND);

    expect(outcome.message.code).toBe('LOGIN_SERVER_ERROR');
    expect(outcome.message.text).toContain('<h1>down</h1>');
  });

  it('reads a 3xx as unexpected', () => {
    expect(readSendOtpResponse(response(304, ''), CONTEXT, SEND).message.code).toBe(
      'LOGIN_UNEXPECTED_STATUS',
    );
  });

  it('cuts a long body in the message', () => {
    const outcome = readSendOtpResponse(response(500, 'x'.repeat(1000)), CONTEXT, SEND);

    expect(outcome.message.text).toContain(`${'x'.repeat(299)}…`);
    expect(outcome.message.text).not.toContain('x'.repeat(300));
  });

  it('names an empty body', () => {
    expect(readSendOtpResponse(response(500, ''), CONTEXT, SEND).message.text).toContain(
      'Response body: (empty)',
    );
  });
});

describe('readVerifyOtpResponse', () => {
  it('returns the token of the document field', () => {
    const outcome = readVerifyOtpResponse(
      response(200, '{"access":"eyJ.a.b","refresh":"r"}'),
      CONTEXT,
      VERIFY,
      'access',
    );

    expect(outcome.ok).toBe(true);
    expect(outcome.ok ? outcome.token : undefined).toBe('eyJ.a.b');
    expect(outcome.message.code).toBe('LOGIN_TOKEN_RECEIVED');
  });

  it('reads 400 as a wrong or expired OTP', () => {
    const outcome = readVerifyOtpResponse(response(400, '{}'), CONTEXT, VERIFY, 'access');

    expect(outcome.message.code).toBe('LOGIN_OTP_REJECTED');
    expect(outcome.message.text).toContain('wrong or has expired');
  });

  it('reads 401 as a client error', () => {
    expect(readVerifyOtpResponse(response(401, '{}'), CONTEXT, VERIFY, 'access').message.code).toBe(
      'LOGIN_CLIENT_ERROR',
    );
  });

  it('reads 500 as a server error', () => {
    expect(
      readVerifyOtpResponse(response(500, 'boom'), CONTEXT, VERIFY, 'access').message.code,
    ).toBe('LOGIN_SERVER_ERROR');
  });

  it.each([
    ['no field', '{"detail":"ok"}'],
    ['an empty field', '{"access":"  "}'],
    ['a number', '{"access":42}'],
    ['another field name', '{"token":"eyJ.a.b"}'],
  ])('finds no token with %s', (_case, body) => {
    const outcome = readVerifyOtpResponse(response(200, body), CONTEXT, VERIFY, 'access');

    expect(outcome.ok).toBe(false);
    expect(outcome.message.code).toBe('LOGIN_NO_TOKEN');
    expect(outcome.message.text).toContain('"access"');
  });

  it.each(['', 'OK', '["eyJ.a.b"]', 'null'])('reads %j as not JSON', (body) => {
    const outcome = readVerifyOtpResponse(response(200, body), CONTEXT, VERIFY, 'access');

    expect(outcome.message.code).toBe('LOGIN_NOT_JSON');
  });
});

describe('failures without a response', () => {
  const base = { apiOrigin: 'http://localhost:8000', docsOrigin: 'http://localhost:4392' };

  it('explains CORS with the origin and the headers to allow', () => {
    const message = explainRequestFailure({ kind: 'cors', ...base }, CONTEXT.server);

    expect(message.code).toBe('LOGIN_CORS');
    expect(message.text).toContain('(http://localhost:4392)');
    expect(message.text).toContain('Add http://localhost:4392 to the allowed origins');
    for (const header of [
      'Authorization',
      'Content-Type',
      'X-LMS-OPEN-API-KEY',
      'X-Vendor-Token',
      'X-Enrollment-Form-Vendor-Token',
    ]) {
      expect(message.text).toContain(header);
    }
  });

  it('explains an unreachable server', () => {
    const message = explainRequestFailure({ kind: 'unreachable', ...base }, CONTEXT.server);

    expect(message.code).toBe('LOGIN_UNREACHABLE');
    expect(message.text).toContain('No response from http://localhost:8000');
  });

  it('explains mixed content', () => {
    expect(explainRequestFailure({ kind: 'mixed-content', ...base }, CONTEXT.server).code).toBe(
      'LOGIN_MIXED_CONTENT',
    );
  });

  it('explains a timeout with its seconds', () => {
    const message = explainTimeout('http://localhost:8000', CONTEXT.server, 30);

    expect(message.code).toBe('LOGIN_TIMEOUT');
    expect(message.text).toContain('within 30 seconds');
  });

  it('explains another error with its name', () => {
    const message = explainRequestError(new RangeError('bad'), CONTEXT.server, SEND);

    expect(message.code).toBe('LOGIN_REQUEST_FAILED');
    expect(message.text).toContain('RangeError: bad');
  });
});

describe('formatResponse', () => {
  it('lists status, headers and body', () => {
    expect(formatResponse(response(400, '{"detail":"x"}', 'Bad Request'))).toBe(
      ['400 Bad Request', 'content-type: application/json', '', '{"detail":"x"}'].join('\n'),
    );
  });

  it('marks an empty body', () => {
    expect(formatResponse(response(204, ''))).toContain('(empty body)');
  });

  it('leaves out a missing status text', () => {
    expect(statusLine({ status: 200, statusText: '' })).toBe('200');
  });
});

describe('LOGIN_MESSAGES', () => {
  it.each(Object.entries(LOGIN_MESSAGES))('%s ends with a full stop or a body', (_code, entry) => {
    expect(entry.text).toMatch(/(\.|\{body\})$/);
  });
});
