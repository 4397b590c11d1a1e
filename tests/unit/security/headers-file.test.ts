import { describe, expect, it } from 'vitest';
import {
  buildHeadersFile,
  FINGERPRINTED_CACHE_CONTROL,
  PAGE_CACHE_CONTROL,
  pageUrlPaths,
  SECURITY_HEADERS,
} from '../../../src/lib/security/headers-file';

const CSP = "default-src 'self'; frame-ancestors 'none'";
const HTML_FILES = [
  '404.html',
  'api-reference/index.html',
  'guides/authentication/index.html',
  'index.html',
];

interface Rule {
  pattern: string;
  headers: Array<[string, string]>;
}

/** Parses `_headers` text the way Netlify and Cloudflare Pages read it. */
function parseHeadersFile(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line, headers: [] });
      continue;
    }
    const separator = line.indexOf(':');
    rules.at(-1)!.headers.push([line.slice(0, separator).trim(), line.slice(separator + 1).trim()]);
  }
  return rules;
}

/** Collects every header value that the rules of `text` give `path`, by header name. */
function headersFor(text: string, path: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const rule of parseHeadersFile(text)) {
    const pattern = rule.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    if (!new RegExp(`^${pattern}$`).test(path)) continue;
    for (const [name, value] of rule.headers)
      headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

function build(basePath: string, assetsFolder = '_astro'): string {
  return buildHeadersFile({
    basePath,
    assetsFolder,
    contentSecurityPolicy: CSP,
    htmlFiles: HTML_FILES,
  });
}

describe('buildHeadersFile at the root', () => {
  const text = build('/');

  it('catch-all rule carries the CSP', () => {
    const catchAll = parseHeadersFile(text).find((rule) => rule.pattern === '/*');

    expect(catchAll?.headers).toContainEqual(['Content-Security-Policy', CSP]);
  });

  it('catch-all rule carries every security header', () => {
    const catchAll = parseHeadersFile(text).find((rule) => rule.pattern === '/*');

    for (const header of SECURITY_HEADERS) {
      expect(catchAll?.headers, `Header ${header[0]}`).toContainEqual(header);
    }
  });

  it('assets cached as immutable', () => {
    const headers = headersFor(text, '/_astro/page.cNngjUgL.js');

    expect(headers.get('Cache-Control')).toEqual([FINGERPRINTED_CACHE_CONTROL]);
  });

  it('assets get the CSP too', () => {
    const headers = headersFor(text, '/_astro/page.cNngjUgL.js');

    expect(headers.get('Content-Security-Policy')).toEqual([CSP]);
  });

  it.each([
    ['/', 'home page'],
    ['/api-reference/', 'API Reference'],
    ['/guides/authentication/', 'guide'],
    ['/404.html', '404 page file'],
    ['/404', '404 page without .html'],
  ])('%s revalidated (%s)', (path) => {
    expect(headersFor(text, path).get('Cache-Control')).toEqual([PAGE_CACHE_CONTROL]);
  });

  it('prepared document cached as immutable', () => {
    const withDocument = buildHeadersFile({
      basePath: '/docs/',
      assetsFolder: '_astro',
      contentSecurityPolicy: CSP,
      htmlFiles: HTML_FILES,
      fingerprintedFiles: ['openapi/miles-usp.3f2a9c1b0d.json'],
    });

    expect(
      headersFor(withDocument, '/docs/openapi/miles-usp.3f2a9c1b0d.json').get('Cache-Control'),
    ).toEqual([FINGERPRINTED_CACHE_CONTROL]);
    expect(headersFor(withDocument, '/docs/openapi/miles-usp.json').get('Cache-Control')).toBe(
      undefined,
    );
  });

  it('other files keep the host default cache', () => {
    expect(headersFor(text, '/pagefind/pagefind.js').get('Cache-Control')).toBeUndefined();
  });

  it('one CSP per path', () => {
    for (const path of ['/', '/api-reference/', '/_astro/a.js', '/favicon.svg']) {
      expect(headersFor(text, path).get('Content-Security-Policy'), path).toHaveLength(1);
    }
  });

  it('pages listed once, sorted', () => {
    const patterns = parseHeadersFile(text).map((rule) => rule.pattern);

    expect(patterns).toEqual([
      '/*',
      '/_astro/*',
      '/',
      '/404',
      '/404.html',
      '/api-reference/',
      '/guides/authentication/',
    ]);
  });

  it('text ends with one newline', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });
});

describe('buildHeadersFile under a sub-path', () => {
  const text = build('/docs/');
  const patterns = parseHeadersFile(text).map((rule) => rule.pattern);

  it('every pattern starts with the base path', () => {
    for (const pattern of patterns) expect(pattern, pattern).toMatch(/^\/docs\//);
  });

  it('catch-all covers the base path only', () => {
    expect(headersFor(text, '/docs/').get('Content-Security-Policy')).toEqual([CSP]);
    expect(headersFor(text, '/other/').get('Content-Security-Policy')).toBeUndefined();
  });

  it('assets under the base path', () => {
    const headers = headersFor(text, '/docs/_astro/page.cNngjUgL.js');

    expect(headers.get('Cache-Control')).toEqual([FINGERPRINTED_CACHE_CONTROL]);
  });

  it('pages under the base path', () => {
    expect(headersFor(text, '/docs/').get('Cache-Control')).toEqual([PAGE_CACHE_CONTROL]);
    expect(headersFor(text, '/docs/api-reference/').get('Cache-Control')).toEqual([
      PAGE_CACHE_CONTROL,
    ]);
  });

  it('base path without trailing slash', () => {
    expect(build('/docs')).toBe(text);
  });
});

describe('buildHeadersFile with another assets folder', () => {
  it('caches that folder', () => {
    const text = build('/', '/assets/');

    expect(headersFor(text, '/assets/a.js').get('Cache-Control')).toEqual([
      FINGERPRINTED_CACHE_CONTROL,
    ]);
    expect(headersFor(text, '/_astro/a.js').get('Cache-Control')).toBeUndefined();
  });
});

describe('SECURITY_HEADERS', () => {
  const headers = new Map(SECURITY_HEADERS);

  it('nosniff', () => {
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('no framing', () => {
    expect(headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('referrer policy', () => {
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });

  it('permissions policy keeps clipboard-write for self', () => {
    const features = headers.get('Permissions-Policy')?.split(', ');

    expect(features).toContain('clipboard-write=(self)');
  });

  it.each(['camera', 'microphone', 'geolocation', 'payment', 'usb'])(
    'permissions policy turns off %s',
    (feature) => {
      const features = headers.get('Permissions-Policy')?.split(', ');

      expect(features).toContain(`${feature}=()`);
    },
  );
});

describe('pageUrlPaths', () => {
  it('root index', () => {
    expect(pageUrlPaths('index.html', '/')).toEqual(['/']);
  });

  it('nested index', () => {
    expect(pageUrlPaths('guides/authentication/index.html', '/docs/')).toEqual([
      '/docs/guides/authentication/',
    ]);
  });

  it('other HTML file', () => {
    expect(pageUrlPaths('404.html', '/')).toEqual(['/404.html', '/404']);
  });
});
