import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, serverOrigins } from '../../../src/lib/security/csp';
import { readSettings } from '../../../src/settings';

// HASH_A sorts before HASH_B.
const HASH_A = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
const HASH_B = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='";
const DEFAULT_SERVERS = Object.values(readSettings({}).servers);

/** Splits a policy into its directives: name to source list. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `Directive ${name} appears twice`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

function buildDirectives(
  scriptHashes: string[] = [HASH_A],
  apiServerUrls: string[] = DEFAULT_SERVERS,
): Map<string, string[]> {
  return parsePolicy(buildContentSecurityPolicy({ scriptHashes, apiServerUrls }));
}

describe('buildContentSecurityPolicy', () => {
  it('script-src lists self, wasm and hashes only', () => {
    const scriptSrc = buildDirectives([HASH_B, HASH_A]).get('script-src');

    expect(scriptSrc).toEqual(["'self'", "'wasm-unsafe-eval'", HASH_A, HASH_B]);
  });

  it('script-src has no unsafe-inline', () => {
    expect(buildDirectives().get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('script-src has no unsafe-eval', () => {
    expect(buildDirectives().get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('no directive allows eval', () => {
    for (const [name, sources] of buildDirectives()) {
      expect(sources, `Sources of ${name}`).not.toContain("'unsafe-eval'");
    }
  });

  it('hashes deduplicated and sorted', () => {
    const scriptSrc = buildDirectives([HASH_B, HASH_A, HASH_B]).get('script-src');

    expect(scriptSrc).toEqual(["'self'", "'wasm-unsafe-eval'", HASH_A, HASH_B]);
  });

  it('no hashes leaves self and wasm', () => {
    expect(buildDirectives([]).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('connect-src has the default servers', () => {
    const connectSrc = buildDirectives().get('connect-src');

    expect(connectSrc).toEqual([
      "'self'",
      'http://localhost:8000',
      'https://api.milesusp.example',
      'https://uat-api.milesusp.example',
    ]);
  });

  it('connect-src follows server settings', () => {
    const servers = readSettings({
      DOCS_SERVER_PRODUCTION_URL: 'https://api.example.com/v7',
      DOCS_SERVER_UAT_URL: 'https://uat.example.com:8443',
      DOCS_SERVER_LOCAL_URL: 'http://127.0.0.1:9000',
    }).servers;

    const connectSrc = buildDirectives([], Object.values(servers)).get('connect-src');

    expect(connectSrc).toEqual([
      "'self'",
      'http://127.0.0.1:9000',
      'https://api.example.com',
      'https://uat.example.com:8443',
    ]);
  });

  it('fixed directives', () => {
    const directives = buildDirectives();

    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('font-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('no worker-src', () => {
    expect(buildDirectives().has('worker-src')).toBe(false);
  });

  it('same input, same policy', () => {
    const input = { scriptHashes: [HASH_B, HASH_A], apiServerUrls: [...DEFAULT_SERVERS] };
    const reordered = {
      scriptHashes: [HASH_A, HASH_B],
      apiServerUrls: [...DEFAULT_SERVERS].reverse(),
    };

    expect(buildContentSecurityPolicy(input)).toBe(buildContentSecurityPolicy(reordered));
  });
});

describe('serverOrigins', () => {
  it('drops paths and trailing slashes', () => {
    expect(serverOrigins(['https://api.example.com/v7/'])).toEqual(['https://api.example.com']);
  });

  it('keeps a non-default port', () => {
    expect(serverOrigins(['http://localhost:8000'])).toEqual(['http://localhost:8000']);
  });

  it('drops a default port', () => {
    expect(serverOrigins(['https://api.example.com:443'])).toEqual(['https://api.example.com']);
  });

  it('removes duplicate origins', () => {
    const origins = serverOrigins(['https://api.example.com/a', 'https://api.example.com/b']);

    expect(origins).toEqual(['https://api.example.com']);
  });

  it('rejects an invalid URL', () => {
    expect(() => serverOrigins(['api.example.com'])).toThrow(
      'Invalid API server URL "api.example.com" for connect-src.',
    );
  });
});
