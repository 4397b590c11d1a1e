/**
 * The Playground page on the site built from the fixture document: the guided admin login against
 * the test API on the Local server, its failures, the decoder's endpoint verdicts, and test tokens
 * signed in the browser.
 */
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { API_URL, FIXTURE_URL, REFUSED_FIXTURE_URL } from '../support/ports';

test.use({ baseURL: FIXTURE_URL });

const PLAYGROUND = '/tools/playground/';
const LOCAL_SERVER = 'http://localhost:8000';
/** Phone numbers that tests/support/api-server.mjs handles in a special way. */
const SERVER_ERROR_PHONE = '+910000000500';
const NO_TOKEN_PHONE = '+910000000000';
const SIGNED_TOKEN_PHONE_PREFIX = '+91777';

interface RecordedRequest {
  method: string;
  path: string;
  origin: string | null;
  headers: Record<string, string>;
}

/** Builds a phone number unique to one test, so parallel tests never read each other's OTP. */
function uniquePhone(prefix = '+9198'): string {
  const digits = `${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(-(12 - prefix.length + 1));
  return `${prefix}${digits}`;
}

async function readOtp(phone: string): Promise<string> {
  let otp: string | null = null;
  await expect
    .poll(async () => {
      const response = await fetch(`${API_URL}/__test/otp?phone=${encodeURIComponent(phone)}`);
      otp = ((await response.json()) as { otp: string | null }).otp;
      return otp;
    })
    .not.toBeNull();
  return otp!;
}

async function recordedRequests(): Promise<RecordedRequest[]> {
  const response = await fetch(`${API_URL}/__test/requests`);
  return (await response.json()) as RecordedRequest[];
}

function loginPanel(page: Page): Locator {
  return page.locator('[data-admin-login]');
}

function loginStatus(page: Page): Locator {
  return page.locator('[data-login-status]');
}

async function requestOtp(page: Page, phone: string): Promise<void> {
  const panel = loginPanel(page);
  await panel.getByLabel('Server').selectOption(LOCAL_SERVER);
  await panel.getByLabel('Phone number').fill(phone);
  await panel.getByRole('button', { name: 'Send OTP' }).click();
}

async function verifyOtp(page: Page, otp: string): Promise<void> {
  const panel = loginPanel(page);
  await panel.getByLabel('OTP', { exact: true }).fill(otp);
  await panel.getByRole('button', { name: 'Verify OTP' }).click();
}

async function expectNothingKept(page: Page, context: BrowserContext, value: string) {
  const storage = await page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
  }));
  expect(storage.local).not.toContain(value);
  expect(storage.session).not.toContain(value);
  expect(JSON.stringify(await context.cookies())).not.toContain(encodeURIComponent(value));
  expect(page.url()).not.toContain(encodeURIComponent(value));
  expect(page.url()).not.toContain(value);
}

/** Opens the Playground and waits until its three scripts have mounted, so no click is lost. */
async function openPlayground(page: Page, origin = ''): Promise<void> {
  await page.goto(`${origin}${PLAYGROUND}`);
  await expect(page.locator('[data-token-decoder]')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('[data-admin-login]')).toBeVisible();
  await expect(page.locator('[data-test-token]')).toBeVisible();
}

function tokenField(page: Page): Locator {
  return page.getByLabel('JWT', { exact: true });
}

test.describe('guided admin login', () => {
  test('token reaches the decoder and the Explorer', async ({ page, context }) => {
    const phone = uniquePhone(SIGNED_TOKEN_PHONE_PREFIX);
    await openPlayground(page);

    await requestOtp(page, phone);
    await expect(loginStatus(page)).toHaveAttribute('data-code', 'LOGIN_OTP_SENT');
    const otp = await readOtp(phone);
    await verifyOtp(page, otp);

    await expect(loginStatus(page)).toHaveAttribute('data-code', 'LOGIN_TOKEN_RECEIVED');
    const token = (await page.locator('[data-login-token]').textContent()) ?? '';
    expect(token).toMatch(/^eyJ/);
    await expect(tokenField(page)).toHaveValue(token);
    await expect(page.locator('[data-verdict-title]')).toContainText('Accepted as an admin');
    await expect(loginPanel(page).getByLabel('OTP', { exact: true })).toHaveValue('');

    const requests = page.locator('[data-login-request]');
    await expect(requests.nth(0)).toContainText(`POST ${LOCAL_SERVER}/v7/login-with-phone-otp`);
    await expect(requests.nth(0)).toContainText(`{"phone":"${phone}"}`);
    await expect(requests.nth(1)).toContainText(`{"phone":"${phone}","otp":"${otp}"}`);
    await expect(page.locator('[data-login-response]').nth(1)).toContainText('200 OK');
    await expect(page.locator('[data-login-response]').nth(1)).toContainText(token);
    await expectNothingKept(page, context, phone);
    await expectNothingKept(page, context, otp);

    await loginPanel(page).getByRole('button', { name: 'Use in API Explorer' }).click();
    await expect(page).toHaveURL(/\/api-reference\/$/);
    await expect(page.getByPlaceholder('Token').first()).toHaveValue(token);
    await expect(page.getByRole('button', { name: /^Server:/ }).first()).toContainText(
      LOCAL_SERVER,
    );
    await expectNothingKept(page, context, phone);

    await page.getByRole('link', { name: "Read the caller's profile" }).first().click();
    await page
      .locator('button', { hasText: 'Test Request' })
      .filter({ hasText: '/fixture/me' })
      .first()
      .click();
    await page
      .getByRole('button', { name: `Send get request to ${LOCAL_SERVER}/fixture/me` })
      .first()
      .click();
    await expect
      .poll(async () =>
        (await recordedRequests()).some(
          (request) =>
            request.path === '/fixture/me' && request.headers.authorization === `Bearer ${token}`,
        ),
      )
      .toBe(true);
  });

  test('invalid phone sends no request', async ({ page }) => {
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(LOCAL_SERVER)) apiRequests.push(request.url());
    });
    await openPlayground(page);
    const phoneInput = loginPanel(page).getByLabel('Phone number');

    await requestOtp(page, '98765 abc');

    const error = page.locator('#admin-login-phone-error');
    await expect(error).toHaveAttribute('data-code', 'LOGIN_PHONE_INVALID');
    await expect(error).toContainText('"98765 abc"');
    await expect(error).toContainText('+919876543210');
    await expect(phoneInput).toHaveAttribute('aria-invalid', 'true');
    await expect(phoneInput).toHaveAttribute('aria-describedby', /admin-login-phone-error/);
    await expect(page.locator('[data-login-exchanges] li')).toHaveCount(0);
    expect(apiRequests).toEqual([]);
  });

  test('empty phone asks for a number', async ({ page }) => {
    await openPlayground(page);

    await requestOtp(page, '  ');

    await expect(page.locator('#admin-login-phone-error')).toHaveAttribute(
      'data-code',
      'LOGIN_PHONE_MISSING',
    );
    await expect(page.locator('[data-login-exchanges] li')).toHaveCount(0);
  });

  test('wrong OTP is explained', async ({ page }) => {
    const phone = uniquePhone();
    await openPlayground(page);
    await requestOtp(page, phone);
    await expect(loginStatus(page)).toHaveAttribute('data-code', 'LOGIN_OTP_SENT');

    // The test API issues OTPs from 100000 to 999999, so this one is always wrong.
    await verifyOtp(page, '000000');

    await expect(loginStatus(page)).toHaveAttribute('data-code', 'LOGIN_OTP_REJECTED');
    await expect(loginStatus(page)).toContainText('wrong or has expired');
    await expect(loginStatus(page)).toContainText('Invalid or expired OTP.');
    await expect(page.locator('[data-login-response]').nth(1)).toContainText('400 Bad Request');
    await expect(page.locator('[data-login-result]')).toBeHidden();
  });

  test('server error shows the body as text', async ({ page }) => {
    await openPlayground(page);

    await requestOtp(page, SERVER_ERROR_PHONE);

    await expect(loginStatus(page)).toHaveAttribute('data-code', 'LOGIN_SERVER_ERROR');
    await expect(loginStatus(page)).toContainText('500 Internal Server Error');
    await expect(loginStatus(page)).toContainText('the SMS gateway did not answer');
    await expect(page.locator('[data-login-response]').first()).toContainText(
      'content-type: text/plain',
    );
    await expect(loginPanel(page).getByLabel('OTP', { exact: true })).toBeDisabled();
  });

  test('response without a token is explained', async ({ page }) => {
    await openPlayground(page);
    await requestOtp(page, NO_TOKEN_PHONE);
    await expect(loginStatus(page)).toHaveAttribute('data-code', 'LOGIN_OTP_SENT');

    await verifyOtp(page, await readOtp(NO_TOKEN_PHONE));

    await expect(loginStatus(page)).toHaveAttribute('data-code', 'LOGIN_NO_TOKEN');
    await expect(loginStatus(page)).toContainText('no "access" string');
    await expect(loginStatus(page)).toContainText('{"detail":"ok"}');
    await expect(page.locator('[data-login-result]')).toBeHidden();
    await expect(tokenField(page)).toHaveValue('');
  });

  test('CORS refusal names origin and headers', async ({ page }) => {
    await openPlayground(page, REFUSED_FIXTURE_URL);

    await requestOtp(page, uniquePhone());

    const status = loginStatus(page);
    await expect(status).toHaveAttribute('data-code', 'LOGIN_CORS');
    await expect(status).toContainText(`allow requests from this page (${REFUSED_FIXTURE_URL})`);
    for (const header of [
      'Authorization',
      'Content-Type',
      'X-LMS-OPEN-API-KEY',
      'X-Vendor-Token',
      'X-Enrollment-Form-Vendor-Token',
    ]) {
      await expect(status).toContainText(header);
    }
    await expect(page.locator('[data-login-response]').first()).toContainText('No response.');
  });

  test('unreachable server is explained', async ({ page }) => {
    await page.route(`${LOCAL_SERVER}/**`, (route) => route.abort('connectionrefused'));
    await openPlayground(page);

    await requestOtp(page, uniquePhone());

    await expect(loginStatus(page)).toHaveAttribute('data-code', 'LOGIN_UNREACHABLE');
    await expect(loginStatus(page)).toContainText(`No response from ${LOCAL_SERVER}`);
  });
});

test.describe('endpoint verdicts', () => {
  const SAMPLES = ['Valid SSO token', 'Expired token', 'Refresh token'] as const;
  const ANONYMOUS = 'Confirmed: No 401, the request goes on as anonymous with public data';
  const VENDOR = 'Bearer token not checked: this operation reads the X-Vendor-Token header';

  for (const { operation, expected } of [
    {
      operation: 'GET /fixture/me',
      expected: [
        'Likely: Accepted as an SSO user',
        'Confirmed: 401 Unauthorized',
        'Confirmed: 401 Unauthorized',
      ],
    },
    {
      operation: 'GET /fixture/catalog',
      expected: ['Likely: Accepted as an SSO user', ANONYMOUS, ANONYMOUS],
    },
    { operation: 'POST /fixture/vendor/callback', expected: [VENDOR, VENDOR, VENDOR] },
  ]) {
    test(`${operation} verdicts per sample`, async ({ page }) => {
      await openPlayground(page);
      await page.getByLabel('Operation').selectOption(operation);
      const verdict = page.locator('[data-endpoint-verdict]');

      for (const [index, sample] of SAMPLES.entries()) {
        await page.getByRole('button', { name: sample }).click();
        await expect(verdict.locator('[data-endpoint-title]'), sample).toHaveText(expected[index]!);
        await expect(verdict.locator('[data-endpoint-operation]'), sample).toHaveText(
          `On ${operation}:`,
        );
      }
    });
  }

  test('optional operation says it goes on anonymously', async ({ page }) => {
    await openPlayground(page);
    await page.getByLabel('Operation').selectOption('GET /fixture/catalog');
    await page.getByRole('button', { name: 'Expired token' }).click();

    const messages = page.locator('[data-endpoint-messages]');
    await expect(messages).toContainText('does not cause a 401');
    await expect(messages).toContainText('gets only public data');
    await expect(messages).toContainText('ENDPOINT_OPTIONAL_ANONYMOUS');
  });

  test('header operation names the Explorer scheme', async ({ page }) => {
    await openPlayground(page);
    await page.getByLabel('Operation').selectOption('POST /fixture/vendor/callback');
    await page.getByRole('button', { name: 'Valid SSO token' }).click();

    await expect(page.locator('[data-endpoint-messages]')).toContainText(
      'select the security scheme VendorTokenAuth',
    );
  });

  test('choice lists the document operations', async ({ page }) => {
    await openPlayground(page);
    const choice = page.getByLabel('Operation');

    await expect(choice).toHaveValue('');
    await expect(choice.locator('option').first()).toHaveText('Any route that needs a Bearer JWT');
    await expect(choice.locator('option[value="GET /fixture/me"]')).toHaveText(
      "GET /fixture/me: Read the caller's profile (Bearer required)",
    );
    await expect(choice.locator('option[value="GET /fixture/either"]')).toHaveText(
      'GET /fixture/either: Read data with a JWT or a partner key (Bearer required or X-LMS-OPEN-API-KEY)',
    );
  });

  test('default choice follows the token verdict', async ({ page }) => {
    await openPlayground(page);
    await page.getByRole('button', { name: 'Expired token' }).click();

    await expect(page.locator('[data-endpoint-operation]')).toHaveText(
      'On any route that needs a Bearer JWT:',
    );
    await expect(page.locator('[data-endpoint-title]')).toHaveText('Confirmed: 401 Unauthorized');
  });
});

test.describe('test tokens for the Local server', () => {
  const SECRET = 'demo-local-secret-for-the-playground-test';

  function form(page: Page): Locator {
    return page.locator('[data-test-token]');
  }

  async function sign(page: Page, kind: 'SSO token' | 'Admin access token'): Promise<string> {
    await form(page).getByLabel(kind).check();
    await form(page).getByLabel('Secret of your local backend').fill(SECRET);
    await form(page).getByRole('button', { name: 'Sign token' }).click();
    await expect(page.locator('[data-test-token-status]')).toHaveAttribute(
      'data-code',
      'TEST_TOKEN_SIGNED',
    );
    return (await page.locator('[data-test-token-output]').textContent()) ?? '';
  }

  function payloadOf(token: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
  }

  test('admin token is confirmed by the decoder', async ({ page }) => {
    await openPlayground(page);

    const token = await sign(page, 'Admin access token');

    await expect(tokenField(page)).toHaveValue(token);
    await expect(page.locator('[data-verdict-title]')).toHaveText(
      'Confirmed: Accepted as an admin',
    );
    const payload = payloadOf(token);
    expect(payload.token_type).toBe('access');
    expect(payload.user_id).toBe(1001);
    expect(payload.phone).toBe('+910000001001');
    expect(payload.jti).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(payload.exp) - Number(payload.iat)).toBe(15 * 60);
  });

  test('SSO token is confirmed by the decoder', async ({ page }) => {
    await openPlayground(page);
    await form(page).getByLabel('Lifetime').fill('2h');

    const token = await sign(page, 'SSO token');

    await expect(page.locator('[data-verdict-title]')).toHaveText(
      'Confirmed: Accepted as an SSO user',
    );
    const payload = payloadOf(token);
    expect(payload.userId).toBe(1001);
    expect(payload).not.toHaveProperty('token_type');
    expect(Number(payload.exp) - Number(payload.iat)).toBe(2 * 3600);
  });

  test('another secret does not confirm it', async ({ page }) => {
    await openPlayground(page);
    await sign(page, 'Admin access token');

    await page.getByLabel('Admin signing key').fill(`${SECRET}-other`);

    await expect(page.locator('[data-verdict-title]')).not.toContainText('Accepted as an admin');
  });

  for (const { field, value, code } of [
    { field: 'User id', value: 'abc', code: 'TEST_TOKEN_USER_ID_INVALID' },
    { field: 'User id', value: '0', code: 'TEST_TOKEN_USER_ID_INVALID' },
    { field: 'Phone number', value: '', code: 'TEST_TOKEN_PHONE_MISSING' },
    { field: 'Lifetime', value: '0', code: 'TEST_TOKEN_LIFETIME_INVALID' },
    { field: 'Lifetime', value: '-5m', code: 'TEST_TOKEN_LIFETIME_INVALID' },
    { field: 'Secret of your local backend', value: '', code: 'TEST_TOKEN_SECRET_MISSING' },
  ]) {
    test(`${field} "${value}" is flagged`, async ({ page }) => {
      await openPlayground(page);
      await form(page).getByLabel('Secret of your local backend').fill(SECRET);
      const input = form(page).getByLabel(field);
      await input.fill(value);

      await form(page).getByRole('button', { name: 'Sign token' }).click();

      const errorId = `${await input.getAttribute('id')}-error`;
      await expect(page.locator(`#${errorId}`)).toHaveAttribute('data-code', code);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(input).toHaveAttribute('aria-describedby', new RegExp(errorId));
      await expect(page.locator('[data-test-token-result]')).toBeHidden();
      await expect(tokenField(page)).toHaveValue('');
    });
  }

  test('secret stays in the page', async ({ page, context }) => {
    const sent: string[] = [];
    page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));
    await openPlayground(page);

    await sign(page, 'Admin access token');

    expect(sent.join('\n')).not.toContain(SECRET);
    await expectNothingKept(page, context, SECRET);
  });

  test('token goes to the Explorer on Local', async ({ page }) => {
    await openPlayground(page);
    const token = await sign(page, 'SSO token');

    await form(page).getByRole('button', { name: 'Use in API Explorer' }).click();

    await expect(page).toHaveURL(/\/api-reference\/$/);
    await expect(page.getByPlaceholder('Token').first()).toHaveValue(token);
    await expect(page.getByRole('button', { name: /^Server:/ }).first()).toContainText(
      LOCAL_SERVER,
    );
  });
});
