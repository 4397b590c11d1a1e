/**
 * Every page of the site loads only from its own server at 127.0.0.1: no web fonts, CDNs,
 * telemetry or other hosts, also after Scalar's "try it" panel opens and after a search.
 */
import { LOCAL_HOSTS, RequestLog, expect, expectOnlyAllowedHosts, test } from './support/network';
import { ApiReferencePage, PATHS, StarlightChrome } from './support/pages';

test.use({ allowedHosts: ['127.0.0.1'] });

test.describe('Requests stay on 127.0.0.1', () => {
  const pages = [
    ['home', PATHS.home],
    ['guide', PATHS.guide],
    ['token decoder', PATHS.tokenDecoder],
    ['404', PATHS.notFound],
  ] as const;

  for (const [name, path] of pages) {
    test(`${name} page`, async ({ page, requestLog }) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');

      expect(requestLog.hasLocalRequest(path), `The log has no request for ${path}`).toBe(true);
      expectOnlyAllowedHosts(requestLog, `from ${path}`);
    });
  }

  test('every page in the sitemap', async ({ page, request, requestLog }) => {
    const sitemap = await request.get('/sitemap-0.xml');
    expect(sitemap.status(), 'HTTP status of /sitemap-0.xml').toBe(200);
    // The sitemap lists absolute URLs on the build's site URL, so only their paths apply here.
    const paths = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => new URL(match[1]!).pathname,
    );
    expect(paths, 'Paths in the sitemap').toContain(PATHS.guide);

    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(requestLog.hasLocalRequest(path), `The log has no request for ${path}`).toBe(true);
      expectOnlyAllowedHosts(requestLog, `up to ${path}`);
    }
  });

  test('404 page returns status 404', async ({ page }) => {
    const response = await page.goto(PATHS.notFound);
    expect(response?.status()).toBe(404);
  });

  test('API Reference page', async ({ page, requestLog }) => {
    const reference = new ApiReferencePage(page);
    await reference.goto();
    await page.waitForLoadState('networkidle');

    expect(requestLog.hasLocalRequest(PATHS.apiReference), 'The page request is missing').toBe(
      true,
    );
    expectOnlyAllowedHosts(requestLog, 'while Scalar mounted');

    await reference.testRequestButton('post', '/v7/login-with-phone-otp').click();
    await expect(reference.apiClient).toBeVisible();
    await page.waitForLoadState('networkidle');
    expectOnlyAllowedHosts(requestLog, 'after the try-it panel opened');
  });

  test('site search', async ({ page, requestLog }) => {
    const chrome = new StarlightChrome(page);
    await page.goto(PATHS.guide);
    await expect(chrome.searchButton).toBeEnabled();

    await chrome.searchButton.click();
    await expect(chrome.searchDialog).toBeVisible();
    await chrome.searchDialog.getByRole('textbox', { name: 'Search' }).fill('SimpleJWT');
    const results = chrome.searchDialog.getByRole('link', { name: /Authentication/ });
    await expect(results.first()).toBeVisible();
    await page.waitForLoadState('networkidle');

    expectOnlyAllowedHosts(requestLog, 'during a search');
  });
});

test.describe('Request log', () => {
  test('catches a request to another host', async ({ browser, baseURL }) => {
    // The site's Content-Security-Policy would block the fetch before any request is issued.
    const context = await browser.newContext({ baseURL, bypassCSP: true });
    const log = new RequestLog(LOCAL_HOSTS);
    log.attach(context);
    // The route fulfils the request inside the browser, so nothing leaves the machine.
    await context.route('http://fonts.example.invalid/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/css',
        headers: { 'Access-Control-Allow-Origin': '*' },
        body: '',
      }),
    );
    try {
      const page = await context.newPage();
      await page.goto(PATHS.home);
      await page.evaluate(() =>
        fetch('http://fonts.example.invalid/css?family=Inter').then((response) => response.text()),
      );

      expect(log.hasLocalRequest(PATHS.home), 'The page request is missing').toBe(true);
      expect(log.foreignRequests()).toEqual(['http://fonts.example.invalid/css?family=Inter']);
    } finally {
      await context.close();
    }
  });
});
