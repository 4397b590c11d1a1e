/**
 * The `_headers` file of the build, in the format that Netlify and Cloudflare Pages read: a path
 * pattern on its own line, then indented `Name: value` lines.
 *
 * Both hosts apply every rule whose pattern matches a path, and Cloudflare Pages joins the values
 * of a header that two matching rules set with a comma. So no header name here is set by two
 * rules that can match the same path: `Cache-Control` is set per page and for the asset folder,
 * never in the catch-all rule.
 *
 * NOTE: one rule per page keeps within Cloudflare's limit of 100 rules only up to 98 pages. The
 * integration warns when the file has more.
 */

/** Headers of every response, besides the Content Security Policy. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  // Page paths of this site contain no secrets, and other origins receive only the origin.
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // clipboard-write stays allowed for this origin: the copy buttons of code blocks and of Scalar
  // use navigator.clipboard.writeText(). Every feature named here is one Chromium 156 recognizes,
  // because it logs an error for each unknown name (it does for `bluetooth`).
  [
    'Permissions-Policy',
    [
      'accelerometer=()',
      'browsing-topics=()',
      'camera=()',
      'clipboard-read=()',
      'clipboard-write=(self)',
      'display-capture=()',
      'geolocation=()',
      'gyroscope=()',
      'hid=()',
      'idle-detection=()',
      'magnetometer=()',
      'microphone=()',
      'midi=()',
      'payment=()',
      'publickey-credentials-get=()',
      'screen-wake-lock=()',
      'serial=()',
      'usb=()',
      'xr-spatial-tracking=()',
    ].join(', '),
  ],
];

/** Assets whose file names contain a content hash, so a changed file gets a new URL. */
export const FINGERPRINTED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Pages: a cache may keep a copy but has to revalidate it before each use. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** What the `_headers` file depends on. */
export interface HeadersFileInput {
  /** Astro's `base`, such as `/` or `/docs/`. */
  basePath: string;
  /** Astro's `build.assets` folder of fingerprinted files, `_astro` by default. */
  assetsFolder: string;
  contentSecurityPolicy: string;
  /** Paths of the built HTML files relative to the output folder, with `/` separators. */
  htmlFiles: readonly string[];
  /**
   * Other files with a content hash in their names, such as `openapi/miles-usp.3f2a9c1b0d.json`,
   * relative to the output folder.
   */
  fingerprintedFiles?: readonly string[];
}

/** Builds the text of `_headers`. */
export function buildHeadersFile(input: HeadersFileInput): string {
  const base = withTrailingSlash(input.basePath);
  const assets = input.assetsFolder.replace(/^\/+|\/+$/g, '');
  const pagePaths = [...new Set(input.htmlFiles.flatMap((file) => pageUrlPaths(file, base)))];

  const rules: Array<[string, Array<readonly [string, string]>]> = [
    [`${base}*`, [['Content-Security-Policy', input.contentSecurityPolicy], ...SECURITY_HEADERS]],
    [`${base}${assets}/*`, [['Cache-Control', FINGERPRINTED_CACHE_CONTROL]]],
    ...[...(input.fingerprintedFiles ?? [])]
      .sort()
      .map((file): [string, Array<readonly [string, string]>] => [
        `${base}${file.replace(/^\/+/, '')}`,
        [['Cache-Control', FINGERPRINTED_CACHE_CONTROL]],
      ]),
    ...pagePaths
      .sort()
      .map((path): [string, Array<readonly [string, string]>] => [
        path,
        [['Cache-Control', PAGE_CACHE_CONTROL]],
      ]),
  ];

  const blocks = rules.map(([pattern, headers]) =>
    [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
  );
  return `${blocks.join('\n')}\n`;
}

/**
 * Returns the URL paths that serve the built HTML file `file`: `guides/a/index.html` is served
 * at `<base>guides/a/`, and `404.html` at `<base>404.html` and, on hosts that drop `.html`,
 * at `<base>404`.
 */
export function pageUrlPaths(file: string, basePath: string): string[] {
  const base = withTrailingSlash(basePath);
  const relative = file.replace(/^\/+/, '');
  if (relative === 'index.html') return [base];
  if (relative.endsWith('/index.html'))
    return [`${base}${relative.slice(0, -'index.html'.length)}`];
  return [`${base}${relative}`, `${base}${relative.replace(/\.html$/, '')}`];
}

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}
