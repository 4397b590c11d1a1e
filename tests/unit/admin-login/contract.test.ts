import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import {
  readLoginContract,
  type ContractResult,
  type LoginContract,
} from '../../../src/scripts/admin-login/contract.ts';

function loadYaml(path: string): Record<string, unknown> {
  return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

const SITE_DOCUMENT = loadYaml('openapi/miles-usp.yaml');
const FIXTURE_DOCUMENT = loadYaml('tests/fixtures/openapi-every-auth-mode/every-auth-mode.yaml');

function contractOf(result: ContractResult): LoginContract {
  if (!result.ok) throw new Error(`Expected a contract, got the problem: ${result.problem}`);
  return result.contract;
}

function problemOf(result: ContractResult): string {
  if (result.ok) throw new Error('Expected a problem, got a contract.');
  return result.problem;
}

/** Builds a copy of the site document with renamed login fields, to show where names come from. */
function renamedDocument(): Record<string, unknown> {
  const document = structuredClone(SITE_DOCUMENT);
  const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
  schemas.PhoneOtpRequest = {
    type: 'object',
    required: ['mobile'],
    properties: { mobile: { type: 'string' } },
  };
  schemas.VerifyOtpRequest = {
    type: 'object',
    required: ['mobile', 'code'],
    properties: { mobile: { type: 'string' }, code: { type: 'string' } },
  };
  schemas.AdminTokenResponse = {
    type: 'object',
    required: ['access_token', 'refresh_token'],
    properties: { access_token: { type: 'string' }, refresh_token: { type: 'string' } },
  };
  return document;
}

describe('readLoginContract', () => {
  it('reads the fields of the site document', () => {
    expect(readLoginContract([{ document: SITE_DOCUMENT }])).toEqual({
      ok: true,
      contract: {
        sendOtp: { path: '/v7/login-with-phone-otp', phoneField: 'phone' },
        verifyOtp: {
          path: '/v7/verify-otp',
          phoneField: 'phone',
          otpField: 'otp',
          tokenField: 'access',
        },
      },
    });
  });

  it('reads the same fields from the fixture', () => {
    const contract = contractOf(readLoginContract([{ document: FIXTURE_DOCUMENT }]));

    expect(contract.verifyOtp.tokenField).toBe('access');
  });

  it('follows renamed fields', () => {
    const contract = contractOf(readLoginContract([{ document: renamedDocument() }]));

    expect(contract.sendOtp.phoneField).toBe('mobile');
    expect(contract.verifyOtp.phoneField).toBe('mobile');
    expect(contract.verifyOtp.otpField).toBe('code');
    expect(contract.verifyOtp.tokenField).toBe('access_token');
  });

  it('uses the first document that has both calls', () => {
    const withoutLogin = { openapi: '3.1.0', paths: {} };
    const result = readLoginContract([{ document: withoutLogin }, { document: SITE_DOCUMENT }]);

    expect(result.ok).toBe(true);
  });

  it('names missing operations', () => {
    const result = readLoginContract([{ document: { openapi: '3.1.0', paths: {} } }]);

    expect(problemOf(result)).toContain('POST /v7/verify-otp');
  });

  it('names an unclear OTP field', () => {
    const document = renamedDocument();
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    schemas.VerifyOtpRequest = {
      type: 'object',
      required: ['mobile', 'first', 'second'],
      properties: {},
    };

    const result = readLoginContract([{ document }]);

    expect(problemOf(result)).toBe(
      'Cannot tell which field of the request body of POST /v7/verify-otp is the OTP (fields: mobile, first, second).',
    );
  });

  it('names a response without a token field', () => {
    const document = renamedDocument();
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    schemas.AdminTokenResponse = { type: 'object', properties: { refresh: { type: 'string' } } };

    const result = readLoginContract([{ document }]);

    expect(problemOf(result)).toContain('200 response of POST /v7/verify-otp');
  });

  it('survives a reference loop', () => {
    const document = renamedDocument();
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    schemas.PhoneOtpRequest = { $ref: '#/components/schemas/PhoneOtpRequest' };

    const result = readLoginContract([{ document }]);

    expect(result.ok).toBe(false);
  });
});
