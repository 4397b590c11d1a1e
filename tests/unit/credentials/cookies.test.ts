import { describe, expect, it } from 'vitest';
import {
  cookieAttributes,
  encodeCookie,
  explorerPath,
  MAX_COOKIE_BYTES,
  parseCookies,
  removalCookie,
} from '../../../src/lib/credentials/cookies';

const SERVERS = ['https://api.milesusp.example', 'http://localhost:8000'];

describe('cookieAttributes', () => {
  it.each([
    ['https at the root', 'https:', '/', 'Path=/api-reference/; SameSite=Strict; Secure'],
    ['http at the root', 'http:', '/', 'Path=/api-reference/; SameSite=Strict'],
    [
      'https under a base path',
      'https:',
      '/docs/',
      'Path=/docs/api-reference/; SameSite=Strict; Secure',
    ],
    [
      'http under a base path',
      'http:',
      '/docs/v7/',
      'Path=/docs/v7/api-reference/; SameSite=Strict',
    ],
  ])('builds attributes for %s', (_case, protocol, basePath, expected) => {
    expect(cookieAttributes({ protocol, basePath })).toBe(expected);
  });

  it('never sets an expiry', () => {
    const attributes = cookieAttributes({ protocol: 'https:', basePath: '/' });

    expect(attributes).not.toMatch(/Expires|Max-Age/i);
  });
});

describe('explorerPath', () => {
  it('adds a missing trailing slash to the base path', () => {
    expect(explorerPath('/docs')).toBe('/docs/api-reference/');
  });
});

describe('encodeCookie', () => {
  it('encodes a value that needs escaping', () => {
    const encoded = encodeCookie('BearerAuth', 'a b;c=d', 'Path=/api-reference/');

    expect(encoded).toEqual({
      ok: true,
      cookie: 'explorer_v1_BearerAuth=a%20b%3Bc%3Dd; Path=/api-reference/',
    });
  });

  it('rejects a value over the size limit', () => {
    const encoded = encodeCookie('BearerAuth', 'x'.repeat(MAX_COOKIE_BYTES), 'Path=/');

    expect(encoded.ok).toBe(false);
    expect(encoded).toMatchObject({ reason: 'too-large', limit: MAX_COOKIE_BYTES });
  });

  it('counts multi-byte characters in bytes', () => {
    const value = 'é'.repeat(700);
    const encoded = encodeCookie('BearerAuth', value, 'Path=/');

    expect(encoded.ok).toBe(false);
  });
});

describe('removalCookie', () => {
  it('expires the cookie at once', () => {
    expect(removalCookie('explorer_v1_scheme', 'Path=/api-reference/')).toBe(
      'explorer_v1_scheme=; Path=/api-reference/; Max-Age=0',
    );
  });
});

describe('parseCookies', () => {
  it('reads every scheme, the scheme and the server', () => {
    const header = [
      'explorer_v1_BearerAuth=eyJ.a.b',
      'explorer_v1_ApiKeyAuth=key%201',
      'explorer_v1_VendorTokenAuth=vendor',
      'explorer_v1_EnrollmentFormVendorTokenAuth=form',
      'explorer_v1_scheme=ApiKeyAuth',
      'explorer_v1_server=http%3A%2F%2Flocalhost%3A8000',
      'starlight-theme=dark',
    ].join('; ');

    const { credentials, unusable } = parseCookies(header, SERVERS);

    expect(credentials).toEqual({
      values: {
        BearerAuth: 'eyJ.a.b',
        ApiKeyAuth: 'key 1',
        VendorTokenAuth: 'vendor',
        EnrollmentFormVendorTokenAuth: 'form',
      },
      scheme: 'ApiKeyAuth',
      server: 'http://localhost:8000',
    });
    expect(unusable).toEqual([]);
  });

  it.each([
    ['a malformed escape', 'explorer_v1_BearerAuth=%E0%A4%A'],
    ['an older format', 'explorer_v0_token=abc'],
    ['an unknown key', 'explorer_v1_password=abc'],
    ['an unknown scheme', 'explorer_v1_scheme=OAuth2'],
    ['a server not offered', 'explorer_v1_server=https%3A%2F%2Felsewhere.example'],
    ['an empty value', 'explorer_v1_BearerAuth='],
    ['a cookie without a value', 'explorer_v1_BearerAuth'],
  ])('marks %s as unusable', (_case, header) => {
    const { credentials, unusable } = parseCookies(header, SERVERS);

    expect(credentials).toEqual({ values: {} });
    expect(unusable).toEqual([header.split('=')[0]]);
  });

  it('ignores cookies of other families', () => {
    expect(parseCookies('session=abc; theme=dark', SERVERS)).toEqual({
      credentials: { values: {} },
      unusable: [],
    });
  });

  it('reads an empty cookie string', () => {
    expect(parseCookies('', SERVERS)).toEqual({ credentials: { values: {} }, unusable: [] });
  });
});
