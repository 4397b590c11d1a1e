/**
 * The site served with the headers of its generated `_headers` file: no page reports a Content
 * Security Policy violation, and the features that rely on inline scripts, WebAssembly, Web
 * Crypto and cross-origin fetch keep working under the policy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { API_URL, FIXTURE_URL } from '../support/ports';
import { expect, test as networkTest } from './support/network';
import { ApiReferencePage, PATHS, StarlightChrome } from './support/pages';

/** Console and page-error text of a CSP refusal. Chromium writes "Content Security policy" too. */
const CSP_MESSAGE = /content security policy/i;

/** Paths of every page in the sitemap of the `dist` build, read when the tests are collected. */
function sitemapPaths(dir = 'dist'): string[] {
  const index = join(dir, 'sitemap-index.xml');
  if (!existsSync(index)) {
    throw new Error(`${index} not found. Build the site first with \`npx astro build\`.`);
  }
  const sitemaps = locations(readFileSync(index, 'utf8')).map((url) => join(dir, basename(url)));
  return sitemaps.flatMap((file) =>
    locations(readFileSync(file, 'utf8')).map((url) => new URL(url).pathname),
  );
}

function locations(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.trim());
}

const test = networkTest.extend<{ cspViolations: string[] }>({
  /**
   * Every CSP violation the test's page reports, across navigations: `securitypolicyviolation`
   * events, and console messages and page errors about the policy. A blocked WebAssembly
   * compilation, for one, throws a CompileError and fires no event.
   */
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { reportCspViolation: (text: string) => void })
            .reportCspViolation;
          const blocked = event.blockedURI || 'inline';
          report(
            `${event.effectiveDirective} blocked ${blocked} at ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      });
      page.on('console', (message) => {
        if (CSP_MESSAGE.test(message.text())) violations.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => {
        if (CSP_MESSAGE.test(error.message)) violations.push(`page error: ${error.message}`);
      });
      await use(violations);
    },
    { auto: true },
  ],
});

/**
 * Waits until the page's network is idle, then makes one round trip to the page, so the reports
 * of everything that has run so far have reached the test.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

test.describe('CSP violations', () => {
  for (const path of sitemapPaths()) {
    test(`none on ${path}`, async ({ page, cspViolations }) => {
      const response = await page.goto(path);
      expect(response?.status(), `Status of ${path}`).toBe(200);
      if (path === PATHS.apiReference) await new ApiReferencePage(page).waitForScalar();
      await settle(page);

      expect(cspViolations).toEqual([]);
    });
  }

  test('none on the 404 page', async ({ page, cspViolations }) => {
    const response = await page.goto(PATHS.notFound);
    expect(response?.status()).toBe(404);
    await settle(page);

    expect(cspViolations).toEqual([]);
  });

  test('none with try-it open', async ({ page, cspViolations }) => {
    const reference = new ApiReferencePage(page);
    await reference.goto();

    await reference.testRequestButton('post', '/v7/login-with-phone-otp').click();
    await expect(reference.apiClient).toBeVisible();
    await settle(page);
    await page.keyboard.press('Escape');
    await expect(reference.apiClient).toBeHidden();

    expect(cspViolations).toEqual([]);
  });

  test('none in Scalar search', async ({ page, cspViolations }) => {
    const reference = new ApiReferencePage(page);
    await reference.goto();

    await page.keyboard.press('Control+j');
    await expect(reference.scalarSearch).toBeVisible();
    await page.keyboard.type('otp');
    await expect(reference.scalarSearch.getByText('Verify the OTP').first()).toBeVisible();
    await settle(page);

    expect(cspViolations).toEqual([]);
  });

  test('none with a decoded token', async ({ page, cspViolations }) => {
    await page.goto(PATHS.tokenDecoder);

    await page.getByRole('button', { name: 'Valid SSO token' }).click();
    await expect(page.locator('[data-verdict-title]')).not.toBeEmpty();
    // The signature check runs HMAC-SHA256 through Web Crypto.
    await page.getByText('Check the signature with a secret').click();
    await page.getByLabel(/^SSO secret/).fill('demo-sso-secret-not-for-production');
    await expect(page.locator('[data-verdict-title]')).not.toBeEmpty();
    await settle(page);

    expect(cspViolations).toEqual([]);
  });
});

test.describe('try-it request under connect-src', () => {
  test.use({ baseURL: FIXTURE_URL });

  test('reaches the Local server', async ({ page, cspViolations }) => {
    const reference = new ApiReferencePage(page);
    await reference.goto();
    const listbox = await reference.openServerList();
    await listbox.getByRole('option', { name: API_URL, exact: true }).click();
    await expect(reference.serverButton).toContainText(API_URL);

    // Scalar renders an operation far below the fold only when it is reached.
    await reference.root.getByRole('link', { name: 'Read public data' }).first().click();
    await reference.root
      .locator('button', { hasText: 'Test Request' })
      .filter({ hasText: '/fixture/public' })
      .first()
      .click();
    const response = page.waitForResponse((item) => item.url() === `${API_URL}/fixture/public`);
    await page
      .getByRole('button', { name: `Send get request to ${API_URL}/fixture/public` })
      .click();

    expect((await response).status()).toBe(200);
    await settle(page);
    expect(cspViolations).toEqual([]);
  });
});

test.describe('features under the CSP', () => {
  test('theme choice survives a reload', async ({ page, cspViolations }) => {
    const chrome = new StarlightChrome(page);
    await page.goto(PATHS.guide);
    // The built HTML has data-theme="dark", so light after a reload means the inline theme script ran.
    await chrome.selectTheme('light');

    await page.reload();

    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(chrome.themeSelect).toHaveValue('light');
    expect(cspViolations).toEqual([]);
  });

  test('search finds verify-otp', async ({ page, cspViolations }) => {
    const chrome = new StarlightChrome(page);
    await page.goto(PATHS.home);
    await expect(chrome.searchButton).toBeEnabled();

    await chrome.searchButton.click();
    await expect(chrome.searchDialog).toBeVisible();
    await chrome.searchDialog.getByRole('textbox').fill('verify-otp');

    await expect(chrome.searchDialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
    await settle(page);
    expect(cspViolations).toEqual([]);
  });

  test('Scalar mounts', async ({ page, cspViolations }) => {
    const reference = new ApiReferencePage(page);
    await reference.goto();

    await expect(reference.scalarApp).toBeVisible();
    await expect(reference.root.locator('[data-loading]')).toHaveCount(0);
    await settle(page);
    expect(cspViolations).toEqual([]);
  });

  test('Permissions-Policy names only known features', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Permissions-Policy')) warnings.push(message.text());
    });

    await page.goto(PATHS.home);
    await settle(page);

    expect(warnings).toEqual([]);
  });
});

test.describe('response headers', () => {
  test('page CSP forbids framing', async ({ request }) => {
    const response = await request.get(PATHS.guide);
    const csp = response.headers()['content-security-policy'];

    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('page CSP script-src is strict', async ({ request }) => {
    const response = await request.get(PATHS.guide);
    const csp = response.headers()['content-security-policy'] ?? '';
    const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src'));

    expect(scriptSrc).toContain("'sha256-");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  });

  test('page security headers', async ({ request }) => {
    const headers = (await request.get(PATHS.guide)).headers();

    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['permissions-policy']).toContain('clipboard-write=(self)');
  });

  test('page revalidated', async ({ request }) => {
    const headers = (await request.get(PATHS.guide)).headers();

    expect(headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  });

  test('fingerprinted asset immutable', async ({ page, request }) => {
    await page.goto(PATHS.home);
    const script = await page.locator('script[src*="/_astro/"]').first().getAttribute('src');
    expect(script, 'No script from /_astro/ on the home page').toBeTruthy();

    const headers = (await request.get(script!)).headers();

    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test('sub-path build rules under the base path', () => {
    const file = 'dist-subpath/_headers';
    expect(existsSync(file), `${file} is missing. Run "npm run build:subpath".`).toBe(true);
    const patterns = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !/^\s/.test(line));

    expect(patterns).toContain('/docs/*');
    expect(patterns).toContain('/docs/_astro/*');
    expect(patterns).toContain('/docs/api-reference/');
    expect(patterns.filter((pattern) => !pattern.startsWith('/docs/'))).toEqual([]);
  });

  test('fixture build served with the CSP', async ({ request }) => {
    const response = await request.get(`${FIXTURE_URL}${PATHS.apiReference}`);

    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
