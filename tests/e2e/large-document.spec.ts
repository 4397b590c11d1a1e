/**
 * The API Reference with a document of 1,000+ operations (GitHub's REST description, built
 * without the project's auth rules): the static view lists every operation, with and without
 * JavaScript, the theme toggle responds while Scalar prepares the document, and Scalar
 * then shows the operations with a working "try it".
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { GITHUB_URL } from '../support/ports';

test.use({ baseURL: GITHUB_URL });
// Scalar needs several seconds for this document on a 2-core machine, more on a busy one.
test.setTimeout(120_000);

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function countOperations(): number {
  const document = JSON.parse(
    readFileSync('.cache/openapi-github/api.github.com.json', 'utf8'),
  ) as { paths: Record<string, Record<string, unknown>> };
  return Object.values(document.paths).reduce(
    (sum, item) => sum + Object.keys(item).filter((key) => METHODS.includes(key)).length,
    0,
  );
}

test('static view lists every operation without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: GITHUB_URL });
  const page = await context.newPage();
  await page.goto('/api-reference/');

  const expected = countOperations();
  expect(expected).toBeGreaterThan(1000);
  await expect(page.locator('.static-reference__operations li')).toHaveCount(expected);
  await context.close();
});

test('deep link lands on the operation before Scalar', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: GITHUB_URL });
  const page = await context.newPage();
  await page.goto('/api-reference/#tag/repos/GET/repos/{owner}/{repo}');

  const target = page.locator('[id="tag/repos/GET/repos/{owner}/{repo}"]');
  await expect(target).toBeInViewport();
  await context.close();
});

test('theme toggle works while Scalar prepares', async ({ page }) => {
  await page.goto('/api-reference/', { waitUntil: 'commit' });
  await expect(page.locator('.static-reference__operations li').first()).toBeVisible();

  await page.locator('starlight-theme-select select').first().selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.locator('starlight-theme-select select').first().selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await expect(page.locator('.api-reference__scalar:not([data-pending])')).toBeAttached({
    timeout: 110_000,
  });
  await expect(page.locator('body')).toHaveClass(/light-mode/);
  await expect(page.locator('.static-reference')).toHaveCount(0);
});

test('document arrives prepared for Scalar', async ({ page, request }) => {
  await page.goto('/api-reference/', { waitUntil: 'commit' });
  const config = JSON.parse(
    (await page.locator('#api-reference-root').getAttribute('data-config')) ?? '{}',
  ) as { sources: Array<{ url: string }> };

  const response = await request.get(config.sources[0]!.url);
  const document = (await response.json()) as Record<string, unknown>;

  expect(document['x-scalar-navigation']).toMatchObject({ type: 'document' });
});

test('Scalar shows the first operation and opens try it', async ({ page }) => {
  const summary = 'Get GitHub Actions cache retention limit for an enterprise';
  await page.goto('/api-reference/');

  await expect(page.getByRole('heading', { name: summary, exact: true })).toBeVisible({
    timeout: 110_000,
  });
  await expect(page.locator('.static-reference')).toHaveCount(0);
  await page
    .getByRole('button', {
      name: 'Test Request (get /enterprises/{enterprise}/actions/cache/retention-limit)',
    })
    .click();
  await expect(page.getByRole('dialog', { name: 'API Client' })).toBeVisible();
});
