/**
 * The API Explorer keeps credentials in page-scoped session cookies, never in web storage, and
 * "try it" sends them to the Local server. Runs on the site built from the fixture document
 * that has an operation of every auth mode, against the test API on http://localhost:8000.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { API_URL, FIXTURE_URL, REFUSED_FIXTURE_URL } from '../support/ports';

test.use({ baseURL: FIXTURE_URL });

const LOCAL_SERVER = 'http://localhost:8000';

interface RecordedRequest {
  method: string;
  path: string;
  origin: string | null;
  headers: Record<string, string>;
}

async function recordedRequests(): Promise<RecordedRequest[]> {
  const response = await fetch(`${API_URL}/__test/requests`);
  return (await response.json()) as RecordedRequest[];
}

/** Returns a value unique to one test, so tests running in parallel never see each other's requests. */
function uniqueValue(label: string): string {
  return `demo-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

async function openReference(page: Page): Promise<void> {
  await page.goto('/api-reference/');
  await expect(page.getByPlaceholder('Token').first()).toBeVisible();
}

/**
 * Makes `scheme` the only selected security scheme. Scalar's selector adds a scheme to the
 * selection, so BearerAuth, selected when the page opens, is then removed.
 */
async function selectScheme(page: Page, scheme: string): Promise<void> {
  await page
    .getByRole('button', { name: /Selected Auth Type/ })
    .first()
    .click();
  const listbox = page.getByRole('listbox').last();
  await listbox.getByRole('option', { name: scheme, exact: true }).click();
  await listbox.getByRole('option', { name: 'BearerAuth', exact: true }).click();
  await page.keyboard.press('Escape');
}

async function selectLocalServer(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: /^Server:/ })
    .first()
    .click();
  await page.getByRole('option', { name: LOCAL_SERVER }).click();
  await expect(page.getByRole('button', { name: /^Server:/ }).first()).toContainText(LOCAL_SERVER);
}

/** Opens "try it" for the operation with this summary and sends the request. */
async function sendRequest(page: Page, summary: string, path: string): Promise<void> {
  await page.getByRole('link', { name: summary }).first().click();
  await page
    .locator('button', { hasText: 'Test Request' })
    .filter({ hasText: path })
    .first()
    .click();
  await page
    .getByRole('button', { name: `Send get request to ${LOCAL_SERVER}${path}` })
    .or(page.getByRole('button', { name: `Send post request to ${LOCAL_SERVER}${path}` }))
    .first()
    .click();
}

/** Asserts that no web storage of the page contains `secret`. */
async function expectNoStoredSecret(page: Page, secret: string): Promise<void> {
  const storage = await page.evaluate(async () => {
    const databases = indexedDB.databases ? await indexedDB.databases() : [];
    return {
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      indexedDb: JSON.stringify(databases),
    };
  });
  expect(storage.local).not.toContain(secret);
  expect(storage.session).not.toContain(secret);
  expect(storage.indexedDb).not.toContain(secret);
  expect(page.url()).not.toContain(secret);
}

async function explorerCookies(context: BrowserContext) {
  return (await context.cookies()).filter((cookie) => cookie.name.startsWith('explorer_'));
}

test('keeps a Bearer token across a reload and sends it', async ({ page, context }) => {
  const token = uniqueValue('bearer');
  await openReference(page);
  await page.getByPlaceholder('Token').first().fill(token);
  await expectNoStoredSecret(page, token);

  await page.reload();
  await expect(page.getByPlaceholder('Token').first()).toHaveValue(token);
  await expectNoStoredSecret(page, token);

  await selectLocalServer(page);
  await sendRequest(page, "Read the caller's profile", '/fixture/me');
  await expect
    .poll(async () =>
      (await recordedRequests()).some((r) => r.headers.authorization === `Bearer ${token}`),
    )
    .toBe(true);
  await expectNoStoredSecret(page, token);
  expect((await explorerCookies(context)).length).toBeGreaterThan(0);
});

test('sends no token to an operation that takes none', async ({ page }) => {
  const token = uniqueValue('bearer');
  await openReference(page);
  await page.getByPlaceholder('Token').first().fill(token);
  await selectLocalServer(page);

  await sendRequest(page, 'Read public data', '/fixture/public');

  await expect
    .poll(async () => (await recordedRequests()).some((r) => r.path === '/fixture/public'))
    .toBe(true);
  const sent = (await recordedRequests()).filter((r) => r.path === '/fixture/public');
  expect(sent.map((r) => r.headers.authorization ?? '')).not.toContain(`Bearer ${token}`);
  await expect(page.getByRole('status')).toContainText('not sent');
});

test('restores credentials at the URL without a slash', async ({ page }) => {
  const token = uniqueValue('bearer');
  await openReference(page);
  await page.getByPlaceholder('Token').first().fill(token);
  await expect(page.getByRole('status')).toContainText('kept in session cookies');

  await page.goto(page.url().replace(/\/api-reference\/.*$/, '/api-reference'));

  await expect(page).toHaveURL(/\/api-reference\/$/);
  await expect(page.getByPlaceholder('Token').first()).toHaveValue(token);
});

for (const { scheme, header, summary, path } of [
  {
    scheme: 'ApiKeyAuth',
    header: 'x-lms-open-api-key',
    summary: 'Create a course as an LMS partner',
    path: '/fixture/lms/courses',
  },
  {
    scheme: 'VendorTokenAuth',
    header: 'x-vendor-token',
    summary: 'Receive a vendor callback',
    path: '/fixture/vendor/callback',
  },
  {
    scheme: 'EnrollmentFormVendorTokenAuth',
    header: 'x-enrollment-form-vendor-token',
    summary: 'Submit an enrollment form as a vendor',
    path: '/fixture/enrollment/forms',
  },
]) {
  test(`keeps and sends the ${scheme} header`, async ({ page }) => {
    const value = uniqueValue(scheme);
    await openReference(page);
    await selectScheme(page, scheme);
    await page.getByRole('textbox', { name: 'Value' }).first().fill(value);

    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Value' }).first()).toHaveValue(value);
    await expectNoStoredSecret(page, value);

    await selectLocalServer(page);
    await sendRequest(page, summary, path);
    await expect
      .poll(async () => (await recordedRequests()).find((r) => r.headers[header] === value)?.path)
      .toBe(path);
    await expectNoStoredSecret(page, value);
  });
}

test('restores the selected server after a reload', async ({ page }) => {
  await openReference(page);
  await selectLocalServer(page);

  await page.reload();
  await expect(page.getByRole('button', { name: /^Server:/ }).first()).toContainText(LOCAL_SERVER);
});

test('writes session cookies scoped to the page', async ({ page, context }) => {
  const token = uniqueValue('attributes');
  await openReference(page);
  await page.getByPlaceholder('Token').first().fill(token);

  await expect.poll(async () => (await explorerCookies(context)).length).toBeGreaterThan(0);
  const cookie = (await explorerCookies(context)).find(
    (item) => item.name === 'explorer_v1_BearerAuth',
  );
  expect(cookie?.value).toBe(encodeURIComponent(token));
  expect(cookie?.expires).toBe(-1);
  expect(cookie?.sameSite).toBe('Strict');
  expect(cookie?.path).toBe('/api-reference/');
  expect(cookie?.httpOnly).toBe(false);
  // The fixture site is served over http, where a Secure cookie would not be kept.
  expect(cookie?.secure).toBe(false);
});

test('restores nothing in a new browser session', async ({ page, browser }) => {
  const token = uniqueValue('session');
  await openReference(page);
  await page.getByPlaceholder('Token').first().fill(token);
  await expect(page.getByPlaceholder('Token').first()).toHaveValue(token);

  const freshContext = await browser.newContext({ baseURL: FIXTURE_URL });
  const freshPage = await freshContext.newPage();
  await openReference(freshPage);
  await expect(freshPage.getByPlaceholder('Token').first()).toHaveValue('');
  await freshContext.close();
});

test('forget credentials empties fields and cookies', async ({ page, context }) => {
  const token = uniqueValue('forget');
  await openReference(page);
  await page.getByPlaceholder('Token').first().fill(token);
  await expect.poll(async () => (await explorerCookies(context)).length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Forget credentials' }).click();

  await expect(page.getByPlaceholder('Token').first()).toHaveValue('');
  expect(await explorerCookies(context)).toEqual([]);
  await expect(page.getByRole('status')).toContainText('Credentials forgotten');
  await page.reload();
  await expect(page.getByPlaceholder('Token').first()).toHaveValue('');
});

test('tells the user when a value is too large', async ({ page, context }) => {
  const token = `demo-${'x'.repeat(4100)}`;
  await openReference(page);
  await page.getByPlaceholder('Token').first().fill(token);

  await expect(page.getByRole('status')).toContainText('not kept');
  expect(await explorerCookies(context)).toEqual([]);
});

test('removes malformed and old cookies', async ({ page, context }) => {
  await context.addCookies([
    { name: 'explorer_v1_BearerAuth', value: '%E0%A4%A', url: `${FIXTURE_URL}/api-reference/` },
    { name: 'explorer_v0_token', value: 'old-format', url: `${FIXTURE_URL}/api-reference/` },
    {
      name: 'explorer_v1_server',
      value: 'https://elsewhere.example',
      url: `${FIXTURE_URL}/api-reference/`,
    },
  ]);
  await openReference(page);

  await expect(page.getByPlaceholder('Token').first()).toHaveValue('');
  await expect.poll(async () => (await explorerCookies(context)).map((c) => c.name)).toEqual([]);
});

test('explains a CORS refusal by the API', async ({ page }) => {
  await page.goto(`${REFUSED_FIXTURE_URL}/api-reference/`);
  await expect(page.getByPlaceholder('Token').first()).toBeVisible();
  await page.getByPlaceholder('Token').first().fill(uniqueValue('cors'));
  await selectLocalServer(page);
  await sendRequest(page, "Read the caller's profile", '/fixture/me');

  const dialog = page.locator('[data-request-failure]');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`does not allow requests from ${REFUSED_FIXTURE_URL}`);
  await expect(dialog).toContainText('X-Enrollment-Form-Vendor-Token');
  await expect(dialog).toContainText('Access-Control-Allow-Headers');
});
