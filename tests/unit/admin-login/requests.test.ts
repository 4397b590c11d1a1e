import { describe, expect, it } from 'vitest';

import type { LoginContract } from '../../../src/scripts/admin-login/contract.ts';
import {
  buildSendOtpRequest,
  buildVerifyOtpRequest,
  checkOtp,
  checkPhone,
  formatRequest,
  joinUrl,
  type CheckResult,
} from '../../../src/scripts/admin-login/requests.ts';
import type { LoginMessage } from '../../../src/scripts/admin-login/messages.ts';

const CONTRACT: LoginContract = {
  sendOtp: { path: '/v7/login-with-phone-otp', phoneField: 'mobile' },
  verifyOtp: {
    path: '/v7/verify-otp',
    phoneField: 'mobile',
    otpField: 'code',
    tokenField: 'access',
  },
};

function rejectionOf(result: CheckResult): LoginMessage {
  if (result.ok) throw new Error(`Expected a rejection, got the value ${result.value}`);
  return result.message;
}

describe('checkPhone', () => {
  it.each([
    ['+919876543210', '+919876543210'],
    ['  +91 98765 43210 ', '+919876543210'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['+12345678', '+12345678'],
    ['+123456789012345', '+123456789012345'],
  ])('accepts %j', (raw, phone) => {
    expect(checkPhone(raw)).toEqual({ ok: true, value: phone });
  });

  it.each([
    '919876543210',
    '+1234567',
    '+1234567890123456',
    '+0919876543210',
    '+91 98765 abcde',
    '++919876543210',
  ])('rejects %j', (raw) => {
    expect(rejectionOf(checkPhone(raw)).code).toBe('LOGIN_PHONE_INVALID');
  });

  it('names the value and the expected form', () => {
    const message = rejectionOf(checkPhone(' 98765 '));

    expect(message.text).toContain('"98765"');
    expect(message.text).toContain('8 to 15 digits');
    expect(message.text).toContain('+919876543210');
  });

  it('asks for an empty number', () => {
    expect(rejectionOf(checkPhone('   ')).code).toBe('LOGIN_PHONE_MISSING');
  });
});

describe('checkOtp', () => {
  it('trims the OTP', () => {
    expect(checkOtp(' 123456 ', '+919876543210')).toEqual({ ok: true, value: '123456' });
  });

  it('rejects an empty OTP and names the phone', () => {
    const message = rejectionOf(checkOtp('', '+919876543210'));

    expect(message.code).toBe('LOGIN_OTP_MISSING');
    expect(message.text).toContain('+919876543210');
  });
});

describe('request builders', () => {
  it('sends the phone in the document field', () => {
    const request = buildSendOtpRequest('http://localhost:8000', CONTRACT, '+919876543210');

    expect(request).toEqual({
      method: 'POST',
      url: 'http://localhost:8000/v7/login-with-phone-otp',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{"mobile":"+919876543210"}',
    });
  });

  it('sends phone and OTP in the document fields', () => {
    const request = buildVerifyOtpRequest(
      'https://api.example/base/',
      CONTRACT,
      '+9112345678',
      '42',
    );

    expect(request.url).toBe('https://api.example/base/v7/verify-otp');
    expect(JSON.parse(request.body)).toEqual({ mobile: '+9112345678', code: '42' });
  });

  it('escapes quotes in the body', () => {
    const request = buildVerifyOtpRequest('http://localhost:8000', CONTRACT, '+9112345678', '"}');

    expect(JSON.parse(request.body).code).toBe('"}');
  });

  it('joins slashes once', () => {
    expect(joinUrl('http://h/', '/v7/x')).toBe('http://h/v7/x');
    expect(joinUrl('http://h', 'v7/x')).toBe('http://h/v7/x');
  });

  it('formats a request as text', () => {
    const request = buildSendOtpRequest('http://localhost:8000', CONTRACT, '+919876543210');

    expect(formatRequest(request)).toBe(
      [
        'POST http://localhost:8000/v7/login-with-phone-otp',
        'Content-Type: application/json',
        'Accept: application/json',
        '',
        '{"mobile":"+919876543210"}',
      ].join('\n'),
    );
  });
});
