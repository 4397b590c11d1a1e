/**
 * The build made with `DOCS_BASE_PATH=/docs/` (`npm run build:subpath`, in `dist-subpath/`),
 * served under /docs/: every page, link and asset resolves, Scalar mounts, and the API
 * Explorer's credential cookies are scoped to /docs/api-reference/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './support/network';
import { SITE_PORT } from '../support/ports';

const BASE = '/docs/';
const OUT_DIR = 'dist-subpath';
/** 4395 with the default ports; moves with `DOCS_TEST_PORT` like the other test servers. */
const PORT = SITE_PORT + 4;
const ORIGIN = `http://127.0.0.1:${PORT}`;
/** How long Scalar may take to mount and render, in milliseconds. */
const SCALAR_TIMEOUT = 20_000;

// One server on a fixed port, so the tests of this file run one after another in one worker.
test.describe.configure({ mode: 'default' });
test.use({ baseURL: ORIGIN });

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  if (!existsSync(OUT_DIR)) {
    throw new Error(`${OUT_DIR}/ is missing. Run "npm run build:subpath" before these tests.`);
  }
  server = spawn(
    process.execPath,
    ['tests/support/static-server.mjs', '--dir', OUT_DIR, '--base', BASE, '--port', String(PORT)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitForServer(server);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  server = undefined;
});

/** Resolves once the server responds on `ORIGIN`. Rejects when it exits or after 15 seconds. */
async function waitForServer(child: ChildProcess): Promise<void> {
  let exited = false;
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('exit', () => (exited = true));

  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The static server on port ${PORT} exited: ${output.trim()}`);
    try {
      const response = await fetch(`${ORIGIN}${BASE}`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The static server did not respond on ${ORIGIN}${BASE} within 15 seconds.`);
}

/** Reads the path of every page in the sitemap, such as `/docs/guides/authentication/`. */
async function sitemapPaths(page: Page): Promise<string[]> {
  const index = await page.request.get(`${BASE}sitemap-index.xml`);
  expect(index.status(), 'sitemap-index.xml').toBe(200);
  const paths: string[] = [];
  for (const [, sitemap] of (await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const response = await page.request.get(new URL(sitemap!).pathname);
    expect(response.status(), sitemap).toBe(200);
    for (const [, url] of (await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)) {
      paths.push(new URL(url!).pathname);
    }
  }
  return paths;
}

/** Records the URL of every response with status 404 on `page`. */
function recordNotFound(page: Page): string[] {
  const notFound: string[] = [];
  page.on('response', (response: Response) => {
    if (response.status() === 404) notFound.push(response.url());
  });
  return notFound;
}

/** Collects the same-origin link targets of the page, without their fragments. */
async function localLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  const local = hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === ORIGIN)
    .map((url) => url.pathname);
  return [...new Set(local)];
}

test('sitemap paths start with the base', async ({ page }) => {
  const paths = await sitemapPaths(page);
  expect(paths.length).toBeGreaterThan(0);
  for (const path of paths) expect(path.startsWith(BASE), path).toBe(true);
  expect(paths).toContain(`${BASE}api-reference/`);
  expect(paths).toContain(`${BASE}endpoints/`);
});

test('every page loads without a 404 request', async ({ page }) => {
  const paths = await sitemapPaths(page);
  const notFound = recordNotFound(page);
  const links = new Set<string>();

  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState('networkidle');
    for (const link of await localLinks(page)) links.add(link);
  }
  expect(notFound, 'Requests that got 404').toEqual([]);

  for (const link of links) {
    expect(link.startsWith(BASE), `The link ${link} is outside ${BASE}`).toBe(true);
    const response = await page.request.get(link);
    expect(response.status(), `The link ${link}`).toBe(200);
  }
});

test('404 page assets and links resolve', async ({ page }) => {
  const notFound = recordNotFound(page);
  const response = await page.goto(`${BASE}no-such-page/`);
  expect(response?.status()).toBe(404);
  await page.waitForLoadState('networkidle');
  expect(notFound).toEqual([`${ORIGIN}${BASE}no-such-page/`]);

  // The skip link points into the page itself, which is the missing path.
  const links = (await localLinks(page)).filter((link) => link !== `${BASE}no-such-page/`);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    expect(link.startsWith(BASE), `The link ${link} is outside ${BASE}`).toBe(true);
    expect((await page.request.get(link)).status(), `The link ${link}`).toBe(200);
  }
});

test('API Reference mounts Scalar', async ({ page }) => {
  const documents: Array<{ url: string; status: number }> = [];
  page.on('response', (response) => {
    if (/\/openapi\/[^/]+\.json$/.test(new URL(response.url()).pathname)) {
      documents.push({ url: new URL(response.url()).pathname, status: response.status() });
    }
  });

  await page.goto(`${BASE}api-reference/`);
  const root = page.locator('#api-reference-root');
  await expect(root.locator('.scalar-app.scalar-api-reference')).toBeVisible();
  await expect(root.getByRole('heading', { name: 'Send an admin login OTP' })).toBeVisible({
    timeout: SCALAR_TIMEOUT,
  });

  expect(documents.length).toBeGreaterThan(0);
  for (const document of documents) {
    expect(document.url.startsWith(`${BASE}openapi/`), document.url).toBe(true);
    expect(document.status, document.url).toBe(200);
  }
});

test('credential cookie has the API Reference path', async ({ page, context }) => {
  await page.goto(`${BASE}api-reference/`);
  const token = `subpath-${Date.now()}`;
  const tokenField = page.getByPlaceholder('Token').first();
  await expect(tokenField).toBeVisible({ timeout: SCALAR_TIMEOUT });
  await tokenField.fill(token);

  await expect
    .poll(async () => (await context.cookies()).filter((c) => c.name.startsWith('explorer_')))
    .not.toEqual([]);
  const cookies = (await context.cookies()).filter((c) => c.name.startsWith('explorer_'));
  for (const cookie of cookies) expect(cookie.path, cookie.name).toBe(`${BASE}api-reference/`);
  const tokenCookie = cookies.find((cookie) => decodeURIComponent(cookie.value) === token);
  expect(tokenCookie, 'No cookie holds the typed token').toBeDefined();
});
