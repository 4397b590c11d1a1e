/**
 * The Endpoints page, the OpenAPI downloads, search, llms.txt, canonical URLs and the 404 page.
 * The operation listing runs on the site built from the fixture document, which has an operation
 * of every auth mode. The other tests run on the main site.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import { PATHS, StarlightChrome, relativeLuminance } from './support/pages';
import { FIXTURE_URL } from '../support/ports';

const ENDPOINTS_PATH = '/endpoints/';
const FIXTURE_FILE = 'tests/fixtures/openapi-every-auth-mode/every-auth-mode.yaml';
/** The folder the main site is built from, as `DOCS_OPENAPI_DIR` sets it for `npm run build`. */
const OPENAPI_DIR = process.env.DOCS_OPENAPI_DIR || 'openapi';
/** The site URL the main build used, the default of `src/settings.ts` unless set for the tests. */
const SITE_URL = (process.env.DOCS_SITE_URL || 'http://localhost:4321').replace(/\/+$/, '');

/** How long Scalar may take to mount and render, in milliseconds. */
const SCALAR_TIMEOUT = 20_000;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The label each security scheme of the fixture gets on a badge, written out by hand. */
const BADGE_OF_SCHEME: Record<string, string> = {
  BearerAuth: 'Bearer',
  ApiKeyAuth: 'X-LMS-OPEN-API-KEY',
  VendorTokenAuth: 'X-Vendor-Token',
  EnrollmentFormVendorTokenAuth: 'X-Enrollment-Form-Vendor-Token',
};

/** The slug of each fixture tag in Scalar's operation anchors, written out by hand. */
const TAG_SLUG: Record<string, string> = { Fixture: 'fixture', 'Admin login': 'admin-login' };

interface ExpectedOperation {
  method: string;
  path: string;
  summary: string;
  badges: string[];
  /** The operation's anchor in the API Reference, such as `tag/fixture/GET/fixture/me`. */
  hash: string;
}

type Security = Array<Record<string, unknown>> | undefined;

/** Computes the badge labels of one operation from its `security`. */
function expectedBadges(security: Security): string[] {
  if (security === undefined) return ['Auth not stated'];
  if (security.length === 0) return ['No auth'];
  const optional = security.some((requirement) => Object.keys(requirement).length === 0);
  return security
    .filter((requirement) => Object.keys(requirement).length > 0)
    .map((requirement) => {
      const label = BADGE_OF_SCHEME[Object.keys(requirement)[0]!]!;
      if (label === 'Bearer') return optional ? 'Bearer optional' : 'Bearer required';
      return optional ? `${label} (optional)` : label;
    });
}

/** Reads every operation of the fixture document, with what the Endpoints page shows for it. */
function fixtureOperations(): ExpectedOperation[] {
  const document = parse(readFileSync(FIXTURE_FILE, 'utf8')) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    security?: Security;
  };
  const operations: ExpectedOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = (operation.tags as string[])[0]!;
      operations.push({
        method: method.toUpperCase(),
        path,
        summary: String(operation.summary),
        badges: expectedBadges((operation.security as Security) ?? document.security),
        hash: `tag/${TAG_SLUG[tag]}/${method.toUpperCase()}${path}`,
      });
    }
  }
  return operations;
}

/** Finds the card of the operation `method path` on the Endpoints page. */
function operationCard(page: Page, method: string, path: string): Locator {
  return page
    .locator('article[data-endpoint]')
    .filter({ has: page.locator('[data-method]', { hasText: new RegExp(`^${method}$`) }) })
    .filter({ has: page.locator('[data-path]', { hasText: new RegExp(`^${escape(path)}$`) }) });
}

/** Computes the WCAG contrast ratio of two opaque CSS colours, from 1 to 21. */
function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort(
    (a, b) => b - a,
  ) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Checks method, path, summary, badges and API Reference link of every fixture operation. */
async function expectEveryOperation(page: Page): Promise<void> {
  const operations = fixtureOperations();
  await expect(page.locator('article[data-endpoint]')).toHaveCount(operations.length);

  for (const operation of operations) {
    const name = `${operation.method} ${operation.path}`;
    const card = operationCard(page, operation.method, operation.path);
    await expect(card, `No card for ${name}`).toHaveCount(1);
    await expect(card.locator('[data-summary]'), `Summary of ${name}`).toHaveText(
      operation.summary,
    );
    await expect(card.locator('[data-auth-badge]'), `Badges of ${name}`).toHaveText(
      operation.badges,
    );
    await expect(card.locator('a[data-reference-link]'), `Link of ${name}`).toHaveAttribute(
      'href',
      `/api-reference/#${operation.hash}`,
    );
  }
}

