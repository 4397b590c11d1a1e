import { describe, expect, it } from 'vitest';
import { deriveOperationAuth, SECURITY_SCHEMES } from '../../../src/lib/openapi/auth-mode';
import {
  droppedText,
  findOperation,
  guardCredentials,
  guardedOperation,
  type DroppedCredentials,
  type GuardedOperation,
} from '../../../src/scripts/api-reference/credential-guard';

const SCHEMES = {
  BearerAuth: { type: 'http', scheme: 'bearer' },
  ApiKeyAuth: { type: 'apiKey', in: 'header', name: SECURITY_SCHEMES.ApiKeyAuth.header },
  VendorTokenAuth: { type: 'apiKey', in: 'header', name: SECURITY_SCHEMES.VendorTokenAuth.header },
};
const SERVERS = ['https://api.example.com', 'http://localhost:8000/base/'];

function operation(method: string, path: string, security: unknown): GuardedOperation | null {
  return guardedOperation(method, path, deriveOperationAuth(security, undefined, SCHEMES));
}

const LOGIN = operation('post', '/v7/login-with-phone-otp', [])!;
const PROFILE = operation('get', '/users/{id}', [{ BearerAuth: [] }])!;
const EITHER = operation('get', '/either', [{ BearerAuth: [] }, { ApiKeyAuth: [] }])!;
const OPERATIONS = [LOGIN, PROFILE, EITHER];

/** Runs one request through the guard and returns what reached `fetch` and what was dropped. */
async function send(url: string, init: RequestInit) {
  const seen: Request[] = [];
  const dropped: DroppedCredentials[] = [];
  const guarded = guardCredentials(
    async (input) => {
      seen.push(input as Request);
      return new Response(null, { status: 204 });
    },
    SERVERS,
    OPERATIONS,
    (item) => dropped.push(item),
  );
  await guarded(url, init);
  return { request: seen[0]!, dropped };
}

describe('guardedOperation', () => {
  it('accepts no header for security: []', () => {
    expect(LOGIN).toEqual({ method: 'POST', path: '/v7/login-with-phone-otp', headers: [] });
  });

  it('lists the header of each alternative', () => {
    expect(EITHER.headers).toEqual(['authorization', 'x-lms-open-api-key']);
  });

  it('skips operations without security', () => {
    expect(operation('get', '/x', undefined)).toBeNull();
  });

  it('skips unknown schemes', () => {
    expect(operation('get', '/x', [{ OAuth: [] }])).toBeNull();
  });
});

describe('findOperation', () => {
  it('matches a path parameter', () => {
    const url = new URL('https://api.example.com/users/42');

    expect(findOperation(url, 'get', SERVERS, OPERATIONS)).toBe(PROFILE);
  });

  it('reads the path after a server prefix', () => {
    const url = new URL('http://localhost:8000/base/v7/login-with-phone-otp?x=1');

    expect(findOperation(url, 'POST', SERVERS, OPERATIONS)).toBe(LOGIN);
  });

  it('needs the same method', () => {
    const url = new URL('https://api.example.com/v7/login-with-phone-otp');

    expect(findOperation(url, 'GET', SERVERS, OPERATIONS)).toBeUndefined();
  });

  it('does not match a longer path', () => {
    const url = new URL('https://api.example.com/users/42/posts');

    expect(findOperation(url, 'GET', SERVERS, OPERATIONS)).toBeUndefined();
  });
});

describe('guardCredentials', () => {
  it('drops the token on a no-auth call', async () => {
    const { request, dropped } = await send('https://api.example.com/v7/login-with-phone-otp', {
      method: 'POST',
      headers: { Authorization: 'Bearer secret', 'Content-Type': 'application/json' },
      body: '{"phone":"+910000000000"}',
    });

    expect(request.headers.has('authorization')).toBe(false);
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(await request.text()).toBe('{"phone":"+910000000000"}');
    expect(dropped).toEqual([
      { operation: 'POST /v7/login-with-phone-otp', headers: ['authorization'] },
    ]);
  });

  it('keeps the token where it is accepted', async () => {
    const { request, dropped } = await send('https://api.example.com/users/7', {
      headers: { Authorization: 'Bearer secret' },
    });

    expect(request.headers.get('authorization')).toBe('Bearer secret');
    expect(dropped).toEqual([]);
  });

  it('drops only the headers not listed', async () => {
    const { request, dropped } = await send('https://api.example.com/either', {
      headers: {
        Authorization: 'Bearer secret',
        'X-LMS-OPEN-API-KEY': 'key',
        'X-Vendor-Token': 'vendor',
      },
    });

    expect(request.headers.get('authorization')).toBe('Bearer secret');
    expect(request.headers.get('x-lms-open-api-key')).toBe('key');
    expect(request.headers.has('x-vendor-token')).toBe(false);
    expect(dropped[0]?.headers).toEqual(['x-vendor-token']);
  });

  it('leaves unknown operations alone', async () => {
    const { request, dropped } = await send('https://api.example.com/unlisted', {
      headers: { Authorization: 'Bearer secret' },
    });

    expect(request.headers.get('authorization')).toBe('Bearer secret');
    expect(dropped).toEqual([]);
  });
});

describe('droppedText', () => {
  it('names the header and the operation', () => {
    expect(droppedText({ operation: 'POST /v7/verify-otp', headers: ['authorization'] })).toBe(
      'The Authorization header was not sent: POST /v7/verify-otp does not accept it, according to its security in the OpenAPI document.',
    );
  });

  it('names several headers', () => {
    expect(
      droppedText({ operation: 'GET /x', headers: ['authorization', 'x-vendor-token'] }),
    ).toContain('The Authorization, X-Vendor-Token headers were not sent');
  });
});
