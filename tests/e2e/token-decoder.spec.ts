/**
 * The token decoder in the browser: samples reach their verdicts, claims render as text, nothing
 * typed leaves the page or is stored, and "Use in API Explorer" hands the token over.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { SignJWT } from 'jose';
import { FIXTURE_URL } from '../support/ports';

const DECODER = '/tools/token-decoder/';
const DEMO_SSO_SECRET = 'demo-sso-secret-not-for-production';

async function signDemo(payload: Record<string, unknown>, secret = DEMO_SSO_SECRET) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

function tokenField(page: Page) {
  return page.getByLabel('JWT', { exact: true });
}

/** Clicks a sample button and waits until the signed sample is in the field. */
async function loadSample(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name }).click();
  await expect(tokenField(page)).toHaveValue(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  return tokenField(page).inputValue();
}

function verdictTitle(page: Page) {
  return page.locator('[data-verdict-title]').first();
}

for (const { sample, button, verdict } of [
  { sample: 'sso', button: 'Valid SSO token', verdict: 'Likely: Accepted as an SSO user' },
  { sample: 'admin-access', button: 'Valid admin token', verdict: 'Likely: Accepted as an admin' },
  { sample: 'sso-expired', button: 'Expired token', verdict: '401 Unauthorized' },
  { sample: 'admin-refresh', button: 'Refresh token', verdict: '401 Unauthorized' },
]) {
  test(`sample ${sample} reaches its verdict`, async ({ page }) => {
    await page.goto(DECODER);
    await page.getByRole('button', { name: button }).click();

    await expect(tokenField(page)).not.toHaveValue('');
    await expect(verdictTitle(page)).toContainText(verdict);
  });
}

test('demo secrets confirm the SSO sample', async ({ page }) => {
  await page.goto(DECODER);
  await page.getByRole('button', { name: 'Valid SSO token' }).click();
  await page.getByText('Check the signature with a secret').click();
  await page.getByLabel('SSO secret').fill(DEMO_SSO_SECRET);

  await expect(verdictTitle(page)).toHaveText('Confirmed: Accepted as an SSO user');
});

test('a wrong secret never leaves a stale verified', async ({ page }) => {
  await page.goto(DECODER);
  await page.getByRole('button', { name: 'Valid SSO token' }).click();
  await page.getByText('Check the signature with a secret').click();
  await page.getByLabel('SSO secret').fill(DEMO_SSO_SECRET);
  await expect(verdictTitle(page)).toHaveText('Confirmed: Accepted as an SSO user');

  await page.getByLabel('SSO secret').fill(`${DEMO_SSO_SECRET}-wrong`);

  await expect(verdictTitle(page)).not.toContainText('Accepted as an SSO user');
  await expect(page.locator('[data-path="sso"] [data-step="signature"]')).toHaveAttribute(
    'data-status',
    'fail',
  );
});

test('claims with markup render as text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const token = await signDemo({
    userId: '<img src=x onerror=alert(1)>',
    phone: '<script>alert(2)</script>',
  });
  await page.goto(DECODER);
  await tokenField(page).fill(token);

  const claims = page.locator('[data-claims]').first();
  await expect(claims).toContainText('<img src=x onerror=alert(1)>');
  await expect(claims).toContainText('<script>alert(2)</script>');
  expect(await page.locator('[data-token-decoder] img').count()).toBe(0);
  expect(await page.locator('[data-token-decoder] script').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('emptied field shows no verdict', async ({ page }) => {
  await page.goto(DECODER);
  await loadSample(page, 'Valid SSO token');
  await expect(verdictTitle(page)).toContainText('Accepted as an SSO user');

  await tokenField(page).fill('');

  await expect(verdictTitle(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Use in API Explorer' })).toBeHidden();
});

test('malformed input gets a message and no crash', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(DECODER);

  for (const input of [
    'Bearer',
    'Bearer [object Object]',
    'a.b',
    '💥'.repeat(50),
    'x'.repeat(70_000),
  ]) {
    await tokenField(page).fill(input);
    await expect(verdictTitle(page)).toContainText('401 Unauthorized');
    await expect(page.locator('[data-messages] li').first()).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('typed token and secret stay in the page', async ({ page, context }) => {
  const token = await signDemo({ userId: 42, phone: '+910000000042' });
  const secret = 'demo-typed-secret-not-for-production';
  const requests: Request[] = [];
  await page.goto(DECODER);
  page.on('request', (request) => requests.push(request));

  await tokenField(page).pressSequentially(token.slice(0, 40));
  await tokenField(page).fill(token);
  await page.getByText('Check the signature with a secret').click();
  await page.getByLabel('SSO secret').pressSequentially(secret);
  await page.getByLabel('Admin signing key').pressSequentially(secret);
  // The token is signed with another secret, so the checked signature does not match.
  await expect(verdictTitle(page)).toHaveText(/^Confirmed: /);

  for (const request of requests) {
    const host = new URL(request.url()).hostname;
    expect(['127.0.0.1', 'localhost']).toContain(host);
    const sent = `${request.url()} ${request.postData() ?? ''} ${JSON.stringify(await request.allHeaders())}`;
    expect(sent).not.toContain(token);
    expect(sent).not.toContain(secret);
  }
  const storage = await page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
  }));
  expect(storage.local).not.toContain(secret);
  expect(storage.local).not.toContain(token);
  expect(storage.session).not.toContain(secret);
  expect(storage.session).not.toContain(token);
  expect(JSON.stringify(await context.cookies())).not.toContain(token.slice(0, 30));
  expect(page.url()).not.toContain(token.slice(0, 30));
});

test('decoder is embedded in the guide', async ({ page }) => {
  await page.goto('/guides/authentication/');
  await page.getByRole('button', { name: 'Valid admin token' }).click();

  await expect(verdictTitle(page)).toContainText('Accepted as an admin');
});

test('says that it needs JavaScript when it is off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(DECODER);

  await expect(
    page.getByText('The token decoder runs in your browser and needs JavaScript'),
  ).toBeVisible();
  await context.close();
});

test.describe('handing a token to the API Explorer', () => {
  test.use({ baseURL: FIXTURE_URL });

  test('lands with the token filled in', async ({ page, context }) => {
    await page.goto(DECODER);
    const token = await loadSample(page, 'Valid SSO token');

    await page.getByRole('button', { name: 'Use in API Explorer' }).click();

    await expect(page).toHaveURL(/\/api-reference\/$/);
    await expect(page.getByPlaceholder('Token').first()).toHaveValue(token);
    const cookie = (await context.cookies()).find((item) => item.name === 'explorer_v1_BearerAuth');
    expect(cookie?.path).toBe('/api-reference/');
    expect(page.url()).not.toContain(token.slice(0, 20));
  });

  test('warns before handing over an expired token', async ({ page }) => {
    await page.goto(DECODER);
    const token = await loadSample(page, 'Expired token');

    await page.getByRole('button', { name: 'Use in API Explorer' }).click();
    await expect(page.getByRole('alert')).toContainText('would get 401 Unauthorized');
    await expect(page.getByRole('alert')).toContainText('expired');
    await expect(page).toHaveURL(/token-decoder/);

    await page.getByRole('button', { name: 'Use in API Explorer anyway' }).click();
    await expect(page).toHaveURL(/\/api-reference\/$/);
    await expect(page.getByPlaceholder('Token').first()).toHaveValue(token);
  });
});