test.describe('Endpoints page on the fixture site', () => {
  test.use({ baseURL: FIXTURE_URL });

  test('fixture has operations to check', () => {
    expect(fixtureOperations().length).toBeGreaterThanOrEqual(9);
  });

  test('lists every operation with its badges', async ({ page }) => {
    await page.goto(ENDPOINTS_PATH);
    await expectEveryOperation(page);
  });

  test('shows every badge text in both themes', async ({ page }) => {
    for (const theme of ['light', 'dark'] as const) {
      await page.addInitScript((mode) => localStorage.setItem('starlight-theme', mode), theme);
      await page.goto(ENDPOINTS_PATH);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

      const badges = page.locator('[data-auth-badge]');
      const count = await badges.count();
      expect(count).toBeGreaterThan(0);
      for (let index = 0; index < count; index += 1) {
        const badge = badges.nth(index);
        await expect(badge).toBeVisible();
        const colours = await badge.evaluate((element) => {
          const style = getComputedStyle(element);
          return { text: style.color, background: style.backgroundColor };
        });
        const ratio = contrastRatio(colours.text, colours.background);
        expect(ratio, `Contrast of badge ${index} in ${theme}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  test('renders descriptions as Markdown', async ({ page }) => {
    await page.goto(ENDPOINTS_PATH);
    const card = operationCard(page, 'GET', '/fixture/me');
    await expect(card.locator('strong')).toHaveText('Authentication: Bearer JWT (required).');
  });

  test('lists the security schemes with their headers', async ({ page }) => {
    await page.goto(ENDPOINTS_PATH);
    const rows = page.locator('table.endpoints-schemes tbody tr');
    await expect(rows.locator('td:first-child')).toHaveText([
      'BearerAuth',
      'ApiKeyAuth',
      'VendorTokenAuth',
      'EnrollmentFormVendorTokenAuth',
    ]);
    await expect(rows.locator('td:last-child')).toHaveText([
      'Authorization',
      'X-LMS-OPEN-API-KEY',
      'X-Vendor-Token',
      'X-Enrollment-Form-Vendor-Token',
    ]);
  });

  for (const { method, path, summary } of [
    { method: 'GET', path: '/fixture/me', summary: "Read the caller's profile" },
    { method: 'POST', path: '/v7/login-with-phone-otp', summary: 'Send an admin login OTP' },
  ]) {
    test(`link opens ${method} ${path} in the API Reference`, async ({ page }) => {
      await page.goto(ENDPOINTS_PATH);
      await operationCard(page, method, path).locator('a[data-reference-link]').click();

      await expect(page).toHaveURL(/\/api-reference\/#tag\//);
      const heading = page
        .locator('#api-reference-root')
        .getByRole('heading', { name: summary, exact: true });
      await expect(heading).toBeVisible({ timeout: SCALAR_TIMEOUT });
      await expect(heading).toBeInViewport();
    });
  }

  test.describe('with JavaScript disabled', () => {
    test.use({ javaScriptEnabled: false });

    test('lists every operation with its badges', async ({ page }) => {
      await page.goto(ENDPOINTS_PATH);
      await expectEveryOperation(page);
    });

    test('shows the descriptions and download links', async ({ page }) => {
      await page.goto(ENDPOINTS_PATH);
      await expect(page.locator('.endpoint__description').first()).toBeVisible();
      await expect(page.getByRole('link', { name: 'Download YAML' })).toHaveAttribute(
        'href',
        '/openapi/every-auth-mode.yaml',
      );
      await expect(page.getByRole('link', { name: 'Download JSON' })).toHaveAttribute(
        'href',
        '/openapi/every-auth-mode.json',
      );
    });
  });
});

/** Reads each document of the main build: its slug, format and text as written. */
function mainDocuments(): Array<{ slug: string; format: 'yaml' | 'json'; text: string }> {
  return readdirSync(OPENAPI_DIR)
    .filter((name) => ['.yaml', '.yml', '.json'].includes(extname(name).toLowerCase()))
    .map((name) => ({
      slug: basename(name, extname(name))
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      format: extname(name).toLowerCase() === '.json' ? 'json' : 'yaml',
      text: readFileSync(join(OPENAPI_DIR, name), 'utf8'),
    }));
}

/** Reads the path of every page in the sitemap, such as `/guides/authentication/`. */
async function sitemapPaths(page: Page): Promise<string[]> {
  const index = await (await page.request.get('/sitemap-index.xml')).text();
  const paths: string[] = [];
  for (const [, sitemap] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const text = await (await page.request.get(new URL(sitemap!).pathname)).text();
    for (const [, url] of text.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(url!).pathname);
  }
  return paths;
}

test.describe('Main site', () => {
  test('search finds an operation path', async ({ page }) => {
    const chrome = new StarlightChrome(page);
    await page.goto(PATHS.home);
    await chrome.searchButton.click();
    await chrome.searchDialog.getByRole('textbox', { name: 'Search' }).fill('/v7/verify-otp');

    const result = chrome.searchDialog.locator(`a[href^="${ENDPOINTS_PATH}"]`).first();
    await expect(result).toBeVisible();
  });

  for (const header of [
    'X-Vendor-Token',
    'X-LMS-OPEN-API-KEY',
    'X-Enrollment-Form-Vendor-Token',
    'Authorization',
  ]) {
    test(`search finds the header ${header}`, async ({ page }) => {
      const chrome = new StarlightChrome(page);
      await page.goto(PATHS.home);
      await chrome.searchButton.click();
      await chrome.searchDialog.getByRole('textbox', { name: 'Search' }).fill(header);

      const result = chrome.searchDialog.locator(`a[href^="${ENDPOINTS_PATH}"]`).first();
      await expect(result).toBeVisible();
    });
  }

  test('search finds an operation summary', async ({ page }) => {
    const chrome = new StarlightChrome(page);
    await page.goto(PATHS.home);
    await chrome.searchButton.click();
    await chrome.searchDialog
      .getByRole('textbox', { name: 'Search' })
      .fill('Verify the OTP and get an admin JWT');

    const result = chrome.searchDialog.locator(`a[href^="${ENDPOINTS_PATH}"]`).first();
    await expect(result).toBeVisible();
  });

  test('llms.txt lists every page of the sitemap', async ({ page }) => {
    const pages = await sitemapPaths(page);
    expect(pages.length).toBeGreaterThan(0);

    const response = await page.request.get('/llms.txt');
    expect(response.status()).toBe(200);
    const links = [...(await response.text()).matchAll(/\]\(([^)\s]+)\)/g)].map(
      ([, url]) => new URL(url!, `${SITE_URL}/`).pathname,
    );
    for (const path of pages) expect(links, `llms.txt has no link to ${path}`).toContain(path);
  });

  test('endpoints page links each download', async ({ page }) => {
    await page.goto(ENDPOINTS_PATH);
    for (const { slug } of mainDocuments()) {
      await expect(page.locator(`a[href="/openapi/${slug}.yaml"]`)).toHaveCount(1);
      await expect(page.locator(`a[href="/openapi/${slug}.json"]`)).toHaveCount(1);
    }
  });

  for (const document of mainDocuments()) {
    test(`${document.slug} downloads as YAML`, async ({ request }) => {
      const response = await request.get(`/openapi/${document.slug}.yaml`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('yaml');
      const text = await response.text();
      if (document.format === 'yaml') expect(text).toBe(document.text);
      expect(parse(text)).toEqual(parse(document.text));
    });

    test(`${document.slug} downloads as JSON`, async ({ request }) => {
      const response = await request.get(`/openapi/${document.slug}.json`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/json');
      const text = await response.text();
      const parsed = parse(document.text) as unknown;
      expect(JSON.parse(text)).toEqual(parsed);
      expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    });
  }

  test('fingerprinted document is still served', async ({ page, request }) => {
    await page.goto(PATHS.apiReference);
    const config = JSON.parse(
      (await page.locator('#api-reference-root').getAttribute('data-config')) ?? '{}',
    ) as { sources: Array<{ slug: string; url: string }> };
    expect(config.sources.length).toBe(mainDocuments().length);

    for (const source of config.sources) {
      expect(source.url).toMatch(new RegExp(`^/openapi/${source.slug}\\.[0-9a-f]{10}\\.json$`));
      const response = await request.get(source.url);
      expect(response.status(), source.url).toBe(200);
    }
  });

  for (const path of [PATHS.home, ENDPOINTS_PATH, '/deploy/', PATHS.guide]) {
    test(`canonical and og:url of ${path} use the site URL`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        `${SITE_URL}${path}`,
      );
      await expect(page.locator('meta[property="og:url"]')).toHaveAttribute(
        'content',
        `${SITE_URL}${path}`,
      );
    });
  }

  test('404 page shows for an unknown path', async ({ page }) => {
    const response = await page.goto(PATHS.notFound);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByText('Search finds operation paths')).toBeVisible();
  });

  test('404 page links to the main pages', async ({ page }) => {
    await page.goto('/some/deeper/unknown/path/');
    const links = [
      ['Authentication guide', PATHS.guide],
      ['API Reference', PATHS.apiReference],
      ['Endpoints', ENDPOINTS_PATH],
      ['Token decoder', PATHS.tokenDecoder],
    ] as const;
    const content = page.locator('main');
    for (const [name, href] of links) {
      await expect(content.getByRole('link', { name, exact: false }).first()).toHaveAttribute(
        'href',
        href,
      );
    }
  });
});
